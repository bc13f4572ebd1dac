#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "core/auth/LoginThrottle.h"
#include "core/auth/SignInService.h"
#include "support/AuthBuilders.h"

using tessera::ErrorKind;
using tessera::core::PasswordSignIn;
using tessera::core::SecondFactorProof;
using tessera::core::SessionStage;
using tessera::core::SignInService;
using namespace tessera::test;

namespace {

PasswordSignIn attempt(const std::string& email, const std::string& password) {
    return {email, password, "198.51.100.7", "test"};
}

// The password step for an account whose password the test knows; REQUIREs success.
tessera::core::SignInProgress passwordStep(tessera::core::Context& ctx, const TestAccount& a) {
    auto progress = SignInService(ctx).withPassword(attempt(a.email, a.password));
    REQUIRE(progress.ok());
    return *progress;
}

SecondFactorProof code(const std::string& c) { return {c, ""}; }
SecondFactorProof recovery(const std::string& c) { return {"", c}; }

int countAudit(tessera::core::Context& ctx, const std::string& subject, const std::string& event) {
    int n = 0;
    for (const auto& e : ctx.audit.entriesFor(subject))
        if (e.event == event) ++n;
    return n;
}

}  // namespace

TEST_CASE("An unknown email and a wrong password get the same answer", "[core][auth][signin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto& ctx = t.ctx();
            auto account = makeAccount(ctx);
            auto unknown = SignInService(ctx).withPassword(attempt("nobody@example.org", account.password));
            auto wrong = SignInService(ctx).withPassword(attempt(account.email, "not the password"));
            auto malformed = SignInService(ctx).withPassword(attempt("not an email", account.password));
            for (const auto* r : {&unknown, &wrong, &malformed}) {
                REQUIRE_FALSE(r->ok());
                CHECK(r->error().kind == ErrorKind::Unauthorized);
                CHECK(r->error().code == "invalid_credentials");
                CHECK(r->error().message == unknown.error().message);
                CHECK(r->error().fields.empty());
            }
            CHECK(countAudit(ctx, account.id, "signin.failed") == 1);
            CHECK(countAudit(ctx, "", "signin.failed") == 2);
            CHECK(t.mailer().sent().empty());
        }
    }
}

TEST_CASE("Password then TOTP signs in with a new session token", "[core][auth][signin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto& ctx = t.ctx();
            auto account = makeAccount(ctx, activeWithTotp());
            auto progress = passwordStep(ctx, account);
            CHECK(progress.next == "second_factor");
            CHECK(progress.methods == std::vector<std::string>{"totp", "recovery_code"});
            CHECK(progress.session.session.stage == SessionStage::PendingSecondFactor);
            CHECK(countAudit(ctx, account.id, "signin.password_ok") == 1);

            auto signedIn =
                SignInService(ctx).withSecondFactor(callerFor(progress.session), code(totpCode(account.totpSecret, t.clock())));
            REQUIRE(signedIn.ok());
            CHECK(signedIn->session.stage == SessionStage::Authenticated);
            CHECK(signedIn->session.amr == "pwd otp");
            CHECK(signedIn->session.authTime == t.clock().now());
            CHECK(signedIn->session.publicId == progress.session.session.publicId);
            CHECK(signedIn->token != progress.session.token);
            CHECK_FALSE(ctx.sessions.find(progress.session.token).has_value());  // no fixation
            CHECK(ctx.sessions.find(signedIn->token)->stage == SessionStage::Authenticated);
            CHECK(countAudit(ctx, account.id, "signin.succeeded") == 1);
        }
    }
}

TEST_CASE("A TOTP code is never accepted twice, even within its window", "[core][auth][signin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto& ctx = t.ctx();
            auto account = makeAccount(ctx, activeWithTotp());
            const std::string c = totpCode(account.totpSecret, t.clock());
            auto first = passwordStep(ctx, account);
            REQUIRE(SignInService(ctx).withSecondFactor(callerFor(first.session), code(c)).ok());

            t.clock().advance(10);  // same 30-second step
            auto second = passwordStep(ctx, account);
            auto replay = SignInService(ctx).withSecondFactor(callerFor(second.session), code(c));
            REQUIRE_FALSE(replay.ok());
            CHECK(replay.error().code == "code_already_used");
            CHECK(ctx.sessions.find(second.session.token)->stage == SessionStage::PendingSecondFactor);
            // An older code from the window is refused too: its step is before the used one.
            auto older = SignInService(ctx).withSecondFactor(callerFor(second.session),
                                                            code(totpCode(account.totpSecret, t.clock(), -1)));
            REQUIRE_FALSE(older.ok());
            // The next step's code is fine.
            t.clock().advance(30);
            CHECK(SignInService(ctx)
                      .withSecondFactor(callerFor(second.session), code(totpCode(account.totpSecret, t.clock())))
                      .ok());
        }
    }
}

