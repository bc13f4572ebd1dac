// One-time email codes: single use, a lifetime, a cap on wrong tries, and a resend throttle
// that holds back floods of mail but never a citizen whose last code was already used.
#include <catch2/catch.hpp>

#include "core/codes/OneTimeCodeStore.h"
#include "support/AuthBuilders.h"

using tessera::ErrorKind;
using tessera::Result;
using tessera::core::CodePurpose;
using tessera::test::AuthTestContext;

namespace {

Result<std::string> issue(tessera::core::Context& ctx, const std::string& accountId,
                          CodePurpose purpose = CodePurpose::SignInEmail) {
    return ctx.db.transaction<std::string>([&](Poco::Data::Session& s) {
        return ctx.codes.issue(s, accountId, purpose, "ada@example.org");
    });
}

std::string wrongCodeFor(const std::string& code) { return code == "000000" ? "111111" : "000000"; }

}  // namespace

TEST_CASE("A code works once and returns what it was bound to", "[core][codes]") {
    for (const auto& backend : tessera::test::backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto& ctx = t.ctx();
            auto account = tessera::test::makeAccount(ctx, tessera::test::activeWithEmailCodes());
            auto code = issue(ctx, account.id);
            REQUIRE(code.ok());
            CHECK(code->size() == 6);
            auto used = ctx.codes.consume(account.id, CodePurpose::SignInEmail, *code);
            REQUIRE(used.ok());
            CHECK(*used == "ada@example.org");
            auto again = ctx.codes.consume(account.id, CodePurpose::SignInEmail, *code);
            REQUIRE_FALSE(again.ok());
            CHECK(again.error().code == "code_used");
            // A code for one purpose never opens another.
            auto other = issue(ctx, account.id, CodePurpose::PasswordReset);
            REQUIRE(other.ok());
            CHECK_FALSE(ctx.codes.consume(account.id, CodePurpose::SignInEmail, *other).ok());
        }
    }
}

TEST_CASE("Wrong tries are counted even when the caller's work fails, and five spend the code", "[core][codes]") {
    AuthTestContext t("sqlite");
    auto& ctx = t.ctx();
    auto account = tessera::test::makeAccount(ctx, tessera::test::activeWithEmailCodes());
    auto code = issue(ctx, account.id);
    REQUIRE(code.ok());
    for (int i = 0; i < 5; ++i) {
        auto wrong = ctx.codes.consume(account.id, CodePurpose::SignInEmail, wrongCodeFor(*code));
        REQUIRE_FALSE(wrong.ok());
        CHECK(wrong.error().code == "code_wrong");
    }
    auto right = ctx.codes.consume(account.id, CodePurpose::SignInEmail, *code);
    REQUIRE_FALSE(right.ok());
    CHECK(right.error().code == "code_used_up");
    CHECK(right.error().kind == ErrorKind::Gone);
}

TEST_CASE("A code expires after ten minutes", "[core][codes]") {
    AuthTestContext t("sqlite");
    auto& ctx = t.ctx();
    auto account = tessera::test::makeAccount(ctx, tessera::test::activeWithEmailCodes());
    auto code = issue(ctx, account.id);
    REQUIRE(code.ok());
    t.clock().advance(600);
    auto late = ctx.codes.consume(account.id, CodePurpose::SignInEmail, *code);
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == "code_expired");
}

TEST_CASE("Asking again too soon is throttled while the code waits, but not once it was used", "[core][codes]") {
    AuthTestContext t("sqlite");
    auto& ctx = t.ctx();
    auto account = tessera::test::makeAccount(ctx, tessera::test::activeWithEmailCodes());
    auto first = issue(ctx, account.id);
    REQUIRE(first.ok());

    auto flood = issue(ctx, account.id);
    REQUIRE_FALSE(flood.ok());
    CHECK(flood.error().code == "resend_throttled");
    CHECK(flood.error().kind == ErrorKind::TooManyRequests);

    // Signed in with it, signed out, signing in again within the minute: a new code goes out.
    REQUIRE(ctx.codes.consume(account.id, CodePurpose::SignInEmail, *first).ok());
    auto second = issue(ctx, account.id);
    REQUIRE(second.ok());

    // After the interval, a replacement makes the older code worthless.
    t.clock().advance(61);
    auto third = issue(ctx, account.id);
    REQUIRE(third.ok());
    CHECK_FALSE(ctx.codes.consume(account.id, CodePurpose::SignInEmail, *second).ok());
    CHECK(ctx.codes.consume(account.id, CodePurpose::SignInEmail, *third).ok());
}

TEST_CASE("No more than five codes an hour", "[core][codes]") {
    AuthTestContext t("sqlite");
    auto& ctx = t.ctx();
    auto account = tessera::test::makeAccount(ctx, tessera::test::activeWithEmailCodes());
    for (int i = 0; i < 5; ++i) {
        REQUIRE(issue(ctx, account.id).ok());
        t.clock().advance(61);
    }
    auto sixth = issue(ctx, account.id);
    REQUIRE_FALSE(sixth.ok());
    CHECK(sixth.error().message.find("last hour") != std::string::npos);
    t.clock().advance(3600);
    CHECK(issue(ctx, account.id).ok());
}
