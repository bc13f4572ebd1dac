#pragma once
// The reviewer workstation's window. It owns the one connection to the server (ApiClient), the
// sign-in, and the decision outbox, and shows what the signed-in account's roles allow:
// reviewing (ReviewDesk) for reviewers and senior reviewers, administration (AdminPanel) for
// administrators. After the configured time without input it locks: everything shown is
// dropped and the reviewer signs in again. Signing out (or the server ending the session) drops
// every case, photo and video held in memory.
#include <QMainWindow>

#include "client/StaffApi.h"
#include "ui/WorkstationSettings.h"

class QLabel;
class QStackedWidget;
class QTabWidget;

namespace tessera::reviewer {

class AdminPanel;
class ApiClient;
class DecisionOutbox;
class IdleWatch;
class OutboxSender;
class ReviewApi;
class ReviewDesk;
class SignIn;
class SignInPage;
struct SessionEnd;
struct SignInProblem;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(const WorkstationSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Signs in silently with a sign-in kept in the keychain, or shows the sign-in page.
    void start();
    // Locks now, as the idle time would.
    void lock();

    SignIn& signIn() { return *signIn_; }
    ApiClient& apiClient() { return *client_; }
    OutboxSender& outboxSender() { return *sender_; }
    SignInPage* signInPage() const { return signInPage_; }
    ReviewDesk* reviewDesk() const { return desk_; }
    AdminPanel* adminPanel() const { return admin_; }
    QTabWidget* workspace() const { return workspace_; }
    const StaffMember& staffMember() const { return me_; }
    bool isLocked() const { return !lockedAccount_.isEmpty(); }

signals:
    // The signed-in account was read and the window shows what its roles allow.
    void ready(const tessera::reviewer::StaffMember& member);

private:
    void buildMenus();
    void signedIn();
    void showStaffMember(const StaffMember& member);
    void signInFailed(const SignInProblem& problem);
    void sessionEnded(const SessionEnd& end);
    void signOut();
    void dropEverything();
    void showPending(int pending);

    WorkstationSettings settings_;
    ApiClient* client_;
    ReviewApi* review_;
    DecisionOutbox* outbox_;
    OutboxSender* sender_;
    SignIn* signIn_;
    IdleWatch* idle_;
    QStackedWidget* pages_;
    SignInPage* signInPage_;
    QTabWidget* workspace_;
    ReviewDesk* desk_;
    AdminPanel* admin_;
    QLabel* noRole_;
    QLabel* pending_;
    StaffMember me_;
    QString lockedAccount_;  // while locked: the account that must sign in again to see its work
    QString lockedName_;
};

}  // namespace tessera::reviewer
