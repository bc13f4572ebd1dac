// A reviewer's whole session at the workstation, against a real server with the demo's
// applications waiting: sign in through the browser, claim the next case with one key, see
// both document photos, approve — and the citizen's level rises at the server. Then a decision
// whose reply is lost while the server is killed is delivered once after the restart.
#include <catch2/catch.hpp>

#include <algorithm>

#include <QFile>
#include <QMediaPlayer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include "WorkstationWindow.h"
#include "client/ApiClient.h"
#include "client/OutboxSender.h"
#include "support/BlockingHttp.h"
#include "support/EventLoopWait.h"
#include "support/LossyRelay.h"
#include "support/QStringPrinting.h"
#include "ui/CaseView.h"
#include "ui/DecisionDialog.h"
#include "ui/ImageViewer.h"
#include "ui/admin/AdminPanel.h"
#include "ui/admin/ChoiceList.h"
#include "ui/admin/ServicesPage.h"
#include "admin/ServicesModel.h"
#include "ui/VideoPanel.h"
#include "WebmSample.h"
#include "ui/QueueView.h"
#include "ui/ReviewDesk.h"
#include "ui/SignInPage.h"
#include "review/QueueModel.h"
#include "ui/WidgetChecks.h"

using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

// The citizen's level as they see it on their own account.
int citizenLevel(const RunningServer& server, const QString& email) {
    const StaffSession citizen = signInStaff(server, server.demoAccountByEmail(email));
    const HttpAnswer answer = httpGet(*citizen.network, server.url("/api/v1/accounts/me/verification"), citizen.headers());
    REQUIRE(answer.status == 200);
    return answer.json().value("loa").toInt(-1);
}

QString emailOfCitizen(const QString& name) {
    return name.startsWith("Eilidh") ? "eilidh" : name.startsWith(QString::fromUtf8("Seán")) ? "sean" : QString();
}

// What the server's history of a case says was decided.
int decisionsInHistory(const RunningServer& server, const StaffSession& staff, const QString& caseId) {
    const HttpAnswer answer = httpGet(*staff.network, server.url("/api/v1/review/cases/" + caseId), staff.headers());
    REQUIRE(answer.status == 200);
    int decisions = 0;
    for (const QJsonValue& e : answer.json().value("history").toArray()) {
        const QString event = e.toObject().value("event").toString();
        if (event == "approved" || event == "rejected" || event == "decided") ++decisions;
    }
    return decisions;
}

