// The decision outbox on its own (a SQLite file in a temporary folder, no server): what is
// written before sending, what a confirmation and a refusal leave behind, and that the file
// keeps pending decisions across a restart of the workstation.
#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

#include "client/DecisionOutbox.h"

using namespace tessera::reviewer;

namespace {

const QString kOwner = "reviewer-account-1";
const QString kServer = "https://id.example.gov.uk";

DecisionRequest rejection(const QString& message) { return {"reject", "document_expired", message, {}}; }

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

TEST_CASE("a decision is written as pending with a fresh random idempotency key", "[reviewer-client][outbox]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("state/outbox.sqlite");
    DecisionOutbox outbox;
    REQUIRE(outbox.open(path));

    auto first = outbox.add(kOwner, kServer, "case-1", {"approve", {}, {}, {}});
    REQUIRE(first);
    CHECK(first->state == OutboxState::Pending);
    CHECK(first->caseId == "case-1");
    CHECK(first->decision == "approve");
    CHECK(first->body == R"({"decision":"approve"})");
    CHECK(first->attempts == 0);
    CHECK(first->createdAt.isValid());
    // 32 random bytes, base64url: 43 characters of [A-Za-z0-9_-].
    CHECK(first->idempotencyKey.size() == 43);
    CHECK(QString::fromLatin1(first->idempotencyKey).contains(QRegularExpression("^[A-Za-z0-9_-]{43}$")));

    QSet<QByteArray> keys{first->idempotencyKey};
    for (int i = 2; i <= 20; ++i) {
        auto more = outbox.add(kOwner, kServer, QString("case-%1").arg(i), rejection("Your passport has expired."));
        REQUIRE(more);
        keys.insert(more->idempotencyKey);
    }
    CHECK(keys.size() == 20);

    auto pending = outbox.pending(kOwner, kServer);
    REQUIRE(pending);
    REQUIRE(pending->size() == 20);
    CHECK(pending->first().caseId == "case-1");  // oldest first
    CHECK(pending->last().caseId == "case-20");

    SECTION("only its owner, at its server, sends it") {
        auto other = outbox.pending("another-reviewer", kServer);
        REQUIRE(other);
        CHECK(other->isEmpty());
        auto elsewhere = outbox.pending(kOwner, "https://other.example");
        REQUIRE(elsewhere);
        CHECK(elsewhere->isEmpty());
    }

    SECTION("a second decision on a case still waiting is refused and nothing is written") {
        auto twice = outbox.add(kOwner, kServer, "case-1", rejection("No."));
        REQUIRE_FALSE(twice);
        CHECK(twice.error().code == "decision_pending");
        CHECK(outbox.all()->size() == 20);
    }

    SECTION("an incomplete decision is refused") {
        CHECK_FALSE(outbox.add("", kServer, "case-x", {"approve", {}, {}, {}}));
        CHECK_FALSE(outbox.add(kOwner, kServer, "", {"approve", {}, {}, {}}));
        CHECK_FALSE(outbox.add(kOwner, kServer, "case-x", {}));
        CHECK(outbox.all()->size() == 20);
    }

    SECTION("the file is the owner's alone") {
        const QFileInfo info(path);
        CHECK(info.permissions().testFlag(QFile::ReadOwner));
        CHECK(info.permissions().testFlag(QFile::WriteOwner));
        CHECK_FALSE(info.permissions().testFlag(QFile::ReadGroup));
        CHECK_FALSE(info.permissions().testFlag(QFile::ReadOther));
        CHECK_FALSE(QFileInfo(info.absolutePath()).permissions().testFlag(QFile::ReadOther));
    }
}

TEST_CASE("attempts are counted, a confirmation deletes the row, a refusal keeps it until read",
          "[reviewer-client][outbox]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("outbox.sqlite");
    DecisionOutbox outbox;
    REQUIRE(outbox.open(path));
    const QString secretText = "Dear Ms Example, the passport number 529874106 has expired.";
    auto entry = outbox.add(kOwner, kServer, "case-1", rejection(secretText));
    REQUIRE(entry);

    REQUIRE(outbox.markAttempt(entry->id));
    REQUIRE(outbox.noteFailure(entry->id, "The server cannot be reached."));
    REQUIRE(outbox.markAttempt(entry->id));
    auto found = outbox.find(entry->id);
    REQUIRE(found);
    REQUIRE(*found);
    CHECK((*found)->attempts == 2);
    CHECK((*found)->lastAttemptAt.isValid());
    CHECK((*found)->lastError == "The server cannot be reached.");
    CHECK((*found)->idempotencyKey == entry->idempotencyKey);  // the same key for every attempt
    CHECK((*found)->body == entry->body);

    SECTION("confirmed: no row, and the decision's words are gone from the file") {
        REQUIRE(fileBytes(path).contains(secretText.toUtf8()));  // they were there
        REQUIRE(outbox.confirm(entry->id));
        CHECK(outbox.all()->isEmpty());
        const QByteArray bytes = fileBytes(path);
        CHECK_FALSE(bytes.contains(secretText.toUtf8()));
        CHECK_FALSE(bytes.contains(entry->idempotencyKey));
        CHECK_FALSE(outbox.confirm(entry->id));  // once
    }

    SECTION("refused: kept with the server's message until the reviewer acknowledges it") {
        Problem problem;
        problem.status = 409;
        problem.code = "claim_required";
        problem.detail = "Claim the case before working on it.";
        REQUIRE(outbox.refuse(entry->id, problem));
        CHECK(outbox.pending(kOwner, kServer)->isEmpty());
        auto refused = outbox.refused(kOwner, kServer);
        REQUIRE(refused);
        REQUIRE(refused->size() == 1);
        CHECK(refused->first().state == OutboxState::Refused);
        CHECK(refused->first().refusedStatus == 409);
        CHECK(refused->first().refusedCode == "claim_required");
        CHECK(refused->first().refusedMessage == "Claim the case before working on it.");
        CHECK_FALSE(outbox.markAttempt(entry->id));  // a refused decision is not sent again
        CHECK_FALSE(outbox.confirm(entry->id));

        REQUIRE(outbox.acknowledge(entry->id));
        CHECK(outbox.all()->isEmpty());
    }

    SECTION("a pending decision cannot be dropped as if it were a refusal") {
        CHECK_FALSE(outbox.acknowledge(entry->id));
        CHECK(outbox.all()->size() == 1);
    }

    SECTION("field errors of a refusal are kept with its message") {
        Problem problem;
        problem.status = 400;
        problem.code = "validation_failed";
        problem.detail = "Some fields need to be corrected.";
        problem.fieldErrors.append({"reason", "required", "Choose a reason for the decision."});
        REQUIRE(outbox.refuse(entry->id, problem));
        CHECK(outbox.refused(kOwner, kServer)->first().refusedMessage.contains("reason: Choose a reason for the decision."));
    }
}

TEST_CASE("pending decisions are still there when the workstation opens the file again", "[reviewer-client][outbox]") {
    QTemporaryDir dir;
    const QString path = dir.filePath("outbox.sqlite");
    QByteArray key;
    {
        DecisionOutbox outbox;
        REQUIRE(outbox.open(path));
        auto entry = outbox.add(kOwner, kServer, "case-1", {"flag", "suspected_fraud", {}, "Look at the hologram."});
        REQUIRE(entry);
        key = entry->idempotencyKey;
    }
    DecisionOutbox reopened;
    REQUIRE(reopened.open(path));
    auto pending = reopened.pending(kOwner, kServer);
    REQUIRE(pending);
    REQUIRE(pending->size() == 1);
    CHECK(pending->first().idempotencyKey == key);
    CHECK(pending->first().body == R"({"decision":"flag","note":"Look at the hologram.","reason":"suspected_fraud"})");

    // Two outboxes open at once (each its own Qt SQL connection) do not get in each other's way.
    QTemporaryDir otherDir;
    DecisionOutbox other;
    REQUIRE(other.open(otherDir.filePath("outbox.sqlite")));
    CHECK(other.all()->isEmpty());
    CHECK(reopened.all()->size() == 1);
}

TEST_CASE("an outbox that is not open, or cannot be, says so", "[reviewer-client][outbox]") {
    DecisionOutbox closed;
    CHECK_FALSE(closed.add(kOwner, kServer, "case-1", {"approve", {}, {}, {}}));
    CHECK_FALSE(closed.pending(kOwner, kServer));

    QTemporaryDir dir;
    QFile blocker(dir.filePath("not-a-folder"));
    REQUIRE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    DecisionOutbox outbox;
    CHECK_FALSE(outbox.open(dir.filePath("not-a-folder/outbox.sqlite")));
}
