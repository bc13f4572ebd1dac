#include "core/oidc/BackchannelLogout.h"

#include <Poco/Logger.h>

#include <algorithm>

namespace tessera::core::oidc {

namespace {

using std::chrono::milliseconds;
using Steady = std::chrono::steady_clock;

// How soon to look again for a row whose transaction has not committed yet: 25 ms, doubling.
milliseconds commitRecheck(int checks) { return milliseconds(25 << std::min(checks, 4)); }

Poco::Logger& logger() { return Poco::Logger::get("tessera.oidc"); }

}  // namespace

BackchannelLogout::BackchannelLogout(Context& ctx, OidcSessionStore& store, LogoutDelivery& delivery,
                                     BackchannelLogoutSettings settings)
    : ctx_(ctx), store_(store), delivery_(delivery), settings_(std::move(settings)) {}

BackchannelLogout::~BackchannelLogout() { stop(); }

void BackchannelLogout::start() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    scanRequested_ = true;
    thread_ = std::thread([this] { run(); });
}

void BackchannelLogout::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void BackchannelLogout::expect(const std::vector<std::string>& sids) {
    if (sids.empty()) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const auto& sid : sids) add(sid, /*awaitCommit=*/true);
    }
    wake_.notify_all();
}

void BackchannelLogout::scanSoon() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        scanRequested_ = true;
    }
    wake_.notify_all();
}

std::size_t BackchannelLogout::waiting() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return entries_.size();
}

// Called with mutex_ held.
void BackchannelLogout::add(const std::string& sid, bool awaitCommit) {
    if (entries_.count(sid) || abandoned_.count(sid)) return;
    Entry e;
    e.sid = sid;
    e.dueAt = Steady::now();
    e.awaitCommit = awaitCommit;
    e.commitDeadline = e.dueAt + settings_.commitWait;
    entries_.emplace(sid, std::move(e));
}

milliseconds BackchannelLogout::retryDelay(int failures) const {
    if (settings_.retryDelays.empty()) return std::chrono::seconds(60);
    const std::size_t i = std::min<std::size_t>(std::size_t(std::max(failures, 1)) - 1, settings_.retryDelays.size() - 1);
    return settings_.retryDelays[i];
}

void BackchannelLogout::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    Instant nextScan = Steady::now();
    while (!stopping_) {
        const Instant now = Steady::now();
        if (scanRequested_ || now >= nextScan) {
            scanRequested_ = false;
            nextScan = now + settings_.scanInterval;
            lock.unlock();
            scan();
            lock.lock();
            continue;
        }
        auto due = std::min_element(entries_.begin(), entries_.end(),
                                    [](const auto& a, const auto& b) { return a.second.dueAt < b.second.dueAt; });
        if (due != entries_.end() && due->second.dueAt <= now) {
            const std::string sid = due->first;
            lock.unlock();
            process(sid);
            lock.lock();
            continue;
        }
        const Instant wakeAt = due == entries_.end() ? nextScan : std::min(nextScan, due->second.dueAt);
        wake_.wait_until(lock, wakeAt);
    }
}

void BackchannelLogout::scan() {
    try {
        const std::int64_t now = ctx_.clock.now();
        // Portal sessions that ran out without being ended: their OP sessions end now.
        auto ended = ctx_.db.transaction<std::vector<OidcSession>>(
            [&](Poco::Data::Session& s) -> Result<std::vector<OidcSession>> {
                return store_.endForDeadSessions(s, now, now - ctx_.settings.sessionIdleSeconds, settings_.scanBatch);
            });
        if (!ended) logger().warning("back-channel logout: expired sessions not ended: " + ended.error().message);
        auto queued = store_.pendingEndedBetween(now - settings_.giveUpSeconds, now - settings_.scanGraceSeconds,
                                                 settings_.scanBatch);
        std::lock_guard<std::mutex> lock(mutex_);
        if (ended)
            for (const auto& o : *ended) add(o.sid, /*awaitCommit=*/false);  // committed: no need to wait
        for (const auto& p : queued) add(p.session.sid, /*awaitCommit=*/false);
        for (auto it = abandoned_.begin(); it != abandoned_.end();)
            it = it->second < now - settings_.giveUpSeconds ? abandoned_.erase(it) : std::next(it);
    } catch (const std::exception& e) {
        logger().error(std::string("back-channel logout: the queue could not be read: ") + e.what());
    }
}

void BackchannelLogout::process(const std::string& sid) {
    std::optional<PendingLogout> row;
    try {
        row = store_.pending(sid);
    } catch (const std::exception& e) {
        logger().error(std::string("back-channel logout: a row could not be read: ") + e.what());
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = entries_.find(sid); it != entries_.end()) it->second.dueAt = Steady::now() + retryDelay(1);
        return;
    }
    const Instant now = Steady::now();
    if (!row) {
        // Not (yet) awaiting its token: its transaction has not committed, was rolled back, the
        // service needs no token, or another process told it already.
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = entries_.find(sid);
        if (it == entries_.end()) return;
        Entry& e = it->second;
        if (e.awaitCommit && e.attempts == 0 && now < e.commitDeadline) {
            e.dueAt = now + commitRecheck(e.checks++);
        } else {
            entries_.erase(it);
        }
        return;
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = entries_.find(sid);
        if (it == entries_.end()) return;
        it->second.awaitCommit = false;  // committed
        const ServiceState& service = services_[row->session.serviceId];
        if (service.heldUntil > now) {
            it->second.dueAt = service.heldUntil;
            return;
        }
    }
    const bool tooOld = row->session.endedAt < ctx_.clock.now() - settings_.giveUpSeconds;
    Status delivered = Error::gone("too_old", "it ended too long ago");
    if (!tooOld) {
        try {
            delivered = delivery_.deliver(*row);
        } catch (const std::exception& e) {  // a database or OpenSSL failure: retried like any other
            delivered = Error::internal(e.what());
        }
    }

    std::unique_lock<std::mutex> lock(mutex_);
    auto it = entries_.find(sid);
    if (it == entries_.end()) return;
    Entry& e = it->second;
    ServiceState& service = services_[row->session.serviceId];
    if (delivered) {
        service = ServiceState{};
        entries_.erase(it);
        return;
    }
    e.lastProblem = delivered.error().message;
    if (!tooOld) {
        ++e.attempts;
        ++service.failures;
        service.heldUntil = Steady::now() + retryDelay(service.failures);
        e.dueAt = service.heldUntil;
        logger().information("back-channel logout to service " + row->session.serviceId + " failed (attempt " +
                             std::to_string(e.attempts) + "): " + e.lastProblem);
    }
    if (tooOld || e.attempts > int(settings_.retryDelays.size())) {
        const int attempts = e.attempts;
        const std::string problem = e.lastProblem;
        abandoned_[sid] = ctx_.clock.now();
        entries_.erase(it);
        lock.unlock();
        delivery_.giveUp(*row, attempts, problem);
    }
}

}  // namespace tessera::core::oidc
