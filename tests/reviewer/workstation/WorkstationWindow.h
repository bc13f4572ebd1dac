#pragma once
// The whole workstation window against a real tessera-server, as a reviewer uses it: the test
// plays the browser step of the sign-in (with a staff member's signed-in portal session), then
// drives the window's own widgets. Nothing of the test's run lands in the real home folder or
// keychain (IsolatedHome), and the decision outbox is a file of the test's own.
#include <QTemporaryDir>

#include <memory>
#include <optional>

#include "SignInTestSupport.h"
#include "TestBrowser.h"
#include "client/ReviewTypes.h"
#include "support/RunningServer.h"
#include "support/StaffSignIn.h"
#include "ui/MainWindow.h"

namespace tessera::reviewer::test {

struct WorkstationWindow {
    WorkstationWindow(const RunningServer& server, const QString& role);

    // Presses "Sign in with Tessera" and waits until the window shows the account's work.
    bool signInThroughBrowser(int timeoutMs = 30'000);
    // The case view once a case is claimed and both document photos have arrived.
    bool waitForCaseWithPhotos();
    // Approves the open case through the decision dialog (A, then confirm).
    void approveOpenCase();

    IsolatedHome home;  // first: nothing the window writes may reach the real home
    QTemporaryDir outboxDir;
    StaffSession staff;
    TestBrowser browser;
    std::unique_ptr<MainWindow> window;
    bool ready = false;
    std::vector<DecisionResult> delivered;
};

}  // namespace tessera::reviewer::test
