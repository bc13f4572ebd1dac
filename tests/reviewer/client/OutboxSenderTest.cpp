// The decision outbox delivering to the real server: a decision made while the server is down,
// or whose answer is lost on the way back, is delivered exactly once; a refused one is kept with
// the server's reason; a delivered one leaves nothing in the file.
#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

#include "ClientTestSupport.h"
#include "client/DecisionOutbox.h"
#include "client/IdempotencyKey.h"
#include "client/OutboxSender.h"
#include "support/LossyRelay.h"

using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

const QString kReviewer = "rhona-kerr";  // the owner of the rows (the app uses the account id)
const OutboxSender::Backoff kQuickRetries{50, 400};

// What the sender reported, in order.
struct SenderLog {
    QList<DecisionResult> delivered;
    QList<Problem> refused;
    QList<Problem> retries;
    QList<int> pendingCounts;
    int idle = 0;

    explicit SenderLog(OutboxSender& sender) {
        QObject::connect(&sender, &OutboxSender::delivered, [this](const OutboxEntry&, const DecisionResult& r) { delivered.append(r); });
        QObject::connect(&sender, &OutboxSender::refused, [this](const OutboxEntry&, const Problem& p) { refused.append(p); });
        QObject::connect(&sender, &OutboxSender::retrying, [this](const OutboxEntry&, const Problem& p, int) { retries.append(p); });
        QObject::connect(&sender, &OutboxSender::pendingChanged, [this](int n) { pendingCounts.append(n); });
        QObject::connect(&sender, &OutboxSender::idle, [this] { ++idle; });
    }
};

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

TEST_CASE("a decision goes through the outbox to the server once, and leaves nothing in the file",
          "[reviewer-client][outbox-sender]") {
    ReviewerAtServer at;
    const QString caseId = at.claimNext();
    QTemporaryDir dir;
    const QString path = dir.filePath("outbox.sqlite");
    DecisionOutbox outbox;
    REQUIRE(outbox.open(path));
    OutboxSender sender(outbox, at.api);
    sender.setOwner(kReviewer);
    SenderLog log(sender);

    const QString note = "Checked against the passport register.";
    auto written = sender.submit(caseId, {"flag", "needs_senior_review", {}, note});
    REQUIRE(written);
    REQUIRE(waitFor([&] { return !log.delivered.isEmpty(); }));
    CHECK(log.delivered.first().state == "flagged");
    CHECK_FALSE(log.delivered.first().replayed);
    CHECK(log.refused.isEmpty());
    CHECK(log.pendingCounts.first() == 1);
    CHECK(log.pendingCounts.last() == 0);
    CHECK(log.idle == 1);

    CHECK(at.decisionsInHistory(caseId) == 1);
    CHECK(at.readCase(caseId)["state"].toString() == "flagged");

    // The outbox file holds no row, and neither the note nor the key lingers in it.
    CHECK(outbox.all()->isEmpty());
    const QByteArray bytes = fileBytes(path);
    CHECK_FALSE(bytes.contains(note.toUtf8()));
    CHECK_FALSE(bytes.contains(written->idempotencyKey));
}

TEST_CASE("a decision made while the server is down waits in the outbox and is delivered once it is back",
          "[reviewer-client][outbox-sender]") {
    ReviewerAtServer at;
    const QString caseId = at.claimNext();
    QTemporaryDir dir;
    const QString path = dir.filePath("outbox.sqlite");
    auto outbox = std::make_unique<DecisionOutbox>();
    REQUIRE(outbox->open(path));
    auto sender = std::make_unique<OutboxSender>(*outbox, at.api);
    sender->setOwner(kReviewer);
    sender->setBackoff(kQuickRetries);
    auto log = std::make_unique<SenderLog>(*sender);

    at.server.stop();
    auto written = sender->submit(caseId, {"approve", {}, {}, {}});
    REQUIRE(written);
    REQUIRE(waitFor([&] { return log->retries.size() >= 3; }));
    CHECK(log->retries.first().networkError);
    CHECK(log->delivered.isEmpty());
    auto pending = outbox->pending(kReviewer, at.server.url().toString());
    REQUIRE(pending);
    REQUIRE(pending->size() == 1);
    CHECK(pending->first().attempts >= 3);
    CHECK(pending->first().idempotencyKey == written->idempotencyKey);
    CHECK_FALSE(pending->first().lastError.isEmpty());

    SECTION("the workstation keeps trying and gets through after the restart") {
        at.server.restart();
        REQUIRE(waitFor([&] { return !log->delivered.isEmpty(); }));
        CHECK(log->delivered.first().state == "approved");
        CHECK(log->delivered.first().loa == 2);
    }

    SECTION("the workstation is closed meanwhile; opened again, it delivers what was pending") {
        log.reset();
        sender.reset();
        outbox.reset();
        at.server.restart();

        DecisionOutbox reopened;
        REQUIRE(reopened.open(path));
        OutboxSender again(reopened, at.api);
        SenderLog againLog(again);
        again.setOwner(kReviewer);  // the reviewer signs in: what they left pending is sent
        REQUIRE(waitFor([&] { return !againLog.delivered.isEmpty(); }));
        CHECK(againLog.delivered.first().state == "approved");
        CHECK(reopened.all()->isEmpty());
    }

    CHECK(at.decisionsInHistory(caseId) == 1);
    // The key used by the outbox repeats the first result and decides nothing more.
    auto replay = await<DecisionResult>([&](auto done) {
        at.api.decide(caseId, DecisionRequest{"approve", {}, {}, {}}.toJson(), written->idempotencyKey, nullptr, done);
    });
    INFO(describe(replay));
    REQUIRE((replay && replay->ok()));
    CHECK(replay->value().replayed);
    CHECK(at.decisionsInHistory(caseId) == 1);
}

