#pragma once
// What the window shows when nobody is signed in, or when it is locked: one line saying why,
// and the button that signs in through the browser.
#include <QWidget>

class QLabel;
class QPushButton;

namespace tessera::reviewer {

class SignInPage : public QWidget {
    Q_OBJECT

public:
    explicit SignInPage(QWidget* parent = nullptr);

    void showSignedOut(const QString& why = {});
    void showLocked(const QString& name);
    void showResuming();
    void showWaitingForBrowser();
    void showProblem(const QString& message);
    QPushButton* signInButton() const { return button_; }
    QString message() const;

signals:
    void signInRequested();

private:
    QLabel* title_;
    QLabel* message_;
    QPushButton* button_;
};

}  // namespace tessera::reviewer
