#include "ui/admin/Confirm.h"

#include <QMessageBox>

namespace tessera::reviewer {

ConfirmFn askWithMessageBox(QWidget* parent) {
    return [parent](const QString& title, const QString& question) {
        return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
               QMessageBox::Yes;
    };
}

}  // namespace tessera::reviewer
