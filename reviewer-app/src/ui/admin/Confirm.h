#pragma once
// Asking the administrator to confirm a change that cannot be undone. A page holds one of these
// so tests can answer for the person (a modal QMessageBox would wait for a click).
#include <QString>

#include <functional>

class QWidget;

namespace tessera::reviewer {

using ConfirmFn = std::function<bool(const QString& title, const QString& question)>;

// A Yes/No question box over `parent`; No is the default.
ConfirmFn askWithMessageBox(QWidget* parent);

}  // namespace tessera::reviewer
