#pragma once
// A circuit breaker for a remote register: after `failureThreshold` consecutive failed
// calls it opens and callers fail fast, sparing a register that is down (and citizens a
// wait for timeouts) for `coolOffSeconds`. Then it lets one trial call through (half
// open): success closes it, failure opens it for another cool-off. Other calls made
// while the trial is out still fail fast. Time comes from infra::Clock, so tests move it.
#include <cstdint>
#include <mutex>
#include <string_view>

#include "infra/Clock.h"

namespace tessera::infra {

class CircuitBreaker {
public:
    enum class State { Closed, Open, HalfOpen };
    // What allow() decided for one call.
    enum class Permit { Call, Trial, Refuse };

    CircuitBreaker(Clock& clock, int failureThreshold, int coolOffSeconds);

    // Asks to make a call. Trial means the breaker is half open and this call is its one
    // trial: report its outcome like any other.
    Permit allow();
    void recordSuccess();
    void recordFailure();

    State state() const;

private:
    Clock& clock_;
    const int failureThreshold_;
    const std::int64_t coolOffMillis_;
    mutable std::mutex mutex_;
    State state_ = State::Closed;
    int consecutiveFailures_ = 0;
    std::int64_t openedAtMillis_ = 0;
    bool trialOut_ = false;
};

std::string_view toString(CircuitBreaker::State state);

}  // namespace tessera::infra
