#include "core/auth/LoginThrottle.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <algorithm>
#include <cctype>

#include "infra/Digest.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

// 2^(n - free) seconds for the n-th failure past the free ones, capped.
std::int64_t delaySeconds(int failures, int freeFailures) {
    const int exponent = failures - freeFailures;
    if (exponent <= 0) return 0;
    std::int64_t d = 1;
    for (int i = 0; i < exponent && d < LoginThrottle::kMaxDelaySeconds; ++i) d *= 2;
    return std::min(d, LoginThrottle::kMaxDelaySeconds);
}

std::int64_t ceilSeconds(std::int64_t millis) { return (millis + 999) / 1000; }

}  // namespace

std::string LoginThrottle::accountSubject(const std::string& accountId) { return "account:" + accountId; }

std::string LoginThrottle::emailSubject(std::string_view email) {
    // Lower-cased entirely, so changing the case of the local part does not start a new count.
    std::string folded(email);
    std::transform(folded.begin(), folded.end(), folded.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return "email:" + infra::digest::sha256Hex(folded);
}

std::string LoginThrottle::addressSubject(const std::string& clientAddress) { return "ip:" + clientAddress; }

LoginThrottle::Limits LoginThrottle::limitsFor(const std::string& subject) const {
    const auto& s = ctx_.settings;
    if (subject.rfind("ip:", 0) == 0)
        return {s.throttleFreeFailures * kAddressAllowanceFactor, s.throttleLockFailures * kAddressAllowanceFactor};
    return {s.throttleFreeFailures, s.throttleLockFailures};
}

std::int64_t LoginThrottle::retryAfterSeconds(const std::vector<std::string>& subjects) {
    const std::int64_t nowMs = ctx_.clock.nowMillis();
    std::int64_t wait = 0;
    Poco::Data::Session s = ctx_.db.session();
    for (const auto& subject : subjects) {
        std::string subj = subject;
        Poco::Data::Statement st(s);
        st << ctx_.db.sql("SELECT blocked_until_ms, locked_until FROM throttle_counters WHERE subject = ?"), use(subj);
        st.execute();
        Poco::Data::RecordSet rs(st);
        if (rs.rowCount() == 0) continue;
        const std::int64_t blockedUntilMs = rs.value(0, 0).convert<Poco::Int64>();
        const std::int64_t lockedUntilMs = rs.value(1, 0).convert<Poco::Int64>() * 1000;
        wait = std::max({wait, ceilSeconds(blockedUntilMs - nowMs), ceilSeconds(lockedUntilMs - nowMs)});
    }
    return wait;
}

Status LoginThrottle::check(const std::vector<std::string>& subjects) {
    const std::int64_t wait = retryAfterSeconds(subjects);
    if (wait <= 0) return {};
    return refusal(wait);
}

Error LoginThrottle::refusal(std::int64_t wait) {
    const std::int64_t minutes = (wait + 59) / 60;
    return Error::tooMany("too_many_attempts",
                          "Too many failed attempts. Wait " +
                              (wait < 60 ? std::to_string(wait) + (wait == 1 ? " second" : " seconds")
                                         : std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes")) +
                              " before trying again.");
}

Status LoginThrottle::recordFailure(const std::vector<std::string>& subjects) {
    return ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        const std::int64_t nowSec = ctx_.clock.now();
        const std::int64_t nowMs = ctx_.clock.nowMillis();
        Poco::Int64 t = nowSec, tMs = nowMs, windowStart = nowSec - ctx_.settings.throttleWindowSeconds;

        // Counts for quiet subjects are forgotten, which also keeps the table to the subjects
        // that failed within the last window (guesses at unknown addresses add rows).
        s << ctx_.db.sql("DELETE FROM throttle_counters WHERE window_started_at <= ? AND locked_until <= ? AND "
                         "blocked_until_ms <= ?"),
            use(windowStart), use(t), use(tMs), now;

        for (const auto& subject : subjects) {
            std::string subj = subject;
            // One statement that either starts a count or adds to it: the row lock it takes
            // (PostgreSQL) or the write lock (SQLite) makes concurrent failures add up exactly.
            s << ctx_.db.sql(
                     "INSERT INTO throttle_counters (subject, failures, window_started_at, blocked_until_ms, "
                     "locked_until) VALUES (?, 1, ?, 0, 0) "
                     "ON CONFLICT (subject) DO UPDATE SET "
                     "failures = CASE WHEN throttle_counters.window_started_at <= ? AND "
                     "throttle_counters.locked_until <= ? THEN 1 ELSE throttle_counters.failures + 1 END, "
                     "window_started_at = CASE WHEN throttle_counters.window_started_at <= ? AND "
                     "throttle_counters.locked_until <= ? THEN ? ELSE throttle_counters.window_started_at END"),
                use(subj), use(t), use(windowStart), use(t), use(windowStart), use(t), use(t), now;

            Poco::Int64 failures = 0;
            s << ctx_.db.sql("SELECT failures FROM throttle_counters WHERE subject = ?"), use(subj), into(failures),
                now;
            const Limits limits = limitsFor(subject);
            if (failures >= limits.lockFailures) {
                Poco::Int64 lockedUntil = nowSec + ctx_.settings.throttleLockSeconds;
                s << ctx_.db.sql("UPDATE throttle_counters SET locked_until = ? WHERE subject = ?"), use(lockedUntil),
                    use(subj), now;
            } else if (const std::int64_t delay = delaySeconds(int(failures), limits.freeFailures); delay > 0) {
                Poco::Int64 blockedUntil = nowMs + delay * 1000;
                s << ctx_.db.sql("UPDATE throttle_counters SET blocked_until_ms = ? WHERE subject = ?"),
                    use(blockedUntil), use(subj), now;
            }
        }
        return {};
    });
}

Status LoginThrottle::recordSuccess(const std::vector<std::string>& subjects) {
    return ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        for (const auto& subject : subjects) {
            std::string subj = subject;
            s << ctx_.db.sql("DELETE FROM throttle_counters WHERE subject = ?"), use(subj), now;
        }
        return {};
    });
}

}  // namespace tessera::core
