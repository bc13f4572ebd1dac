#include <catch2/catch.hpp>

#include "core/auth/LoginThrottle.h"
#include "support/AuthBuilders.h"

using tessera::ErrorKind;
using tessera::core::LoginThrottle;
using namespace tessera::test;

namespace {

void fail(LoginThrottle& throttle, const std::vector<std::string>& subjects, int times = 1) {
    for (int i = 0; i < times; ++i) REQUIRE(throttle.recordFailure(subjects).ok());
}

}  // namespace

TEST_CASE("Failures past the free ones bring growing delays, then a lock", "[core][auth][throttle]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            // Defaults: 3 free failures, lock at 10 for 15 minutes.
            LoginThrottle throttle(t.ctx());
            const std::vector<std::string> account{LoginThrottle::accountSubject("acc1")};

            fail(throttle, account, 3);
            CHECK(throttle.retryAfterSeconds(account) == 0);
            CHECK(throttle.check(account).ok());

            fail(throttle, account);  // 4th: 2 s
            CHECK(throttle.retryAfterSeconds(account) == 2);
            auto refused = throttle.check(account);
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.error().kind == ErrorKind::TooManyRequests);
            CHECK(refused.error().code == "too_many_attempts");
            t.clock().advanceMillis(1500);
            CHECK(throttle.retryAfterSeconds(account) == 1);  // rounded up, never 0 while blocked
            t.clock().advanceMillis(500);
            CHECK(throttle.check(account).ok());

            fail(throttle, account);  // 5th: 4 s
            CHECK(throttle.retryAfterSeconds(account) == 4);
            t.clock().advance(4);
            fail(throttle, account);  // 6th: 8 s
            CHECK(throttle.retryAfterSeconds(account) == 8);
            t.clock().advance(8);

            fail(throttle, account, 3);  // 7th..9th
            CHECK(throttle.retryAfterSeconds(account) == 64);
            t.clock().advance(64);
            fail(throttle, account);  // 10th: locked for 15 minutes
            CHECK(throttle.retryAfterSeconds(account) == 15 * 60);
            t.clock().advance(15 * 60 - 1);
            CHECK_FALSE(throttle.check(account).ok());
            t.clock().advance(1);
            CHECK(throttle.check(account).ok());
        }
    }
}

TEST_CASE("A success or a quiet window clears the count", "[core][auth][throttle]") {
    AuthTestContext t("sqlite");
    LoginThrottle throttle(t.ctx());
    const std::vector<std::string> email{LoginThrottle::emailSubject("ada@example.org")};

    fail(throttle, email, 4);
    CHECK(throttle.retryAfterSeconds(email) == 2);
    REQUIRE(throttle.recordSuccess(email).ok());
    CHECK(throttle.retryAfterSeconds(email) == 0);
    fail(throttle, email, 3);
    CHECK(throttle.retryAfterSeconds(email) == 0);  // counting starts again from zero

    t.clock().advance(t.settings().throttleWindowSeconds);
    fail(throttle, email);  // the window has passed: this is failure 1 of a new window
    CHECK(throttle.retryAfterSeconds(email) == 0);
}

TEST_CASE("The throttle counts the longest wait of all subjects and is blind to letter case in emails",
          "[core][auth][throttle]") {
    AuthTestContext t("sqlite");
    LoginThrottle throttle(t.ctx());
    CHECK(LoginThrottle::emailSubject("Ada@Example.org") == LoginThrottle::emailSubject("ada@example.org"));
    CHECK(LoginThrottle::emailSubject("ada@example.org").find("ada") == std::string::npos);  // hashed

    const std::string ada = LoginThrottle::emailSubject("ada@example.org");
    const std::string bob = LoginThrottle::emailSubject("bob@example.org");
    fail(throttle, {ada}, 5);  // 4 s
    fail(throttle, {bob}, 4);  // 2 s
    CHECK(throttle.retryAfterSeconds({bob}) == 2);
    CHECK(throttle.retryAfterSeconds({bob, ada}) == 4);
}

TEST_CASE("An address may fail five times as often as one account before it is slowed", "[core][auth][throttle]") {
    AuthTestContext t("sqlite");
    LoginThrottle throttle(t.ctx());
    const std::vector<std::string> address{LoginThrottle::addressSubject("203.0.113.9")};
    fail(throttle, address, 15);
    CHECK(throttle.retryAfterSeconds(address) == 0);
    fail(throttle, address);
    CHECK(throttle.retryAfterSeconds(address) == 2);
}

TEST_CASE("Throttle state is shared by every server process on one database", "[core][auth][throttle]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext first(backend);
            AuthTestContext second(first);
            LoginThrottle a(first.ctx()), b(second.ctx());
            const std::vector<std::string> account{LoginThrottle::accountSubject("acc1")};
            fail(a, account, 2);
            fail(b, account, 2);  // the 4th failure in all, wherever it was counted
            CHECK(a.retryAfterSeconds(account) == 2);
            CHECK(b.retryAfterSeconds(account) == 2);
            REQUIRE(b.recordSuccess(account).ok());
            CHECK(a.retryAfterSeconds(account) == 0);
        }
    }
}
