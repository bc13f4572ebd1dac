// The test support that runs the real server (tests/reviewer/support): the other suites rely on
// it starting, signing staff in, stopping, restarting and losing answers as it says.
#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include "support/BlockingHttp.h"
#include "support/LossyRelay.h"
#include "support/RunningServer.h"
#include "support/StaffSignIn.h"

using namespace tessera::reviewer::test;

TEST_CASE("a test server starts with demo data, signs a reviewer in, and keeps its data across a restart",
          "[reviewer-support]") {
    RunningServer server;
    REQUIRE(server.isRunning());
    const DemoAccount reviewer = server.demoAccount("reviewer");
    CHECK(reviewer.email == "reviewer@demo.tessera.localhost");
    CHECK_FALSE(reviewer.totpSecret.isEmpty());

    StaffSession session = signInStaff(server, reviewer);
    HttpAnswer counts = httpGet(*session.network, server.url("/api/v1/review/counts"));
    INFO(counts.describe().toStdString());
    REQUIRE(counts.status == 200);
    CHECK(counts.json()["counts"].toObject()["submitted"].toInt() == 2);

    const quint16 port = server.port();
    server.stop();
    CHECK_FALSE(server.isRunning());
    CHECK(httpGet(*session.network, server.url("/readyz")).status == 0);

    server.restart();
    CHECK(server.port() == port);
    // The session lives in the server's database, so it survives the restart.
    counts = httpGet(*session.network, server.url("/api/v1/review/counts"), session.headers());
    CHECK(counts.status == 200);

    // kill -9: no chance to finish anything; it comes back on the same data all the same.
    server.kill();
    CHECK_FALSE(server.isRunning());
    server.restart();
    counts = httpGet(*session.network, server.url("/api/v1/review/counts"), session.headers());
    CHECK(counts.status == 200);
}

TEST_CASE("a citizen signs in the same way and is no reviewer", "[reviewer-support]") {
    RunningServer server;
    StaffSession citizen = signInAs(server, "citizen");
    const HttpAnswer cases = httpGet(*citizen.network, server.url("/api/v1/review/cases"));
    CHECK(cases.status == 403);
    CHECK(cases.json()["code"].toString() == "role_required");
}

TEST_CASE("the relay passes answers through, or loses them after the server acted", "[reviewer-support]") {
    RunningServer server;
    LossyRelay relay(server.port());
    QNetworkAccessManager network;
    const QUrl through = QUrl(relay.url().toString() + "/readyz");
    CHECK(httpGet(network, through).status == 200);

    // Qt itself sends a request again when a connection closes before any answer (twice), so
    // the answers of a few attempts are lost before the client sees the failure.
    relay.dropRepliesTo("/readyz");
    const HttpAnswer lost = httpGet(network, through);
    CHECK(lost.status == 0);
    const int dropped = relay.repliesDropped();
    CHECK(dropped >= 1);
    CHECK(relay.requestsAnswered("/readyz") == 1 + dropped);

    relay.passReplies();
    CHECK(httpGet(network, through).status == 200);
    CHECK(relay.repliesDropped() == dropped);

    relay.dropRepliesTo("/readyz", 1);
    CHECK(httpGet(network, through).status == 200);  // the second attempt got its answer
    CHECK(relay.repliesDropped() == dropped + 1);
}
