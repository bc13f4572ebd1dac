#include <catch2/catch.hpp>

#include <set>

#include "core/accounts/DecoySession.h"
#include "core/accounts/RegistrationService.h"
#include "support/AccountBuilders.h"

using tessera::ErrorKind;
using tessera::core::AccountStatus;
using tessera::core::RegistrationService;
using tessera::core::SessionStage;
using namespace tessera::test;

namespace {

std::set<std::string> fieldsOf(const tessera::Error& e) {
    std::set<std::string> out;
    for (const auto& f : e.fields) out.insert(f.field + ":" + f.code);
    return out;
}

}  // namespace

TEST_CASE("Registration creates the account, acceptances, code and pending session at once", "[core][accounts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto form = validRegistration(t.ctx(), " grace@Example.ORG ", "fr");
            auto registered = RegistrationService(t.ctx()).create(form, "192.0.2.7", "test-agent");
            REQUIRE(registered.ok());
            CHECK(registered->email == "grace@example.org");  // trimmed, domain lower-cased
            CHECK(registered->status == AccountStatus::PendingEmail);

            auto account = t.ctx().accounts.findById(registered->accountId);
            REQUIRE(account);
            CHECK(account->name == "Grace Hopper");
            CHECK(account->language == "fr");
            CHECK_FALSE(account->emailVerified);
            CHECK(account->status == AccountStatus::PendingEmail);
            CHECK(t.ctx().passwords.verify(account->passwordHash, kTestPassword));

            CHECK(countRows(t.db(), "terms_acceptances", "account_id = '" + account->id + "'") == 3);
            CHECK(countRows(t.db(), "one_time_codes", "purpose = 'email_verification'") == 1);
            auto session = t.ctx().sessions.find(registered->session.token);
            REQUIRE(session);
            CHECK(session->stage == SessionStage::PendingEmail);
            CHECK(session->accountId == account->id);
            CHECK(session->clientAddress == "192.0.2.7");
            auto audit = t.ctx().audit.entriesFor(account->id);
            REQUIRE(audit.size() == 1);
            CHECK(audit[0].event == "account.registered");
            CHECK(audit[0].details.find("correct horse") == std::string::npos);

            // The code goes out in the account's language, after the commit.
            auto mail = lastMailTo(t.mailer(), "grace@example.org");
            CHECK(mail.subject.find("code de vérification") != std::string::npos);
            CHECK(mail.textBody.find("Bonjour Grace Hopper") != std::string::npos);
            CHECK(t.mailer().lastCodeTo("grace@example.org").size() == 6);
        }
    }
}

TEST_CASE("Registration reports every field problem at once and writes nothing", "[core][accounts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            const auto before = snapshot(t.db());
            tessera::core::RegistrationForm form;
            form.name = "R2-D2";
            form.email = "not-an-email";
            form.password = "short";
            form.language = "de";
            form.consent = false;
            auto refused = RegistrationService(t.ctx()).create(form, "127.0.0.1", "");
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.error().kind == ErrorKind::Invalid);
            CHECK(fieldsOf(refused.error()) == std::set<std::string>{
                                                   "name:invalid_characters", "email:invalid_format",
                                                   "password:too_short", "language:not_supported",
                                                   "consent:consent_required", "acceptTerms:required"});
            CHECK(snapshot(t.db()) == before);
            CHECK(t.mailer().sent().empty());
        }
    }
}