TEST_CASE("an answer lost after the server applied the decision: sent again with the same key, decided once",
          "[reviewer-client][outbox-sender]") {
    ReviewerAtServer at;
    const QString caseId = at.claimNext();
    LossyRelay relay(at.server.port());
    ApiClient throughRelay(relay.url());
    throughRelay.setAuth(sessionAuth(at.reviewer));
    ReviewApi api(throughRelay);

    QTemporaryDir dir;
    DecisionOutbox outbox;
    REQUIRE(outbox.open(dir.filePath("outbox.sqlite")));
    OutboxSender sender(outbox, api);
    sender.setOwner(kReviewer);
    sender.setBackoff({200, 400});
    SenderLog log(sender);

    relay.dropRepliesTo("/decision");
    auto written = sender.submit(caseId, {"reject", "document_expired", "Your passport expired.", {}});
    REQUIRE(written);
    REQUIRE(waitFor([&] { return !log.retries.isEmpty(); }));
    relay.passReplies();
    CHECK(log.retries.first().networkError);
    CHECK(relay.repliesDropped() >= 1);
    // The server has decided, the workstation does not know it yet.
    CHECK(at.readCase(caseId)["state"].toString() == "rejected");
    CHECK(outbox.pending(kReviewer, relay.url().toString())->size() == 1);

    REQUIRE(waitFor([&] { return !log.delivered.isEmpty(); }));
    const DecisionResult& result = log.delivered.first();
    CHECK(result.replayed);  // the server's first answer, repeated
    CHECK(result.state == "rejected");
    CHECK(result.decisionReason == "document_expired");
    CHECK(relay.requestsAnswered("/decision") == relay.repliesDropped() + 1);
    CHECK(at.decisionsInHistory(caseId) == 1);
    CHECK(outbox.all()->isEmpty());
}

TEST_CASE("a decision the server refuses for good is kept with its message until the reviewer reads it",
          "[reviewer-client][outbox-sender]") {
    ReviewerAtServer at;
    const QString caseId = at.claimNext();
    // Another decision reached the server first (say, from before a crash, with its own key).
    auto first = await<DecisionResult>([&](auto done) {
        at.api.decide(caseId, DecisionRequest{"approve", {}, {}, {}}.toJson(), *newIdempotencyKey(), nullptr, done);
    });
    REQUIRE((first && first->ok()));

    QTemporaryDir dir;
    DecisionOutbox outbox;
    REQUIRE(outbox.open(dir.filePath("outbox.sqlite")));
    OutboxSender sender(outbox, at.api);
    sender.setOwner(kReviewer);
    SenderLog log(sender);
    // A second decision for the same case, then one for the other case: the refusal does not
    // hold the next one up.
    const QString otherCase = at.claimNext();
    REQUIRE(sender.submit(caseId, {"reject", "document_expired", "Your passport expired.", {}}));
    REQUIRE(sender.submit(otherCase, {"approve", {}, {}, {}}));

    REQUIRE(waitFor([&] { return !log.refused.isEmpty() && !log.delivered.isEmpty(); }));
    CHECK(log.refused.first().status == 409);
    CHECK(log.retries.isEmpty());
    CHECK(log.delivered.first().caseId == otherCase);

    auto refused = outbox.refused(kReviewer, at.server.url().toString());
    REQUIRE(refused);
    REQUIRE(refused->size() == 1);
    CHECK(refused->first().caseId == caseId);
    CHECK(refused->first().refusedStatus == 409);
    CHECK(refused->first().refusedCode == log.refused.first().code);
    CHECK(refused->first().refusedMessage == log.refused.first().message());
    CHECK_FALSE(refused->first().refusedMessage.isEmpty());
    CHECK(outbox.pending(kReviewer, at.server.url().toString())->isEmpty());
    CHECK(at.readCase(caseId)["state"].toString() == "approved");  // the first decision stands
    CHECK(at.decisionsInHistory(caseId) == 1);

    REQUIRE(outbox.acknowledge(refused->first().id));
    CHECK(outbox.all()->isEmpty());
}

TEST_CASE("a refused sign-in pauses the outbox – nothing is lost", "[reviewer-client][outbox-sender]") {
    ReviewerAtServer at;
    const QString caseId = at.claimNext();
    ApiClient signedOut(at.server.url());
    ReviewApi api(signedOut);
    QTemporaryDir dir;
    DecisionOutbox outbox;
    REQUIRE(outbox.open(dir.filePath("outbox.sqlite")));
    OutboxSender sender(outbox, api);
    sender.setOwner(kReviewer);
    sender.setBackoff(kQuickRetries);
    SenderLog log(sender);
    int waiting = 0;
    QObject::connect(&sender, &OutboxSender::waitingForSignIn, [&] { ++waiting; });

    REQUIRE(sender.submit(caseId, {"approve", {}, {}, {}}));
    REQUIRE(waitFor([&] { return waiting == 1; }));
    CHECK_FALSE(sender.isWaitingToRetry());
    CHECK(log.refused.isEmpty());
    CHECK(outbox.pending(kReviewer, at.server.url().toString())->size() == 1);

    signedOut.setAuth(sessionAuth(at.reviewer));  // signed in again
    sender.kick();
    REQUIRE(waitFor([&] { return !log.delivered.isEmpty(); }));
    CHECK(at.decisionsInHistory(caseId) == 1);
}
