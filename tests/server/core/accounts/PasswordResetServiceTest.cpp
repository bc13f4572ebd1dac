#include <catch2/catch.hpp>

#include "core/accounts/PasswordChangeService.h"
#include "core/accounts/PasswordResetService.h"
#include "support/AccountBuilders.h"

using tessera::ErrorKind;
using tessera::core::PasswordChangeService;
using tessera::core::PasswordResetService;
using tessera::core::SessionStage;
using namespace tessera::test;

namespace {

const std::string kNewPassword = "a brand new passphrase";

std::string otherThan(const std::string& code) { return code == "000000" ? "111111" : "000000"; }

}  // namespace

TEST_CASE("A reset request answers alike for unknown addresses and sends known ones a code",
          "[core][accounts][reset]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto account = makeAccount(t.ctx(), activeWithTotp("ada@example.org"));
            PasswordResetService reset(t.ctx());

            const auto before = snapshot(t.db());
            CHECK(reset.request("nobody@example.org", "").ok());
            CHECK(t.mailer().sent().empty());
            CHECK(snapshot(t.db()) == before);
            auto malformed = reset.request("nobody@", "");
            REQUIRE_FALSE(malformed.ok());
            CHECK(malformed.error().fields.at(0).field == "email");

            REQUIRE(reset.request("ada@EXAMPLE.org", "").ok());
            auto mail = lastMailTo(t.mailer(), "ada@example.org");
            CHECK(mail.subject.find("reset your password") != std::string::npos);
            CHECK(mail.textBody.find("https://id.example.gov/reset-password?email=ada%40example.org") !=
                  std::string::npos);
            CHECK(t.mailer().lastCodeTo("ada@example.org").size() == 6);

            // Asked again at once: the same answer, and no second mail.
            CHECK(reset.request("ada@example.org", "").ok());
            CHECK(t.mailer().sent().size() == 1);
            (void)account;
        }
    }
}

TEST_CASE("A reset sets the new password and ends every session", "[core][accounts][reset]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto account = makeAccount(t.ctx(), activeWithTotp("ada@example.org"));
            auto laptop = makeSession(t.ctx(), account.id, SessionStage::Authenticated);
            auto phone = makeSession(t.ctx(), account.id, SessionStage::Authenticated);
            PasswordResetService reset(t.ctx());
            REQUIRE(reset.request("ada@example.org", "").ok());
            const std::string code = t.mailer().lastCodeTo("ada@example.org");

            REQUIRE(reset.confirm("ada@example.org", code, kNewPassword, "192.0.2.1").ok());
            auto stored = t.ctx().accounts.findById(account.id);
            CHECK(t.ctx().passwords.verify(stored->passwordHash, kNewPassword));
            CHECK_FALSE(t.ctx().passwords.verify(stored->passwordHash, account.password));
            CHECK_FALSE(t.ctx().sessions.find(laptop.token));
            CHECK_FALSE(t.ctx().sessions.find(phone.token));
            auto audit = t.ctx().audit.entriesFor(account.id).front();
            CHECK(audit.event == "password.reset");
            CHECK(audit.details.find("\"sessionsEnded\":\"2\"") != std::string::npos);
            CHECK(lastMailTo(t.mailer(), "ada@example.org").subject.find("password was changed") != std::string::npos);

            // The code worked once.
            const auto before = snapshot(t.db());
            auto reused = reset.confirm("ada@example.org", code, "yet another passphrase", "");
            REQUIRE_FALSE(reused.ok());
            CHECK(reused.error().fields.at(0).code == "code_invalid");
            CHECK(snapshot(t.db()) == before);
        }
    }
}

