#include "ui/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

#include "client/ApiClient.h"
#include "client/DecisionOutbox.h"
#include "client/OutboxSender.h"
#include "client/ReviewApi.h"
#include "signin/SignIn.h"
#include "ui/IdleWatch.h"
#include "ui/ReviewDesk.h"
#include "ui/SignInPage.h"
#include "ui/admin/AdminPanel.h"

namespace tessera::reviewer {

MainWindow::MainWindow(const WorkstationSettings& settings, QWidget* parent)
    : QMainWindow(parent),
      settings_(settings),
      client_(new ApiClient(settings.server, this)),
      review_(new ReviewApi(*client_)),
      outbox_(new DecisionOutbox()),
      sender_(new OutboxSender(*outbox_, *review_, this)),
      signIn_(new SignIn(settings.server, this)),
      idle_(new IdleWatch(this)),
      pages_(new QStackedWidget(this)),
      signInPage_(new SignInPage(pages_)),
      workspace_(new QTabWidget(pages_)),
      desk_(new ReviewDesk(*review_, *sender_, workspace_)),
      admin_(new AdminPanel(*client_, workspace_)),
      noRole_(new QLabel(pages_)),
      pending_(new QLabel(this)) {
    setWindowTitle(tr("Tessera Reviewer"));
    setAccessibleName(tr("Tessera Reviewer"));
    pages_->setAccessibleName(tr("Pages"));
    workspace_->setAccessibleName(tr("Workspace"));
    noRole_->setAccessibleName(tr("No staff role"));
    noRole_->setWordWrap(true);
    noRole_->setAlignment(Qt::AlignCenter);
    pending_->setAccessibleName(tr("Decisions waiting to be delivered"));
    workspace_->addTab(desk_, tr("&Review"));
    workspace_->addTab(admin_, tr("&Administration"));
    pages_->addWidget(signInPage_);
    pages_->addWidget(workspace_);
    pages_->addWidget(noRole_);
    setCentralWidget(pages_);
    statusBar()->addPermanentWidget(pending_);
    buildMenus();
    // Fits the smallest screen a government workstation has (1366×768) with room for the taskbar.
    resize(1280, 720);

    client_->setAuth(bearerAuth([this] { return signIn_->accessToken().toUtf8(); },
                                [this](std::function<void(bool)> done) { signIn_->refreshNow(std::move(done)); }));
    connect(client_, &ApiClient::signInRequired, this, [this](const Problem& problem) {
        dropEverything();
        signInPage_->showSignedOut(problem.message());
    });
    connect(signIn_, &SignIn::signedIn, this, &MainWindow::signedIn);
    connect(signIn_, &SignIn::signInFailed, this, &MainWindow::signInFailed);
    connect(signIn_, &SignIn::sessionEnded, this, &MainWindow::sessionEnded);
    connect(signInPage_, &SignInPage::signInRequested, this, [this] {
        signInPage_->showWaitingForBrowser();
        signIn_->signIn();
    });
    connect(idle_, &IdleWatch::idle, this, &MainWindow::lock);
    connect(desk_, &ReviewDesk::message, this, [this](const QString& text) { statusBar()->showMessage(text, 15'000); });
    connect(sender_, &OutboxSender::pendingChanged, this, &MainWindow::showPending);
    connect(sender_, &OutboxSender::storageFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Decisions cannot be kept on this computer: %1").arg(message));
    });
    connect(sender_, &OutboxSender::waitingForSignIn, this, [this] {
        statusBar()->showMessage(tr("Decisions are waiting: sign in again to deliver them."));
    });

    if (auto opened = outbox_->open(settings_.outboxPath); !opened)
        statusBar()->showMessage(tr("The decision outbox cannot be opened: %1").arg(QString::fromStdString(opened.error().message)));
    pages_->setCurrentWidget(signInPage_);
    if (settings_.server.isEmpty()) {
        signInPage_->showProblem(settings_.serverProblem.isEmpty()
                                     ? tr("No server is configured: start the workstation with --server https://… or ask IT support.")
                                     : settings_.serverProblem);
        signInPage_->signInButton()->setEnabled(false);
    }
}

MainWindow::~MainWindow() {
    sender_->stop();
    delete sender_;
    sender_ = nullptr;
    delete review_;
    delete outbox_;
}

void MainWindow::buildMenus() {
    QMenu* session = menuBar()->addMenu(tr("&Session"));
    QAction* refresh = session->addAction(tr("&Reload"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this] {
        if (workspace_->currentWidget() == admin_) admin_->refresh();
    });
    QAction* lockNow = session->addAction(tr("&Lock"));
    lockNow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(lockNow, &QAction::triggered, this, &MainWindow::lock);
    QAction* signOut = session->addAction(tr("Sign &out"));
    signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    connect(signOut, &QAction::triggered, this, &MainWindow::signOut);
    connect(workspace_, &QTabWidget::currentChanged, this, [this](int index) {
        if (workspace_->widget(index) == admin_) admin_->refresh();
    });
}

void MainWindow::start() {
    if (settings_.server.isEmpty()) return;
    signInPage_->showResuming();
    signIn_->resume();
}

void MainWindow::signedIn() {
    fetchStaffMember(*client_, this, [this](const ApiResult<StaffMember>& member) {
        if (!member) {
            signInPage_->showProblem(member.problem().message());
            pages_->setCurrentWidget(signInPage_);
            return;
        }
        showStaffMember(member.value());
    });
}

void MainWindow::showStaffMember(const StaffMember& member) {
    // Unlocked by someone else: nothing of the previous account's work stays on screen (it was
    // dropped at the lock), and its undelivered decisions wait for that account.
    lockedAccount_.clear();
    lockedName_.clear();
    me_ = member;
    sender_->setOwner(member.accountId);
    statusBar()->showMessage(tr("Signed in as %1 (%2).").arg(member.name, member.email), 10'000);
    workspace_->setTabVisible(workspace_->indexOf(desk_), member.reviews());
    workspace_->setTabVisible(workspace_->indexOf(admin_), member.administers());
    if (!member.reviews() && !member.administers()) {
        noRole_->setText(tr("%1 has no staff role at this server. Ask an administrator for the reviewer role.").arg(member.name));
        pages_->setCurrentWidget(noRole_);
    } else {
        pages_->setCurrentWidget(workspace_);
        if (member.reviews()) {
            workspace_->setCurrentWidget(desk_);
            desk_->start(member);
        } else {
            workspace_->setCurrentWidget(admin_);
            admin_->refresh();
        }
    }
    idle_->start(settings_.idleLockMinutes * 60 * 1000);
    showPending(sender_->pendingCount());
    emit ready(member);
}

void MainWindow::signInFailed(const SignInProblem& problem) {
    pages_->setCurrentWidget(signInPage_);
    if (problem.kind == SignInProblem::Kind::NotSignedIn) {
        if (isLocked()) signInPage_->showLocked(lockedName_);
        else signInPage_->showSignedOut();
        return;
    }
    signInPage_->showProblem(problem.message);
}

void MainWindow::sessionEnded(const SessionEnd& end) {
    dropEverything();
    if (isLocked()) signInPage_->showLocked(lockedName_);
    else signInPage_->showSignedOut(end.message);
}

void MainWindow::lock() {
    if (me_.accountId.isEmpty()) return;
    lockedAccount_ = me_.accountId;
    lockedName_ = me_.name;
    // The sign-in ends (tokens revoked and forgotten): unlocking is a new sign-in in the browser.
    signIn_->signOut();
    dropEverything();
    signInPage_->showLocked(lockedName_);
}

void MainWindow::signOut() {
    lockedAccount_.clear();
    lockedName_.clear();
    signIn_->signOut();
    dropEverything();
    signInPage_->showSignedOut(tr("You are signed out."));
}

void MainWindow::dropEverything() {
    idle_->stop();
    sender_->setOwner({});
    desk_->clear();
    me_ = {};
    pages_->setCurrentWidget(signInPage_);
    showPending(0);
}

void MainWindow::showPending(int pending) {
    pending_->setText(pending > 0 ? tr("%n decision(s) waiting to be delivered", nullptr, pending) : QString());
}

}  // namespace tessera::reviewer
