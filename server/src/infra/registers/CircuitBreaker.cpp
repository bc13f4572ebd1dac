#include "infra/registers/CircuitBreaker.h"

#include <algorithm>

namespace tessera::infra {

CircuitBreaker::CircuitBreaker(Clock& clock, int failureThreshold, int coolOffSeconds)
    : clock_(clock),
      failureThreshold_(std::max(1, failureThreshold)),
      coolOffMillis_(std::int64_t{std::max(0, coolOffSeconds)} * 1000) {}

CircuitBreaker::Permit CircuitBreaker::allow() {
    std::lock_guard<std::mutex> lock(mutex_);
    switch (state_) {
        case State::Closed: return Permit::Call;
        case State::Open:
            if (clock_.nowMillis() - openedAtMillis_ < coolOffMillis_) return Permit::Refuse;
            state_ = State::HalfOpen;
            trialOut_ = true;
            return Permit::Trial;
        case State::HalfOpen:
            if (trialOut_) return Permit::Refuse;
            trialOut_ = true;
            return Permit::Trial;
    }
    return Permit::Refuse;
}

void CircuitBreaker::recordSuccess() {
    std::lock_guard<std::mutex> lock(mutex_);
    state_ = State::Closed;
    consecutiveFailures_ = 0;
    trialOut_ = false;
}

void CircuitBreaker::recordFailure() {
    std::lock_guard<std::mutex> lock(mutex_);
    trialOut_ = false;
    if (state_ == State::Open) return;  // a call that started before it opened: already counted
    if (state_ == State::HalfOpen || ++consecutiveFailures_ >= failureThreshold_) {
        state_ = State::Open;
        openedAtMillis_ = clock_.nowMillis();
        consecutiveFailures_ = 0;
    }
}

CircuitBreaker::State CircuitBreaker::state() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return state_;
}

std::string_view toString(CircuitBreaker::State state) {
    switch (state) {
        case CircuitBreaker::State::Closed: return "closed";
        case CircuitBreaker::State::Open: return "open";
        case CircuitBreaker::State::HalfOpen: return "half_open";
    }
    return "unknown";
}

}  // namespace tessera::infra
