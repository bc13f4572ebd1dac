#include <catch2/catch.hpp>

#include "core/auth/RecoveryCodes.h"
#include "core/auth/SecondFactorService.h"
#include "core/auth/TotpSecrets.h"
#include "infra/Encoding.h"
#include "infra/Totp.h"
#include "support/AuthBuilders.h"

using tessera::ErrorKind;
using tessera::core::AccountStatus;
using tessera::core::SecondFactorMethod;
using tessera::core::SecondFactorService;
using tessera::core::SessionStage;
using namespace tessera::test;
namespace totp = tessera::infra::totp;

namespace {

bool hasAudit(tessera::core::Context& ctx, const std::string& accountId, const std::string& event) {
    for (const auto& e : ctx.audit.entriesFor(accountId))
        if (e.event == event) return true;
    return false;
}

}  // namespace

TEST_CASE("TOTP enrolment: start, then confirm with the app's code", "[core][auth][2fa]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto& ctx = t.ctx();
            auto account = makeAccount(ctx, awaitingSecondFactorSetup());
            auto setup = makeSession(ctx, account.id, SessionStage::PendingSecondFactorSetup);
            SecondFactorService service(ctx);

            auto started = service.startTotp(callerFor(setup));
            REQUIRE(started.ok());
            auto secret = tessera::infra::encoding::unbase32(started->secret);
            REQUIRE(secret.has_value());
            CHECK(secret->size() == totp::kSecretBytes);
            CHECK(started->otpauthUri ==
                  totp::otpauthUri(ctx.settings.organisationName, account.email, started->secret));
            CHECK(started->otpauthUri.find("issuer=Tessera") != std::string::npos);
            CHECK(started->qrSvg.rfind("<svg", 0) == 0);

            // Stored sealed, never as the secret itself.
            auto stored = ctx.accounts.findById(account.id);
            REQUIRE(stored.has_value());
            CHECK(stored->totpSecret.empty());
            CHECK(stored->totpPendingSecret.find(started->secret) == std::string::npos);
            CHECK(*tessera::core::openTotpSecret(ctx.dataKey, account.id, stored->totpPendingSecret) == *secret);

            auto done = service.confirmTotp(callerFor(setup), totpCode(*secret, t.clock()));
            REQUIRE(done.ok());
            CHECK(done->recoveryCodes.size() == 10);
            REQUIRE(done->signedIn.has_value());
            CHECK(done->signedIn->session.stage == SessionStage::Authenticated);
            CHECK(done->signedIn->session.amr == "pwd otp");
            CHECK(done->signedIn->token != setup.token);
            CHECK_FALSE(ctx.sessions.find(setup.token).has_value());  // the set-up token is spent
            CHECK(ctx.sessions.find(done->signedIn->token).has_value());

            auto active = ctx.accounts.findById(account.id);
            CHECK(active->status == AccountStatus::Active);
            CHECK(active->secondFactor == SecondFactorMethod::Totp);
            CHECK(active->totpPendingSecret.empty());
            CHECK(active->totpLastStep == totp::stepAt(t.clock().now()));
            CHECK(*tessera::core::openTotpSecret(ctx.dataKey, account.id, active->totpSecret) == *secret);
            CHECK(tessera::core::RecoveryCodes(ctx).remaining(account.id) == 10);
            CHECK(hasAudit(ctx, account.id, "2fa.totp_enrolled"));
        }
    }
}

TEST_CASE("TOTP confirmation refuses wrong codes and codes outside one step either side", "[core][auth][2fa]") {
    AuthTestContext t("sqlite");
    auto& ctx = t.ctx();
    auto account = makeAccount(ctx, awaitingSecondFactorSetup());
    auto setup = makeSession(ctx, account.id, SessionStage::PendingSecondFactorSetup);
    SecondFactorService service(ctx);

    auto early = service.confirmTotp(callerFor(setup), "123456");
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == "totp_not_started");

    auto started = service.startTotp(callerFor(setup));
    REQUIRE(started.ok());
    const std::string secret = *tessera::infra::encoding::unbase32(started->secret);
    for (int offset : {-2, 2, 5}) {
        auto refused = service.confirmTotp(callerFor(setup), totpCode(secret, t.clock(), offset));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().fields.at(0).field == "code");
        CHECK(refused.error().fields.at(0).code == "code_wrong");
    }
    CHECK_FALSE(service.confirmTotp(callerFor(setup), "abcdef").ok());
    CHECK(ctx.accounts.findById(account.id)->status == AccountStatus::PendingSecondFactor);

    // One step late is still fine (clocks drift, people type slowly); spaces are ignored.
    std::string late = totpCode(secret, t.clock(), -1);
    auto done = service.confirmTotp(callerFor(setup), late.substr(0, 3) + " " + late.substr(3));
    REQUIRE(done.ok());
}