TEST_CASE("Common passwords and the email as password are refused", "[core][accounts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            const auto before = snapshot(t.db());
            RegistrationService registration(t.ctx());

            auto form = validRegistration(t.ctx());
            form.password = "PassWord123";  // on the shipped list, whatever the case
            auto common = registration.create(form, "127.0.0.1", "");
            REQUIRE_FALSE(common.ok());
            CHECK(fieldsOf(common.error()) == std::set<std::string>{"password:common_password"});

            form.password = "Grace@Example.org";
            auto sameAsEmail = registration.create(form, "127.0.0.1", "");
            REQUIRE_FALSE(sameAsEmail.ok());
            CHECK(fieldsOf(sameAsEmail.error()) == std::set<std::string>{"password:same_as_email"});

            form.password = std::string(129, 'x');
            auto tooLong = registration.create(form, "127.0.0.1", "");
            REQUIRE_FALSE(tooLong.ok());
            CHECK(fieldsOf(tooLong.error()) == std::set<std::string>{"password:too_long"});

            form.password = "🔑🔑🔑🔑🔑🔑🔑🔑";  // eight characters, though 32 bytes
            CHECK(registration.create(form, "127.0.0.1", "").ok());
            CHECK(snapshot(t.db()).counts.at("accounts") == before.counts.at("accounts") + 1);
        }
    }
}

TEST_CASE("A taken email is answered like a success, with a decoy session and a note to its owner",
          "[core][accounts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            RegistrationService registration(t.ctx());
            auto first = registration.create(validRegistration(t.ctx(), "grace@example.org"), "127.0.0.1", "");
            REQUIRE(first.ok());
            const auto before = snapshot(t.db());
            const auto mailsBefore = t.mailer().sent().size();

            auto again = validRegistration(t.ctx());
            again.email = "grace@EXAMPLE.org";  // the same address once normalised
            again.password = "another long passphrase";
            auto second = registration.create(again, "198.51.100.9", "");
            REQUIRE(second.ok());
            CHECK(second->status == AccountStatus::PendingEmail);
            CHECK(second->email == "grace@example.org");
            CHECK(second->accountId != first->accountId);
            CHECK(second->accountId.size() == first->accountId.size());
            CHECK(second->session.token.size() == first->session.token.size());
            CHECK(second->session.session.csrfToken.size() == first->session.session.csrfToken.size());
            CHECK(second->session.session.expiresAt == first->session.session.expiresAt);

            // Nothing was written but an audit entry; the owner was told, without a code.
            auto after = snapshot(t.db());
            CHECK(after.accounts == before.accounts);
            CHECK(after.sessions == before.sessions);
            CHECK(after.counts.at("one_time_codes") == before.counts.at("one_time_codes"));
            CHECK(after.counts.at("terms_acceptances") == before.counts.at("terms_acceptances"));
            CHECK(after.counts.at("audit_log") == before.counts.at("audit_log") + 1);
            REQUIRE(t.mailer().sent().size() == mailsBefore + 1);
            auto note = lastMailTo(t.mailer(), "grace@example.org");
            CHECK(note.subject.find("someone tried to create an account") != std::string::npos);
            CHECK(note.textBody.find("reset your password") != std::string::npos);
            CHECK(note.textBody.find("https://id.example.gov/") != std::string::npos);

            // The decoy is no session, but is recognised as a decoy (and a real token is not).
            CHECK_FALSE(t.ctx().sessions.find(second->session.token));
            auto decoy = tessera::core::openDecoySession(t.ctx(), second->session.token);
            REQUIRE(decoy);
            CHECK(decoy->csrfToken == second->session.session.csrfToken);
            CHECK(decoy->stage == SessionStage::PendingEmail);
            CHECK_FALSE(tessera::core::openDecoySession(t.ctx(), first->session.token));
            t.clock().advance(t.settings().pendingSessionSeconds);
            CHECK_FALSE(tessera::core::openDecoySession(t.ctx(), second->session.token));  // expires like one
        }
    }
}

TEST_CASE("Registration mails are translated into Scottish Gaelic", "[core][accounts]") {
    AccountTestContext t("sqlite");
    auto registered = RegistrationService(t.ctx()).create(validRegistration(t.ctx(), "mairi@example.org", "gd"),
                                                          "127.0.0.1", "");
    REQUIRE(registered.ok());
    auto mail = lastMailTo(t.mailer(), "mairi@example.org");
    CHECK(mail.subject.find("an còd dearbhaidh agad") != std::string::npos);
    CHECK(mail.textBody.find("Halò Grace Hopper,") == 0);
}
