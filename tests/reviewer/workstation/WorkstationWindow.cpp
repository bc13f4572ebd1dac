#include "WorkstationWindow.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include "client/OutboxSender.h"
#include "signin/SignIn.h"
#include "support/EventLoopWait.h"
#include "ui/CaseView.h"
#include "ui/DecisionDialog.h"
#include "ui/ImageViewer.h"
#include "ui/QueueView.h"
#include "ui/ReviewDesk.h"
#include "ui/SignInPage.h"

namespace tessera::reviewer::test {

namespace {

WorkstationSettings settingsFor(const RunningServer& server, const QString& outboxDir) {
    WorkstationSettings settings;
    settings.server = server.url();
    settings.outboxPath = outboxDir + "/decision-outbox.sqlite";
    return settings;
}

}  // namespace

WorkstationWindow::WorkstationWindow(const RunningServer& server, const QString& role)
    : staff(signInAs(server, role)),
      browser(*staff.network),
      window(std::make_unique<MainWindow>(settingsFor(server, outboxDir.path()))) {
    window->signIn().setOpenUrl(browser.opener());
    window->outboxSender().setBackoff({200, 1'000});
    QObject::connect(window.get(), &MainWindow::ready, [this] { ready = true; });
    QObject::connect(&window->outboxSender(), &OutboxSender::delivered,
                     [this](const OutboxEntry&, const DecisionResult& result) { delivered.push_back(result); });
    window->resize(1366, 768);
    window->show();
    // The reviewer's window has the focus (shortcuts such as N act only in the active window; an
    // X server without a window manager activates nothing by itself).
    QApplication::setActiveWindow(window.get());
    (void)QTest::qWaitForWindowActive(window.get());
    window->start();
}

bool WorkstationWindow::signInThroughBrowser(int timeoutMs) {
    // Nothing is kept in the (isolated) keychain, so the window asks to sign in.
    if (!waitFor([this] { return window->signInPage()->signInButton()->isEnabled() && window->signInPage()->isVisible(); }))
        return false;
    ready = false;
    QTest::mouseClick(window->signInPage()->signInButton(), Qt::LeftButton);
    if (waitFor([this] { return ready; }, timeoutMs)) return true;
    // Why not, for the failure message.
    QStringList texts;
    for (auto* label : window->findChildren<QLabel*>())
        if (label->isVisible() && !label->text().isEmpty()) texts << label->text();
    qWarning().noquote() << "sign-in did not finish: browser opened" << browser.opened << "authorize status"
                         << browser.authorizeStatus << "loopback page shown" << browser.pageShown << "window says:" << texts.join(" | ");
    return false;
}

bool WorkstationWindow::waitForCaseWithPhotos() {
    CaseView* view = window->reviewDesk()->caseView();
    return waitFor([view] { return view->hasCase() && view->frontViewer()->hasImage() && view->backViewer()->hasImage(); },
                   30'000);
}

void WorkstationWindow::approveOpenCase() {
    CaseView* view = window->reviewDesk()->caseView();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_A);
    DecisionDialog* dialog = view->decisionDialog();
    if (!dialog) return;
    dialog->proceed();  // the confirmation that names the citizen and the decision
    dialog->confirm();
}

}  // namespace tessera::reviewer::test
