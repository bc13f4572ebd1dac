#include <catch2/catch.hpp>

#include "core/accounts/DecoySession.h"
#include "core/accounts/EmailVerificationService.h"
#include "core/accounts/RegistrationService.h"
#include "support/AccountBuilders.h"

using tessera::ErrorKind;
using tessera::core::AccountStatus;
using tessera::core::EmailVerificationService;
using tessera::core::Registration;
using tessera::core::RegistrationService;
using tessera::core::SessionStage;
using namespace tessera::test;

namespace {

const std::string kEmail = "grace@example.org";

Registration registerGrace(AccountTestContext& t) {
    auto registered = RegistrationService(t.ctx()).create(validRegistration(t.ctx(), kEmail), "127.0.0.1", "");
    REQUIRE(registered.ok());
    return *registered;
}

// A code that is not the one we sent.
std::string wrongCode(const std::string& right) { return right == "000000" ? "111111" : "000000"; }

}  // namespace

TEST_CASE("The emailed code verifies the address and advances the session", "[core][accounts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto registered = registerGrace(t);
            EmailVerificationService verification(t.ctx());
            const std::string code = t.mailer().lastCodeTo(kEmail);

            // Typed with a space, as people do.
            auto verified = verification.verify(registered.session.token, registered.accountId,
                                                code.substr(0, 3) + " " + code.substr(3), "127.0.0.1");
            REQUIRE(verified.ok());
            CHECK(verified->account.emailVerified);
            CHECK(verified->account.status == AccountStatus::PendingSecondFactor);
            CHECK(verified->session.session.stage == SessionStage::PendingSecondFactorSetup);
            CHECK(verified->session.token != registered.session.token);
            CHECK_FALSE(t.ctx().sessions.find(registered.session.token));  // the old cookie is dead
            auto session = t.ctx().sessions.find(verified->session.token);
            REQUIRE(session);
            CHECK(session->stage == SessionStage::PendingSecondFactorSetup);
            auto stored = t.ctx().accounts.findById(registered.accountId);
            CHECK(stored->emailVerified);
            CHECK(stored->status == AccountStatus::PendingSecondFactor);
            CHECK(t.ctx().audit.entriesFor(registered.accountId).front().event == "account.email_verified");

            // The code worked once: again, it is refused (the account is verified already).
            auto again = verification.verify(verified->session.token, registered.accountId, code, "127.0.0.1");
            REQUIRE_FALSE(again.ok());
            CHECK(again.error().code == "email_already_verified");
        }
    }
}

TEST_CASE("An expired code is refused and changes nothing", "[core][accounts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto registered = registerGrace(t);
            const std::string code = t.mailer().lastCodeTo(kEmail);
            t.clock().advance(11 * 60);
            const auto before = snapshot(t.db());
            auto refused = EmailVerificationService(t.ctx()).verify(registered.session.token, registered.accountId,
                                                                    code, "127.0.0.1");
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.error().kind == ErrorKind::Gone);
            CHECK(refused.error().code == "code_expired");
            CHECK(snapshot(t.db()) == before);
        }
    }
}

TEST_CASE("Five wrong codes spend the code: the right one is then refused", "[core][accounts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto registered = registerGrace(t);
            EmailVerificationService verification(t.ctx());
            const std::string code = t.mailer().lastCodeTo(kEmail);
            const auto before = snapshot(t.db());

            auto malformed = verification.verify(registered.session.token, registered.accountId, "12a456", "");
            REQUIRE_FALSE(malformed.ok());
            CHECK(malformed.error().fields.at(0).code == "invalid_format");  // does not use up a try

            for (int i = 0; i < 5; ++i) {
                auto wrong = verification.verify(registered.session.token, registered.accountId, wrongCode(code), "");
                REQUIRE_FALSE(wrong.ok());
                CHECK(wrong.error().kind == ErrorKind::Invalid);
                CHECK(wrong.error().fields.at(0).field == "code");
                CHECK(wrong.error().fields.at(0).code == "code_wrong");
            }
            auto right = verification.verify(registered.session.token, registered.accountId, code, "");
            REQUIRE_FALSE(right.ok());
            CHECK(right.error().code == "code_used_up");
            auto after = snapshot(t.db());
            CHECK(after.accounts == before.accounts);
            CHECK(after.sessions == before.sessions);
            CHECK(after.counts == before.counts);
        }
    }
}

TEST_CASE("A new code is throttled, and replaces the old one", "[core][accounts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto registered = registerGrace(t);
            EmailVerificationService verification(t.ctx());
            const std::string first = t.mailer().lastCodeTo(kEmail);
            const auto mails = t.mailer().sent().size();

            auto tooSoon = verification.resend(registered.accountId);
            REQUIRE_FALSE(tooSoon.ok());
            CHECK(tooSoon.error().kind == ErrorKind::TooManyRequests);
            CHECK(tooSoon.error().code == "resend_throttled");
            CHECK(t.mailer().sent().size() == mails);

            t.clock().advance(61);
            REQUIRE(verification.resend(registered.accountId).ok());
            const std::string second = t.mailer().lastCodeTo(kEmail);
            if (first != second) {
                auto old = verification.verify(registered.session.token, registered.accountId, first, "");
                REQUIRE_FALSE(old.ok());
            }
            CHECK(verification.verify(registered.session.token, registered.accountId, second, "").ok());
        }
    }
}

TEST_CASE("A decoy session refuses codes exactly as a real pending account does", "[core][accounts]") {
    AccountTestContext t("sqlite");
    auto real = registerGrace(t);
    const std::string realCode = t.mailer().lastCodeTo(kEmail);
    auto decoyRegistration = RegistrationService(t.ctx()).create(validRegistration(t.ctx(), kEmail), "127.0.0.1", "");
    REQUIRE(decoyRegistration.ok());
    auto decoy = tessera::core::openDecoySession(t.ctx(), decoyRegistration->session.token);
    REQUIRE(decoy);
    EmailVerificationService verification(t.ctx());

    auto fromReal = verification.verify(real.session.token, real.accountId, wrongCode(realCode), "");
    REQUIRE_FALSE(fromReal.ok());
    const tessera::Error fromDecoy = verification.verifyDecoy(*decoy, "123456");
    CHECK(fromDecoy.kind == fromReal.error().kind);
    CHECK(fromDecoy.code == fromReal.error().code);
    CHECK(fromDecoy.message == fromReal.error().message);
    CHECK(fromDecoy.fields.at(0).message == fromReal.error().fields.at(0).message);
    CHECK(verification.verifyDecoy(*decoy, "12").fields.at(0).code == "invalid_format");

    auto realResend = verification.resend(real.accountId);
    auto decoyResend = verification.resendDecoy(*decoy);
    REQUIRE_FALSE(realResend.ok());
    REQUIRE_FALSE(decoyResend.ok());
    CHECK(decoyResend.error().message == realResend.error().message);
    t.clock().advance(61);
    CHECK(verification.resendDecoy(*decoy).ok());

    t.clock().advance(10 * 60);
    CHECK(verification.verifyDecoy(*decoy, "123456").code == "code_expired");
}
