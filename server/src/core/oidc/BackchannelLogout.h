#pragma once
// Back-channel logout (OpenID Connect Back-Channel Logout 1.0): a background worker that
// tells every service with a backchannel_logout_uri that its OP session has ended, so a
// citizen's sign-out never waits for a service, however slow or dead.
//
// Durability: the oidc_sessions rows are the queue. A row ends (ended_at) in the same
// transaction as the portal session it rides on (LogoutOnSessionEnd), and it awaits its
// logout token until a delivery succeeds (logout_sent_at) or it ended more than giveUpSeconds
// ago. Nothing is kept only in memory:
//  - the process that ended a session hears of its rows at once (expect) and delivers them as
//    soon as its transaction has committed (it checks the row, a few times, for up to
//    commitWait; a rolled-back end is never delivered);
//  - every scanInterval (and at start) the worker reads the queue for rows that ended more
//    than scanGraceSeconds ago (another process's, or left by a restart or crash), and ends
//    the rows of portal sessions that expired (idle or absolute limit) without being ended.
// Delivery is at least once: two processes may both deliver a row the first did not record,
// and an answer lost after the service acted makes a repeat. Each attempt carries a new
// Logout Token (fresh jti, iat, exp); logging out an ended session again is harmless.
//
// Retries: a failed attempt (no answer within the poster's timeout, or a non-2xx) holds back
// every row of that service for retryDelays[n] (n: its consecutive failures; the last delay
// repeats), so a dead service costs one timeout per delay, not one per citizen. A row is
// given up, audited (oidc.backchannel_logout.failed), after 1 + retryDelays.size() attempts
// in this process or when it is older than giveUpSeconds.
//
// Times: the pacing (delays, intervals) is real time, on std::chrono::steady_clock; the row
// times (ended_at, logout_sent_at, grace, give-up) are infra::Clock seconds.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/Context.h"
#include "core/oidc/LogoutDelivery.h"
#include "core/oidc/OidcSessionStore.h"

namespace tessera::core::oidc {

struct BackchannelLogoutSettings {
    std::vector<std::chrono::milliseconds> retryDelays{std::chrono::seconds(2), std::chrono::seconds(10),
                                                       std::chrono::seconds(60), std::chrono::seconds(300)};
    std::chrono::milliseconds scanInterval = std::chrono::seconds(30);
    std::chrono::milliseconds commitWait = std::chrono::seconds(5);
    std::int64_t scanGraceSeconds = 10;
    std::int64_t giveUpSeconds = 3600;
    std::size_t scanBatch = 200;
};

class BackchannelLogout {
public:
    BackchannelLogout(Context& ctx, OidcSessionStore& store, LogoutDelivery& delivery,
                      BackchannelLogoutSettings settings = {});
    ~BackchannelLogout();
    BackchannelLogout(const BackchannelLogout&) = delete;
    BackchannelLogout& operator=(const BackchannelLogout&) = delete;

    // Starts the worker thread (once); it scans the queue at once.
    void start();
    // Stops the worker: waits for the delivery in progress (at most the poster's timeout).
    // What is left stays in the durable queue for the next start.
    void stop();

    // OP sessions that a transaction not yet committed has just ended (called inside it).
    void expect(const std::vector<std::string>& sids);
    // Scans the queue and the expired sessions now rather than at the next interval.
    void scanSoon();
    // How many rows this process is delivering or retrying.
    std::size_t waiting() const;

private:
    using Instant = std::chrono::steady_clock::time_point;
    struct Entry {
        std::string sid;
        Instant dueAt;
        Instant commitDeadline;  // awaitCommit: when to stop looking for the row
        bool awaitCommit = false;
        int checks = 0;    // looks for an uncommitted row
        int attempts = 0;  // deliveries tried
        std::string lastProblem;
    };
    struct ServiceState {
        int failures = 0;  // consecutive
        Instant heldUntil;
    };

    void run();
    void scan();
    void process(const std::string& sid);
    void add(const std::string& sid, bool awaitCommit);
    std::chrono::milliseconds retryDelay(int failures) const;

    Context& ctx_;
    OidcSessionStore& store_;
    LogoutDelivery& delivery_;
    const BackchannelLogoutSettings settings_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::map<std::string, Entry> entries_;             // sid ->
    std::map<std::string, ServiceState> services_;     // service id ->
    std::map<std::string, std::int64_t> abandoned_;    // sid -> when given up (clock seconds)
    bool stopping_ = false;
    bool scanRequested_ = true;
    std::thread thread_;
};

}  // namespace tessera::core::oidc
