#pragma once
// Delivers the decision outbox: sends the signed-in reviewer's pending decisions to the server,
// oldest first, one at a time. An attempt that gets no final answer (no network, a timeout, a
// 5xx, 429, the same request still in progress) is tried again after a growing, capped delay,
// with the SAME idempotency key and body, so the server applies the decision once however many
// times it arrives. The server's answer settles the row: confirmed (deleted) or refused (kept
// with the server's message). A 401 pauses sending until the reviewer signs in again (kick()).
// Pending rows in the file are picked up when sending starts, so decisions made before the
// workstation was closed are delivered when it runs again.
#include <QObject>
#include <QTimer>

#include "client/DecisionOutbox.h"
#include "client/ReviewApi.h"

namespace tessera::reviewer {

class OutboxSender : public QObject {
    Q_OBJECT

public:
    struct Backoff {
        int firstDelayMs = 1'000;
        int maxDelayMs = 60'000;
    };

    OutboxSender(DecisionOutbox& outbox, ReviewApi& api, QObject* parent = nullptr);

    // The signed-in reviewer (account id): their pending rows for the ApiClient's server are
    // sent from now on, those left from an earlier run first. Empty: signed out, nothing is sent.
    void setOwner(const QString& owner);
    QString owner() const { return owner_; }
    void setBackoff(Backoff backoff) { backoff_ = backoff; }

    // Writes the decision to the outbox, then starts sending it. Nothing is sent when it could
    // not be written.
    Result<OutboxEntry> submit(const QString& caseId, const DecisionRequest& decision);

    // Starts sending what is pending (at start-up, after sign-in, after a refusal to continue).
    // A retry that is waiting is sent now.
    void kick();
    // Sends nothing more (sign-out); an attempt on its way still has its answer recorded.
    void stop();

    bool isSending() const { return inFlight_; }
    bool isWaitingToRetry() const { return retryTimer_.isActive(); }
    // This reviewer's pending decisions for the server (-1 if the outbox cannot be read).
    int pendingCount() const;

signals:
    void pendingChanged(int pending);
    void delivered(const tessera::reviewer::OutboxEntry& entry, const tessera::reviewer::DecisionResult& result);
    void refused(const tessera::reviewer::OutboxEntry& entry, const tessera::reviewer::Problem& problem);
    void retrying(const tessera::reviewer::OutboxEntry& entry, const tessera::reviewer::Problem& problem, int delayMs);
    // The server wants a new sign-in; sending resumes with kick() after it.
    void waitingForSignIn(const tessera::reviewer::Problem& problem);
    // The outbox file could not be read or written (the message is for IT support).
    void storageFailed(const QString& message);
    // Nothing is pending any more.
    void idle();

private:
    void sendNext();
    void answered(const OutboxEntry& entry, const ApiResult<DecisionResult>& result);
    QString server() const;
    void reportStorage(const Error& error);

    DecisionOutbox& outbox_;
    ReviewApi& api_;
    QString owner_;
    Backoff backoff_;
    QTimer retryTimer_;
    int failures_ = 0;         // attempts in a row that got no final answer
    bool inFlight_ = false;
    bool stopped_ = false;
};

}  // namespace tessera::reviewer