TEST_CASE("TOTP codes more than one step away are refused", "[core][auth][signin]") {
    AuthTestContext t("sqlite");
    auto& ctx = t.ctx();
    auto account = makeAccount(ctx, activeWithTotp());
    auto progress = passwordStep(ctx, account);
    for (int offset : {-3, -2, 2, 3}) {
        auto refused = SignInService(ctx).withSecondFactor(callerFor(progress.session),
                                                          code(totpCode(account.totpSecret, t.clock(), offset)));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == "invalid_code");
        CHECK(refused.error().kind == ErrorKind::Unauthorized);
    }
    CHECK(countAudit(ctx, account.id, "signin.failed") == 4);
    t.clock().advance(2);  // four failures: the throttle asks for a 2-second pause
    auto nextStep = SignInService(ctx).withSecondFactor(callerFor(progress.session),
                                                       code(totpCode(account.totpSecret, t.clock(), 1)));
    CHECK(nextStep.ok());
}

TEST_CASE("Two requests racing with one TOTP code: exactly one signs in", "[core][auth][signin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto& ctx = t.ctx();
            auto account = makeAccount(ctx, activeWithTotp());
            const std::string c = totpCode(account.totpSecret, t.clock());
            std::vector<tessera::core::NewSession> sessions;
            for (int i = 0; i < 4; ++i) sessions.push_back(passwordStep(ctx, account).session);
            std::atomic<int> wins{0};
            std::vector<std::thread> threads;
            for (const auto& s : sessions) {
                threads.emplace_back([&, s] {
                    if (SignInService(ctx).withSecondFactor(callerFor(s), code(c)).ok()) ++wins;
                });
            }
            for (auto& th : threads) th.join();
            CHECK(wins == 1);
        }
    }
}

TEST_CASE("Email codes at sign-in", "[core][auth][signin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto& ctx = t.ctx();
            auto account = makeAccount(ctx, activeWithEmailCodes());
            auto progress = passwordStep(ctx, account);
            CHECK(progress.methods == std::vector<std::string>{"email", "recovery_code"});
            const std::string sent = t.mailer().lastCodeTo(account.email);

            auto wrong = SignInService(ctx).withSecondFactor(callerFor(progress.session),
                                                            code(sent == "000000" ? "111111" : "000000"));
            REQUIRE_FALSE(wrong.ok());
            CHECK(wrong.error().code == "invalid_code");
            auto signedIn = SignInService(ctx).withSecondFactor(callerFor(progress.session), code(sent));
            REQUIRE(signedIn.ok());
            CHECK(signedIn->session.amr == "pwd email");
        }
    }
}

TEST_CASE("A recovery code signs in once", "[core][auth][signin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto& ctx = t.ctx();
            auto account = makeAccount(ctx, activeWithTotp());
            auto codes = giveRecoveryCodes(ctx, account.id);

            auto first = passwordStep(ctx, account);
            auto signedIn = SignInService(ctx).withSecondFactor(callerFor(first.session), recovery(codes[0]));
            REQUIRE(signedIn.ok());
            CHECK(signedIn->session.amr == "pwd rec");

            auto second = passwordStep(ctx, account);
            auto reused = SignInService(ctx).withSecondFactor(callerFor(second.session), recovery(codes[0]));
            REQUIRE_FALSE(reused.ok());
            CHECK(reused.error().code == "invalid_code");
            CHECK(reused.error().fields.at(0).field == "recoveryCode");
            CHECK(SignInService(ctx).withSecondFactor(callerFor(second.session), recovery(codes[1])).ok());
        }
    }
}

