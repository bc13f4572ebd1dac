#include "ui/admin/SecretDialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::reviewer {

SecretDialog::SecretDialog(const QString& serviceName, const QString& secret, QWidget* parent)
    : QDialog(parent), secret_(new QLineEdit(secret, this)) {
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("New client secret for %1").arg(serviceName));
    setAccessibleName(tr("New client secret"));

    auto* warning = new QLabel(tr("Copy this secret now and give it to the service's operator by a safe channel. "
                                  "It is shown only this once: when you close this window it cannot be shown again."),
                               this);
    warning->setWordWrap(true);
    warning->setAccessibleName(tr("Warning"));

    secret_->setReadOnly(true);
    secret_->setAccessibleName(tr("Client secret"));

    auto* copy = new QPushButton(tr("Copy"), this);
    copy->setAccessibleName(tr("Copy the secret"));
    connect(copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(secret_->text());
        emit copied();
    });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setAccessibleName(tr("Close"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::finished, this, [this] { wipe(); });

    auto* row = new QHBoxLayout;
    row->addWidget(secret_, 1);
    row->addWidget(copy);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(warning);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

SecretDialog::~SecretDialog() { wipe(); }

QString SecretDialog::shownSecret() const { return secret_->text(); }

void SecretDialog::wipe() { secret_->clear(); }

}  // namespace tessera::reviewer
