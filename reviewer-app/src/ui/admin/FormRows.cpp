#include "ui/admin/FormRows.h"

#include <QLabel>
#include <QVBoxLayout>

namespace tessera::reviewer {

QLabel* errorLabel(QWidget* parent, const QString& accessibleName) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setAccessibleName(accessibleName);
    label->hide();
    return label;
}

QWidget* withError(QWidget* field, QLabel* error, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

}  // namespace tessera::reviewer