TEST_CASE("Starting again replaces the pending secret", "[core][auth][2fa]") {
    AuthTestContext t("sqlite");
    auto& ctx = t.ctx();
    auto account = makeAccount(ctx, awaitingSecondFactorSetup());
    auto setup = makeSession(ctx, account.id, SessionStage::PendingSecondFactorSetup);
    SecondFactorService service(ctx);
    auto first = service.startTotp(callerFor(setup));
    auto second = service.startTotp(callerFor(setup));
    REQUIRE((first.ok() && second.ok()));
    CHECK(first->secret != second->secret);
    const std::string oldSecret = *tessera::infra::encoding::unbase32(first->secret);
    CHECK_FALSE(service.confirmTotp(callerFor(setup), totpCode(oldSecret, t.clock())).ok());
}

TEST_CASE("Email codes as the second factor: choose, receive, confirm", "[core][auth][2fa]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto& ctx = t.ctx();
            auto account = makeAccount(ctx, awaitingSecondFactorSetup());
            auto setup = makeSession(ctx, account.id, SessionStage::PendingSecondFactorSetup);
            SecondFactorService service(ctx);

            REQUIRE(service.startEmail(callerFor(setup)).ok());
            REQUIRE(t.mailer().sent().size() == 1);
            const auto mail = t.mailer().sent().back();
            CHECK(mail.to == account.email);
            const std::string code = t.mailer().lastCodeTo(account.email);
            CHECK(mail.subject.find(code) == std::string::npos);  // codes stay out of subjects

            auto wrong = service.confirmEmail(callerFor(setup), code == "000000" ? "111111" : "000000");
            REQUIRE_FALSE(wrong.ok());
            CHECK(wrong.error().fields.at(0).code == "code_wrong");

            auto done = service.confirmEmail(callerFor(setup), code);
            REQUIRE(done.ok());
            CHECK(done->recoveryCodes.size() == 10);
            REQUIRE(done->signedIn.has_value());
            CHECK(done->signedIn->session.amr == "pwd email");
            auto active = ctx.accounts.findById(account.id);
            CHECK(active->status == AccountStatus::Active);
            CHECK(active->secondFactor == SecondFactorMethod::Email);
            CHECK(hasAudit(ctx, account.id, "2fa.email_enrolled"));

            // The code is single use.
            auto again = service.confirmEmail(callerFor(*done->signedIn), code);
            CHECK_FALSE(again.ok());
        }
    }
}

TEST_CASE("A signed-in citizen may switch from the app to email codes – the app secret stops working",
          "[core][auth][2fa]") {
    AuthTestContext t("sqlite");
    auto& ctx = t.ctx();
    auto account = makeAccount(ctx, activeWithTotp());
    auto signedIn = makeSession(ctx, account.id, SessionStage::Authenticated);
    SecondFactorService service(ctx);
    REQUIRE(service.startEmail(callerFor(signedIn)).ok());
    auto done = service.confirmEmail(callerFor(signedIn), t.mailer().lastCodeTo(account.email));
    REQUIRE(done.ok());
    CHECK_FALSE(done->signedIn.has_value());  // already signed in: the session stays as it is
    CHECK(ctx.sessions.find(signedIn.token).has_value());
    auto stored = ctx.accounts.findById(account.id);
    CHECK(stored->secondFactor == SecondFactorMethod::Email);
    CHECK(stored->totpSecret.empty());
}

TEST_CASE("Set-up is refused before the email address is verified", "[core][auth][2fa]") {
    AuthTestContext t("sqlite");
    auto& ctx = t.ctx();
    auto account = makeAccount(ctx, awaitingEmailVerification());
    auto pending = makeSession(ctx, account.id, SessionStage::PendingEmail);
    auto started = SecondFactorService(ctx).startTotp(callerFor(pending));
    REQUIRE_FALSE(started.ok());
    CHECK(started.error().code == "email_not_verified");
    CHECK(ctx.accounts.findById(account.id)->totpPendingSecret.empty());
}

TEST_CASE("Regenerating recovery codes replaces every one and is audited", "[core][auth][2fa]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto& ctx = t.ctx();
            auto account = makeAccount(ctx, activeWithTotp());
            auto old = giveRecoveryCodes(ctx, account.id);
            auto signedIn = makeSession(ctx, account.id, SessionStage::Authenticated);
            auto fresh = SecondFactorService(ctx).regenerateRecoveryCodes(callerFor(signedIn));
            REQUIRE(fresh.ok());
            CHECK(fresh->size() == 10);
            CHECK(hasAudit(ctx, account.id, "2fa.recovery_codes_regenerated"));
            auto spent = ctx.db.transaction<bool>([&](Poco::Data::Session& s) -> tessera::Result<bool> {
                return tessera::core::RecoveryCodes(ctx).consume(s, account.id, old[0]);
            });
            CHECK_FALSE(*spent);
        }
    }
}
