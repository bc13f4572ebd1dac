#pragma once
// The decision outbox: a decision is written here, with its Idempotency-Key, before it is sent,
// and stays until the server has confirmed it, so a decision survives a lost network, a server
// restart and a workstation restart, and is applied once (every attempt repeats the key and the
// exact body). A row is pending (to send) or refused (the server's final "no", such as 409 or
// 403, kept with its message until the reviewer acknowledges it). A confirmed row is deleted
// (with SQLite's secure_delete, so its text does not linger in the file).
//
// The one local file of the workstation (Qt SQL, SQLite): the app keeps it under
// QStandardPaths::AppLocalDataLocation, tests in a temporary folder. It holds only what a
// decision needs. Each row belongs to the reviewer who made it (`owner`, their account id) and
// the server it is for, and is only ever sent with that reviewer's sign-in to that server.
#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

#include "client/Problem.h"
#include "client/ReviewTypes.h"
#include "tessera/shared/Result.h"

namespace tessera::reviewer {

enum class OutboxState { Pending, Refused };

struct OutboxEntry {
    qint64 id = 0;                // oldest first
    QString owner;                // the reviewer's account id
    QString server;               // the server's address
    QString caseId;
    QString decision;             // approve, reject, flag
    QByteArray body;              // the exact JSON sent every time
    QByteArray idempotencyKey;
    OutboxState state = OutboxState::Pending;
    int attempts = 0;             // times it was sent
    QDateTime createdAt;
    QDateTime lastAttemptAt;      // invalid before the first attempt
    QString lastError;            // pending: why the last attempt did not get through
    int refusedStatus = 0;        // refused: the server's HTTP status
    QString refusedCode;          // refused: its problem code, e.g. "claim_required"
    QString refusedMessage;       // refused: its message, for the reviewer
};

class DecisionOutbox {
    Q_DECLARE_TR_FUNCTIONS(DecisionOutbox)

public:
    DecisionOutbox();
    ~DecisionOutbox();
    DecisionOutbox(const DecisionOutbox&) = delete;
    DecisionOutbox& operator=(const DecisionOutbox&) = delete;

    // Opens the file at `path`, creating it (and its folder, for the owner only) if needed.
    Status open(const QString& path);
    bool isOpen() const { return open_; }
    QString path() const { return path_; }

    // Writes a decision as pending with a fresh idempotency key. Refused (nothing written) when
    // this reviewer already has a decision on the case waiting to be sent.
    Result<OutboxEntry> add(const QString& owner, const QString& server, const QString& caseId,
                            const DecisionRequest& decision);

    // This reviewer's pending decisions for `server`, oldest first.
    Result<QList<OutboxEntry>> pending(const QString& owner, const QString& server) const;
    // This reviewer's refused decisions for `server`, oldest first.
    Result<QList<OutboxEntry>> refused(const QString& owner, const QString& server) const;
    // Every row, whoever and whatever server it is for, oldest first.
    Result<QList<OutboxEntry>> all() const;
    Result<std::optional<OutboxEntry>> find(qint64 id) const;

    // Records that the decision is being sent (attempts + 1).
    Status markAttempt(qint64 id);
    // Records why the last attempt did not get through; the row stays pending.
    Status noteFailure(qint64 id, const QString& error);
    // The server confirmed it: the row is deleted.
    Status confirm(qint64 id);
    // The server refused it for good: the row is kept, refused, with the server's answer.
    Status refuse(qint64 id, const Problem& problem);
    // The reviewer has read a refusal: the row is deleted. Pending rows cannot be dropped this way.
    Status acknowledge(qint64 id);

private:
    Result<QList<OutboxEntry>> select(const QString& where, const QVariantList& values) const;
    Status change(const QString& sql, const QVariantList& values, bool mustTouchRow) const;

    QString connection_;
    QString path_;
    bool open_ = false;
};

}  // namespace tessera::reviewer