void claimNextWithOneKey(WorkstationWindow& w, const QString& screenshot = {}) {
    QueueView* queue = w.window->reviewDesk()->queueView();
    REQUIRE(waitFor([queue] { return queue->model()->rowCount() >= 1; }, 30'000));
    if (!screenshot.isEmpty()) saveScreenshot(w.window.get(), screenshot);
    queue->table()->setFocus();
    QTest::keyClick(queue->table(), Qt::Key_N);
}

}  // namespace

TEST_CASE("A reviewer signs in, claims the next case, sees both photos, plays the video, approves, and the citizen's level rises") {
    // The demo's applications, each with a real selfie video (VP8 WebM made on this machine).
    const WebmSample& video = webmSample();
    INFO(video.madeBy.toStdString());
    REQUIRE_FALSE(video.bytes.isEmpty());
    QTemporaryDir videoDir;
    QFile file(videoDir.filePath("selfie.webm"));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(video.bytes);
    file.close();
    RunningServer::Options options;
    options.env << "TESSERA_DEMO_SELFIE_VIDEO=" + file.fileName();
    RunningServer server(options);
    WorkstationWindow w(server, "reviewer");
    REQUIRE(w.signInThroughBrowser());
    CHECK(w.window->staffMember().roles.contains("reviewer"));
    INFO(unnamedControls(w.window.get()).join(", ").toStdString());
    CHECK(unnamedControls(w.window.get()).isEmpty());

    claimNextWithOneKey(w, "workstation-queue");
    REQUIRE(w.waitForCaseWithPhotos());
    CaseView* view = w.window->reviewDesk()->caseView();
    const QString caseId = view->currentCase().id;
    const QString email = emailOfCitizen(view->currentCase().citizenName());
    REQUIRE_FALSE(email.isEmpty());

    // The selfie video arrives (in memory) and plays: the position moves on.
    VideoPanel* player = view->videoPanel();
    REQUIRE(waitFor([player] { return player->hasVideo(); }, 30'000));
    // A frame later than the first is shown (however briefly the 2-second video plays on a
    // busy machine), and the picture then holds still for the screenshot.
    qint64 furthest = 0;
    QObject::connect(player, &VideoPanel::frameShown, player, [&furthest](qint64 ms) { furthest = std::max(furthest, ms); });
    player->play();
    const bool moved = waitFor([&furthest] { return furthest > 0; }, 30'000);
    INFO("media status " << int(player->player()->mediaStatus()) << ", playback state "
                         << int(player->player()->playbackState()) << ", error \""
                         << player->player()->errorString().toStdString() << "\"");
    REQUIRE(moved);
    player->pause();
    CHECK_FALSE(player->currentFrame().isNull());
    saveScreenshot(w.window.get(), "workstation-case");
    const int before = citizenLevel(server, email);

    w.approveOpenCase();
    REQUIRE(waitFor([&] { return !w.delivered.empty(); }, 30'000));
    CHECK(w.delivered.front().caseId == caseId);
    CHECK(w.delivered.front().state == "approved");
    CHECK(w.delivered.front().loa > before);
    CHECK(citizenLevel(server, email) == w.delivered.front().loa);
    CHECK(w.window->outboxSender().pendingCount() == 0);
}

TEST_CASE("A decision whose reply is lost while the server is killed is delivered exactly once after the restart") {
    RunningServer server;
    WorkstationWindow w(server, "reviewer");
    REQUIRE(w.signInThroughBrowser());
    // From here the window's API calls go through a relay that loses the decision's answer: the
    // server applies the decision, the window never hears so.
    LossyRelay relay(server.port());
    w.window->apiClient().setBaseUrl(relay.url());
    claimNextWithOneKey(w);
    REQUIRE(w.waitForCaseWithPhotos());
    const QString caseId = w.window->reviewDesk()->caseView()->currentCase().id;
    relay.dropRepliesTo("/decision");

    w.approveOpenCase();
    REQUIRE(waitFor([&] { return relay.repliesDropped() >= 1; }, 30'000));
    server.kill();
    CHECK(w.window->outboxSender().pendingCount() == 1);  // kept: no answer came
    relay.passReplies();
    server.restart();

    REQUIRE(waitFor([&] { return !w.delivered.empty(); }, 60'000));
    CHECK(w.delivered.front().caseId == caseId);
    CHECK(w.delivered.front().state == "approved");
    CHECK(w.window->outboxSender().pendingCount() == 0);
    CHECK(decisionsInHistory(server, w.staff, caseId) == 1);
}

TEST_CASE("Locking drops the case from the window and signing in again brings back the queue") {
    RunningServer server;
    WorkstationWindow w(server, "reviewer");
    REQUIRE(w.signInThroughBrowser());
    claimNextWithOneKey(w);
    REQUIRE(w.waitForCaseWithPhotos());

    w.window->lock();
    CaseView* view = w.window->reviewDesk()->caseView();
    CHECK(w.window->isLocked());
    CHECK_FALSE(view->hasCase());
    CHECK_FALSE(view->frontViewer()->hasImage());
    CHECK(w.window->signInPage()->isVisible());
    REQUIRE(w.signInThroughBrowser());
    CHECK_FALSE(w.window->isLocked());
    CHECK(w.window->reviewDesk()->isVisible());
}

TEST_CASE("An administrator signs in to the administration pages and sees the connected services") {
    RunningServer server;
    WorkstationWindow w(server, "admin");
    REQUIRE(w.signInThroughBrowser());
    const StaffMember& me = w.window->staffMember();
    REQUIRE(me.administers());
    AdminPanel* admin = w.window->adminPanel();
    QTabWidget* workspace = w.window->workspace();
    CHECK(workspace->isTabVisible(workspace->indexOf(admin)));
    CHECK(workspace->isTabVisible(workspace->indexOf(w.window->reviewDesk())) == me.reviews());
    workspace->setCurrentWidget(admin);
    // The demo council service and the workstation's own client, at least.
    ServicesPage* services = admin->servicesPage();
    REQUIRE(waitFor([services] { return services->model().rowCount() >= 2; }, 30'000));
    // The choices the form offers come from the server too.
    REQUIRE(waitFor([services] {
        for (const ChoiceList* list : services->findChildren<ChoiceList*>())
            if (list->accessibleName() == "Claims" && list->choices().size() > 1) return true;
        return false;
    }, 30'000));
    // The demo council's settings, as an administrator opens them.
    for (int row = 0; row < services->model().rowCount(); ++row)
        if (services->model().serviceAt(row)->name == "Demo council") services->select(row);
    CHECK(services->form().name == "Demo council");
    CHECK(services->form().allowedScopes.contains("openid"));
    // Rows added to a shown form appear on the next turn of the event loop.
    CHECK(waitFor([services] {
        for (const QWidget* box : services->findChildren<QWidget*>())
            if (box->accessibleName() == "Grant types: authorization_code") return box->isVisible();
        return false;
    }, 5000));
    CHECK(unnamedControls(w.window.get()).isEmpty());
    saveScreenshot(w.window.get(), "workstation-admin");
}

TEST_CASE("A citizen's account is refused at the workstation with the reason, and sees no cases") {
    RunningServer server;
    WorkstationWindow w(server, "citizen");
    CHECK_FALSE(w.signInThroughBrowser(10'000));
    CHECK(w.window->signInPage()->isVisible());
    CHECK(w.window->signInPage()->message().contains("reviewer"));
    CHECK_FALSE(w.window->workspace()->isVisible());
    CHECK(w.window->reviewDesk()->queueView()->model()->rowCount() == 0);
}