TEST_CASE("A refused reset changes nothing and reads the same for unknown accounts", "[core][accounts][reset]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto account = makeAccount(t.ctx(), activeWithTotp("ada@example.org"));
            auto session = makeSession(t.ctx(), account.id, SessionStage::Authenticated);
            PasswordResetService reset(t.ctx());
            REQUIRE(reset.request("ada@example.org", "").ok());
            const std::string code = t.mailer().lastCodeTo("ada@example.org");
            const auto before = snapshot(t.db());

            auto invalid = reset.confirm("ada@example.org", "12", "password", "");
            REQUIRE_FALSE(invalid.ok());
            CHECK(invalid.error().fields.size() == 2);  // code format, and a common password
            auto wrong = reset.confirm("ada@example.org", otherThan(code), kNewPassword, "");
            REQUIRE_FALSE(wrong.ok());
            auto unknown = reset.confirm("nobody@example.org", code, kNewPassword, "");
            REQUIRE_FALSE(unknown.ok());
            CHECK(unknown.error().kind == wrong.error().kind);
            CHECK(unknown.error().fields.at(0).code == wrong.error().fields.at(0).code);
            CHECK(unknown.error().fields.at(0).message == wrong.error().fields.at(0).message);

            t.clock().advance(11 * 60);
            auto expired = reset.confirm("ada@example.org", code, kNewPassword, "");
            REQUIRE_FALSE(expired.ok());
            CHECK(expired.error().fields.at(0).code == "code_invalid");

            auto after = snapshot(t.db());
            CHECK(after.accounts == before.accounts);
            CHECK(after.sessions == before.sessions);
            CHECK(after.counts == before.counts);
            CHECK(t.ctx().sessions.find(session.token, false));
        }
    }
}

TEST_CASE("Changing the password needs the current one and ends the other sessions", "[core][accounts][reset]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto account = makeAccount(t.ctx(), activeWithTotp("ada@example.org"));
            auto here = makeSession(t.ctx(), account.id, SessionStage::Authenticated);
            auto elsewhere = makeSession(t.ctx(), account.id, SessionStage::Authenticated);
            PasswordChangeService change(t.ctx());
            const auto before = snapshot(t.db());

            auto refused = change.change(account.id, here.session.publicId, "not my password", "ada@example.org", "");
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.error().fields.size() == 2);
            CHECK(refused.error().fields[0].field == "currentPassword");
            CHECK(refused.error().fields[0].code == "incorrect");
            CHECK(refused.error().fields[1].field == "newPassword");
            CHECK(refused.error().fields[1].code == "same_as_email");
            auto after = snapshot(t.db());
            CHECK(after.accounts == before.accounts);
            CHECK(after.sessions == before.sessions);

            REQUIRE(change.change(account.id, here.session.publicId, account.password, kNewPassword, "").ok());
            CHECK(t.ctx().passwords.verify(t.ctx().accounts.findById(account.id)->passwordHash, kNewPassword));
            CHECK(t.ctx().sessions.find(here.token));
            CHECK_FALSE(t.ctx().sessions.find(elsewhere.token));
            CHECK(t.ctx().audit.entriesFor(account.id).front().event == "password.changed");
        }
    }
}

TEST_CASE("Guessing the current password is throttled", "[core][accounts][reset]") {
    AccountTestContext t("sqlite");
    auto account = makeAccount(t.ctx(), activeWithTotp("ada@example.org"));
    auto here = makeSession(t.ctx(), account.id, SessionStage::Authenticated);
    PasswordChangeService change(t.ctx());
    bool throttled = false;
    for (int i = 0; i < 6 && !throttled; ++i) {
        auto r = change.change(account.id, here.session.publicId, "guess number " + std::to_string(i), kNewPassword, "");
        REQUIRE_FALSE(r.ok());
        throttled = r.error().kind == ErrorKind::TooManyRequests;
    }
    CHECK(throttled);
    // Even the right password waits until the delay has passed.
    auto blocked = change.change(account.id, here.session.publicId, account.password, kNewPassword, "");
    REQUIRE_FALSE(blocked.ok());
    CHECK(blocked.error().kind == ErrorKind::TooManyRequests);
}
