#include "client/OutboxSender.h"

#include <algorithm>

namespace tessera::reviewer {

OutboxSender::OutboxSender(DecisionOutbox& outbox, ReviewApi& api, QObject* parent)
    : QObject(parent), outbox_(outbox), api_(api) {
    retryTimer_.setSingleShot(true);
    connect(&retryTimer_, &QTimer::timeout, this, &OutboxSender::sendNext);
}

QString OutboxSender::server() const { return api_.client().baseUrl().toString(); }

void OutboxSender::setOwner(const QString& owner) {
    if (owner_ == owner) return;
    owner_ = owner;
    failures_ = 0;
    retryTimer_.stop();
    if (!owner_.isEmpty()) kick();  // signed in: what they left pending goes now
}

Result<OutboxEntry> OutboxSender::submit(const QString& caseId, const DecisionRequest& decision) {
    auto entry = outbox_.add(owner_, server(), caseId, decision);
    if (!entry) return entry;
    emit pendingChanged(pendingCount());
    kick();
    return entry;
}

void OutboxSender::kick() {
    stopped_ = false;
    if (inFlight_) return;  // its answer leads on to the next row
    retryTimer_.stop();
    sendNext();
}

void OutboxSender::stop() {
    stopped_ = true;
    retryTimer_.stop();
}

int OutboxSender::pendingCount() const {
    auto rows = outbox_.pending(owner_, server());
    return rows ? static_cast<int>(rows->size()) : -1;
}

void OutboxSender::reportStorage(const Error& error) { emit storageFailed(QString::fromStdString(error.message)); }

void OutboxSender::sendNext() {
    if (stopped_ || inFlight_ || owner_.isEmpty()) return;
    auto rows = outbox_.pending(owner_, server());
    if (!rows) return reportStorage(rows.error());
    if (rows->isEmpty()) {
        failures_ = 0;
        emit idle();
        return;
    }
    OutboxEntry entry = rows->first();
    if (auto marked = outbox_.markAttempt(entry.id); !marked) return reportStorage(marked.error());
    ++entry.attempts;
    inFlight_ = true;
    api_.decide(entry.caseId, entry.body, entry.idempotencyKey, this,
                [this, entry](const ApiResult<DecisionResult>& result) { answered(entry, result); });
}

void OutboxSender::answered(const OutboxEntry& entry, const ApiResult<DecisionResult>& result) {
    inFlight_ = false;
    if (result) {
        failures_ = 0;
        if (auto confirmed = outbox_.confirm(entry.id); !confirmed) reportStorage(confirmed.error());
        emit delivered(entry, result.value());
        emit pendingChanged(pendingCount());
        return sendNext();
    }
    const Problem& problem = result.problem();
    if (problem.status == 401) {
        // ApiClient already tried a refresh: only a new sign-in helps. The row waits.
        if (auto noted = outbox_.noteFailure(entry.id, problem.message()); !noted) reportStorage(noted.error());
        emit waitingForSignIn(problem);
        return;
    }
    const bool final = problem.status >= 400 && !problem.isTransient();
    if (!final) {
        // No answer, or not a final one: the same key and body go again later. (An answer we
        // could not read counts too: sending again gets the server's stored answer.)
        if (auto noted = outbox_.noteFailure(entry.id, problem.message()); !noted) reportStorage(noted.error());
        const int shift = std::min(failures_, 16);
        const qint64 delay = std::min<qint64>(static_cast<qint64>(backoff_.firstDelayMs) << shift, backoff_.maxDelayMs);
        ++failures_;
        emit retrying(entry, problem, static_cast<int>(delay));
        if (!stopped_) retryTimer_.start(static_cast<int>(delay));
        return;
    }
    if (auto kept = outbox_.refuse(entry.id, problem); !kept) reportStorage(kept.error());
    emit refused(entry, problem);
    emit pendingChanged(pendingCount());
    sendNext();
}

}  // namespace tessera::reviewer