TEST_CASE("Failed passwords are throttled with growing delays, then a lock", "[core][auth][signin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto& ctx = t.ctx();
            auto account = makeAccount(ctx);
            auto tryWrong = [&] {
                SignInService s(ctx);
                auto r = s.withPassword(attempt(account.email, "wrong password"));
                REQUIRE_FALSE(r.ok());
                return std::make_pair(r.error(), s.retryAfterSeconds());
            };
            for (int i = 0; i < 4; ++i) CHECK(tryWrong().first.code == "invalid_credentials");
            auto [throttled, wait] = tryWrong();
            CHECK(throttled.kind == ErrorKind::TooManyRequests);
            CHECK(wait == 2);
            // Even the right password is refused while the delay runs, and without checking it.
            SignInService during(ctx);
            auto refused = during.withPassword(attempt(account.email, account.password));
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.error().code == "too_many_attempts");

            for (int failures = 4; failures < 10; ++failures) {
                t.clock().advance(tessera::core::LoginThrottle::kMaxDelaySeconds);
                CHECK(tryWrong().first.code == "invalid_credentials");
            }
            auto [locked, lockWait] = tryWrong();
            CHECK(locked.code == "too_many_attempts");
            CHECK(lockWait == ctx.settings.throttleLockSeconds);

            t.clock().advance(ctx.settings.throttleLockSeconds);
            auto progress = SignInService(ctx).withPassword(attempt(account.email, account.password));
            CHECK(progress.ok());
        }
    }
}

TEST_CASE("Unknown emails are throttled like real ones", "[core][auth][signin]") {
    AuthTestContext t("sqlite");
    auto& ctx = t.ctx();
    makeAccount(ctx);
    for (const std::string email : {"ada@example.org", "nobody@example.org"}) {
        for (int i = 0; i < 4; ++i) CHECK_FALSE(SignInService(ctx).withPassword(attempt(email, "wrong")).ok());
        SignInService s(ctx);
        auto r = s.withPassword(attempt(email, "wrong"));
        CHECK(r.error().code == "too_many_attempts");
        CHECK(s.retryAfterSeconds() == 2);
    }
}

TEST_CASE("Wrong second factors count toward the account's throttle", "[core][auth][signin]") {
    AuthTestContext t("sqlite");
    auto& ctx = t.ctx();
    auto account = makeAccount(ctx, activeWithTotp());
    auto progress = passwordStep(ctx, account);
    for (int i = 0; i < 4; ++i)
        CHECK(SignInService(ctx).withSecondFactor(callerFor(progress.session), code("000000")).error().code ==
              "invalid_code");
    SignInService s(ctx);
    auto refused = s.withSecondFactor(callerFor(progress.session), code(totpCode(account.totpSecret, t.clock())));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "too_many_attempts");
    CHECK(s.retryAfterSeconds() == 2);
    t.clock().advance(2);
    CHECK(SignInService(ctx)
              .withSecondFactor(callerFor(progress.session), code(totpCode(account.totpSecret, t.clock())))
              .ok());
    // Success clears the account's count.
    auto again = passwordStep(ctx, account);
    t.clock().advance(30);
    CHECK(SignInService(ctx).withSecondFactor(callerFor(again.session), code("000000")).error().code == "invalid_code");
}

TEST_CASE("Accounts part-way through set-up get a session for their next step", "[core][auth][signin]") {
    AuthTestContext t("sqlite");
    auto& ctx = t.ctx();
    auto setup = makeAccount(ctx, awaitingSecondFactorSetup("setup@example.org"));
    auto progress = passwordStep(ctx, setup);
    CHECK(progress.next == "second_factor_setup");
    CHECK(progress.session.session.stage == SessionStage::PendingSecondFactorSetup);

    auto unverified = makeAccount(ctx, awaitingEmailVerification("new@example.org"));
    auto verify = passwordStep(ctx, unverified);
    CHECK(verify.next == "verify_email");
    CHECK(verify.session.session.stage == SessionStage::PendingEmail);
    CHECK(t.mailer().lastCodeTo(unverified.email).size() == 6);  // a fresh code to verify with

    // A wrong password still answers the same as for any account.
    auto wrong = SignInService(ctx).withPassword(attempt(setup.email, "wrong"));
    CHECK(wrong.error().code == "invalid_credentials");
}

TEST_CASE("A password hashed with older parameters is re-hashed at sign-in", "[core][auth][signin]") {
    AuthTestContext t("sqlite");
    auto& ctx = t.ctx();
    auto account = makeAccount(ctx);
    tessera::infra::PasswordHasher older({2048, 1, 1});
    auto stored = ctx.accounts.findById(account.id);
    stored->passwordHash = older.hash(account.password);
    REQUIRE(ctx.db.transaction<void>([&](Poco::Data::Session& s) { return ctx.accounts.update(s, *stored, 1); }).ok());
    REQUIRE(ctx.passwords.needsRehash(stored->passwordHash));

    passwordStep(ctx, account);
    auto after = ctx.accounts.findById(account.id);
    CHECK_FALSE(ctx.passwords.needsRehash(after->passwordHash));
    CHECK(ctx.passwords.verify(after->passwordHash, account.password));
}
