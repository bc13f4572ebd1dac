#include "ui/SignInPage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::reviewer {

SignInPage::SignInPage(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), message_(new QLabel(this)), button_(new QPushButton(tr("&Sign in with Tessera"), this)) {
    setAccessibleName(tr("Sign in"));
    title_->setAccessibleName(tr("Sign-in title"));
    message_->setAccessibleName(tr("Sign-in message"));
    button_->setAccessibleName(tr("Sign in with Tessera"));
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    title_->setFont(big);
    message_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    for (QWidget* w : {static_cast<QWidget*>(title_), static_cast<QWidget*>(message_), static_cast<QWidget*>(button_)})
        layout->addWidget(w, 0, Qt::AlignHCenter);
    layout->addStretch();
    connect(button_, &QPushButton::clicked, this, &SignInPage::signInRequested);
    showSignedOut();
}

QString SignInPage::message() const { return message_->text(); }

void SignInPage::showSignedOut(const QString& why) {
    title_->setText(tr("Tessera Reviewer"));
    message_->setText(why.isEmpty() ? tr("Sign in with your staff account. Your browser opens to do it.") : why);
    button_->setEnabled(true);
}

void SignInPage::showLocked(const QString& name) {
    title_->setText(tr("Locked"));
    message_->setText(tr("The workstation was locked after a time without use. %1, sign in again to go on.").arg(name));
    button_->setEnabled(true);
}

void SignInPage::showResuming() {
    message_->setText(tr("Signing in with the sign-in kept on this computer…"));
    button_->setEnabled(false);
}

void SignInPage::showWaitingForBrowser() {
    message_->setText(tr("Finish signing in in your browser, then come back here."));
    button_->setEnabled(false);
}

void SignInPage::showProblem(const QString& message) {
    message_->setText(message);
    button_->setEnabled(true);
}

}  // namespace tessera::reviewer
