#include <catch2/catch.hpp>

#include "infra/registers/CircuitBreaker.h"

using tessera::infra::CircuitBreaker;
using tessera::infra::ManualClock;
using Permit = CircuitBreaker::Permit;
using State = CircuitBreaker::State;

TEST_CASE("circuit breaker: opens after N consecutive failures, a success resets the count", "[registers][breaker]") {
    ManualClock clock;
    CircuitBreaker breaker(clock, 3, 30);
    for (int i = 0; i < 2; ++i) {
        REQUIRE(breaker.allow() == Permit::Call);
        breaker.recordFailure();
    }
    breaker.recordSuccess();
    for (int i = 0; i < 2; ++i) {
        REQUIRE(breaker.allow() == Permit::Call);
        breaker.recordFailure();
    }
    CHECK(breaker.state() == State::Closed);
    REQUIRE(breaker.allow() == Permit::Call);
    breaker.recordFailure();
    CHECK(breaker.state() == State::Open);
    CHECK(breaker.allow() == Permit::Refuse);
}

TEST_CASE("circuit breaker: after the cool-off one trial goes through – its outcome decides", "[registers][breaker]") {
    ManualClock clock;
    CircuitBreaker breaker(clock, 1, 30);
    REQUIRE(breaker.allow() == Permit::Call);
    breaker.recordFailure();
    clock.advance(29);
    CHECK(breaker.allow() == Permit::Refuse);
    clock.advance(1);
    CHECK(breaker.allow() == Permit::Trial);
    CHECK(breaker.state() == State::HalfOpen);
    CHECK(breaker.allow() == Permit::Refuse);  // only one trial at a time

    SECTION("a failed trial opens it for another cool-off") {
        breaker.recordFailure();
        CHECK(breaker.state() == State::Open);
        clock.advance(29);
        CHECK(breaker.allow() == Permit::Refuse);
        clock.advance(1);
        CHECK(breaker.allow() == Permit::Trial);
    }
    SECTION("a successful trial closes it") {
        breaker.recordSuccess();
        CHECK(breaker.state() == State::Closed);
        CHECK(breaker.allow() == Permit::Call);
        CHECK(breaker.allow() == Permit::Call);
    }
}

TEST_CASE("circuit breaker: a late failure while open does not extend the cool-off", "[registers][breaker]") {
    ManualClock clock;
    CircuitBreaker breaker(clock, 1, 10);
    breaker.recordFailure();
    clock.advance(9);
    breaker.recordFailure();  // a call that started before it opened
    clock.advance(1);
    CHECK(breaker.allow() == Permit::Trial);
}
