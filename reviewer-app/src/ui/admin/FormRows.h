#pragma once
// The pieces every administration form is built from: an error line (hidden until the server
// or a local check has something to say) and a field with its error line under it.
#include <QString>

class QLabel;
class QWidget;

namespace tessera::reviewer {

QLabel* errorLabel(QWidget* parent, const QString& accessibleName);
// A field with its error message under it, as one row of the form.
QWidget* withError(QWidget* field, QLabel* error, QWidget* parent);

}  // namespace tessera::reviewer
