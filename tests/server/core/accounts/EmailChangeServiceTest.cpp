#include <catch2/catch.hpp>

#include "core/accounts/EmailChangeService.h"
#include "support/AccountBuilders.h"

using tessera::ErrorKind;
using tessera::core::EmailChangeService;
using namespace tessera::test;

TEST_CASE("A new email is confirmed with a code sent to it – the old address is told", "[core][accounts][email]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto account = makeAccount(t.ctx(), activeWithTotp("ada@example.org"));
            EmailChangeService change(t.ctx());

            auto same = change.request(account.id, "ada@EXAMPLE.org", "");
            REQUIRE_FALSE(same.ok());
            CHECK(same.error().fields.at(0).code == "same_as_current");
            auto malformed = change.request(account.id, "ada@", "");
            REQUIRE_FALSE(malformed.ok());
            CHECK(malformed.error().fields.at(0).field == "email");

            auto pending = change.request(account.id, "ada@Lovelace.example", "192.0.2.1");
            REQUIRE(pending.ok());
            CHECK(*pending == "ada@lovelace.example");
            CHECK(t.ctx().accounts.findById(account.id)->pendingEmail == "ada@lovelace.example");
            CHECK(t.ctx().accounts.findById(account.id)->email == "ada@example.org");  // not yet
            auto code = lastMailTo(t.mailer(), "ada@lovelace.example");
            CHECK(code.textBody.find("Hello,") == 0);  // no name to an address not yet proven
            auto notice = lastMailTo(t.mailer(), "ada@example.org");
            CHECK(notice.subject.find("change of email address was requested") != std::string::npos);

            auto confirmed = change.confirm(account.id, t.mailer().lastCodeTo("ada@lovelace.example"), "192.0.2.1");
            REQUIRE(confirmed.ok());
            CHECK(confirmed->email == "ada@lovelace.example");
            CHECK(confirmed->pendingEmail.empty());
            CHECK(confirmed->emailVerified);
            CHECK(t.ctx().accounts.findByEmail("ada@lovelace.example"));
            CHECK_FALSE(t.ctx().accounts.findByEmail("ada@example.org"));
            CHECK(lastMailTo(t.mailer(), "ada@example.org").subject.find("was changed") != std::string::npos);
            CHECK(t.ctx().audit.entriesFor(account.id).front().event == "email.changed");

            auto again = change.confirm(account.id, "123456", "");
            REQUIRE_FALSE(again.ok());
            CHECK(again.error().code == "no_email_change");
        }
    }
}

TEST_CASE("A wrong code or a taken address leaves the email as it was", "[core][accounts][email]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto ada = makeAccount(t.ctx(), activeWithTotp("ada@example.org"));
            makeAccount(t.ctx(), activeWithTotp("charles@example.org"));
            EmailChangeService change(t.ctx());

            // Asking for a taken address reveals nothing: it is only refused once proven.
            REQUIRE(change.request(ada.id, "charles@example.org", "").ok());
            const std::string code = t.mailer().lastCodeTo("charles@example.org");
            auto wrong = change.confirm(ada.id, code == "000000" ? "111111" : "000000", "");
            REQUIRE_FALSE(wrong.ok());
            CHECK(wrong.error().fields.at(0).code == "code_wrong");
            const auto before = snapshot(t.db());
            auto taken = change.confirm(ada.id, code, "");
            REQUIRE_FALSE(taken.ok());
            CHECK(taken.error().kind == ErrorKind::Conflict);
            CHECK(taken.error().code == "email_taken");
            CHECK(snapshot(t.db()).accounts == before.accounts);
            CHECK(t.ctx().accounts.findById(ada.id)->email == "ada@example.org");

            // The spent code does not hold back a new request; but a second request while
            // that new code still waits, within the minute, is throttled and changes nothing.
            REQUIRE(change.request(ada.id, "ada@lovelace.example", "").ok());
            const auto beforeThrottle = snapshot(t.db());
            REQUIRE(t.ctx().accounts.findById(ada.id)->pendingEmail == "ada@lovelace.example");
            auto throttled = change.request(ada.id, "ada@babbage.example", "");
            REQUIRE_FALSE(throttled.ok());
            CHECK(throttled.error().kind == ErrorKind::TooManyRequests);
            CHECK(snapshot(t.db()) == beforeThrottle);
        }
    }
}
