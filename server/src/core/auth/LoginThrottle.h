#pragma once
// Slows down password and code guessing. Failures are counted per subject, for example
// "account:<id>", "email:<sha256 of the normalised address>" (so guesses at addresses without
// an account are slowed exactly like the rest, revealing nothing) and "ip:<client address>".
// After the free failures each further failure blocks the subject for a growing delay
// (2^(n - free) seconds, capped); at the lock threshold it is locked for a while. A success
// clears the subject's count; so does a quiet window. Everything lives in throttle_counters,
// so every server process behind a load balancer sees the same counts.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/Context.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class LoginThrottle {
public:
    // Addresses are shared (offices, mobile carriers behind NAT), so an address may fail this
    // many times more than one account before it is slowed down or locked: enough to stop a
    // guessing run from one place without locking out a whole office for one careless person.
    static constexpr int kAddressAllowanceFactor = 5;
    static constexpr std::int64_t kMaxDelaySeconds = 300;

    explicit LoginThrottle(Context& ctx) : ctx_(ctx) {}

    static std::string accountSubject(const std::string& accountId);
    static std::string emailSubject(std::string_view email);  // hashes the lower-cased address
    static std::string addressSubject(const std::string& clientAddress);

    // 0 when every subject may try now; otherwise the seconds until all of them may (for
    // Retry-After). Reads only: a refused attempt does not count as a failure.
    std::int64_t retryAfterSeconds(const std::vector<std::string>& subjects);
    // TooManyRequests "too_many_attempts" (saying how long to wait) when retryAfterSeconds > 0.
    Status check(const std::vector<std::string>& subjects);
    // The refusal check() gives, for a wait already known.
    static Error refusal(std::int64_t retryAfterSeconds);
    // Counts one failure against each subject and sets its delay or lock, atomically per
    // subject (its own transaction: a failure counts even though the caller answers an error).
    Status recordFailure(const std::vector<std::string>& subjects);
    // Forgets the subjects' failures after a successful sign-in.
    Status recordSuccess(const std::vector<std::string>& subjects);

private:
    struct Limits {
        int freeFailures;
        int lockFailures;
    };
    Limits limitsFor(const std::string& subject) const;

    Context& ctx_;
};

}  // namespace tessera::core
