// The whole citizen account lifecycle over the REST API, as the portal and a citizen would
// drive it, on SQLite and on PostgreSQL: sign up, verify the email from the mail outbox,
// enrol TOTP, sign out, sign in with password + TOTP, change the address, forget the
// password and reset it. Ends by checking that the audit chain recorded it intact.
#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>

#include "core/audit/AuditLog.h"
#include "infra/Encoding.h"
#include "infra/Totp.h"
#include "support/AccountBuilders.h"
#include "support/ApiClient.h"
#include "support/TestServer.h"

using tessera::test::ApiClient;
using tessera::test::json;

namespace {

std::string totpNow(const std::string& base32Secret, std::int64_t now) {
    auto secret = tessera::infra::encoding::unbase32(base32Secret);
    REQUIRE(secret.has_value());
    return tessera::infra::totp::code(*secret, now);
}

}  // namespace

TEST_CASE("A citizen signs up, enrols TOTP, signs in, moves house and resets a forgotten password",
          "[web][journey]") {
    for (const auto& backend : tessera::test::backends()) {
        DYNAMIC_SECTION(backend) {
            auto server = tessera::test::startServer(backend);
            auto& clock = server->clock();
            ApiClient browser(server->port());
            const std::string email = "ailsa.journey@example.org";
            const std::string password = "heather on the hill 1987";

            // 1. Create the account, accepting the terms in force.
            const auto termsIds = tessera::test::fetchCurrentTermsIds(browser);
            REQUIRE(termsIds.size() == 3);
            auto body = tessera::test::registrationJson(termsIds, email, password);
            auto created = browser.post("/api/v1/accounts", tessera::test::toJson(body));
            REQUIRE(created.status == 201);
            CHECK_FALSE(browser.cookies().empty());

            // 2. Verify the email with the code from the message in the outbox.
            const std::string emailCode = server->lastCodeSentTo(email);
            auto verified = browser.post("/api/v1/accounts/me/email/verify", json({{"code", emailCode}}));
            REQUIRE(verified.status == 200);
            // Before 2FA is set up the account cannot be used.
            CHECK(browser.get("/api/v1/accounts/me").status == 403);

            // 3. Enrol an authenticator app and confirm it with a code it computed.
            auto totp = browser.post("/api/v1/accounts/me/2fa/totp");
            REQUIRE(totp.status == 200);
            const std::string secret = totp.json()->getValue<std::string>("secret");
            CHECK(totp.json()->getValue<std::string>("otpauthUri").rfind("otpauth://totp/", 0) == 0);
            CHECK(totp.json()->getValue<std::string>("qrSvg").rfind("<svg", 0) == 0);
            auto confirmed = browser.post("/api/v1/accounts/me/2fa/totp/confirm",
                                          json({{"code", totpNow(secret, clock.now())}}));
            REQUIRE(confirmed.status == 200);
            CHECK(confirmed.json()->getArray("recoveryCodes")->size() == 10);

            auto me = browser.get("/api/v1/accounts/me");
            REQUIRE(me.status == 200);
            CHECK(me.json()->getValue<std::string>("status") == "active");
            CHECK(me.json()->getValue<std::string>("secondFactor") == "totp");

            // 4. Sign out: the session no longer works.
            CHECK(browser.del("/api/v1/sessions/current").status == 204);
            CHECK(browser.get("/api/v1/accounts/me").status == 401);

            // 5. Sign in with the password, then a fresh TOTP code (the enrolment code is spent).
            clock.advance(30);
            browser.forgetCookies();
            auto first = browser.post("/api/v1/sessions", json({{"email", email}, {"password", password}}));
            REQUIRE(first.status == 200);
            CHECK(first.json()->getValue<std::string>("next") == "second_factor");
            auto second = browser.post("/api/v1/sessions/second-factor",
                                       json({{"code", totpNow(secret, clock.now())}}));
            REQUIRE(second.status == 200);
            CHECK(second.json()->getObject("session")->getValue<std::string>("stage") == "authenticated");

            // 6. Move house: the new address is stored normalised.
            Poco::JSON::Object address;
            address.set("line1", "12 Harbour Road");
            address.set("town", "Stornoway");
            address.set("postcode", "hs1 2aa");
            Poco::JSON::Object change;
            change.set("address", address);
            auto moved = browser.patch("/api/v1/accounts/me", tessera::test::toJson(change));
            REQUIRE(moved.status == 200);
            auto after = browser.get("/api/v1/accounts/me").json()->getObject("address");
            CHECK(after->getValue<std::string>("line1") == "12 Harbour Road");
            CHECK(after->getValue<std::string>("postcode") == "HS1 2AA");

            // 7. Forgotten password: reset it with the emailed code. Every session ends.
            ApiClient other(server->port());
            clock.advance(120);
            auto asked = other.post("/api/v1/password-resets", json({{"email", email}}));
            CHECK(asked.status == 202);
            const std::string resetCode = server->lastCodeSentTo(email);
            const std::string newPassword = "a new tune on the fiddle";
            auto reset = other.post("/api/v1/password-resets/confirm",
                                    json({{"email", email}, {"code", resetCode}, {"password", newPassword}}));
            REQUIRE(reset.status == 204);
            CHECK(browser.get("/api/v1/accounts/me").status == 401);

            // The old password stops working; the new one leads to the second factor.
            other.forgetCookies();
            auto old = other.post("/api/v1/sessions", json({{"email", email}, {"password", password}}));
            CHECK(old.status == 401);
            CHECK(old.problemCode() == "invalid_credentials");
            auto fresh = other.post("/api/v1/sessions", json({{"email", email}, {"password", newPassword}}));
            CHECK(fresh.status == 200);
            CHECK(fresh.json()->getValue<std::string>("next") == "second_factor");

            // The audit chain holds and tells the story.
            tessera::core::AuditLog audit(server->db(), clock);
            CHECK_FALSE(audit.firstBrokenEntry().has_value());
            const std::string accountId = created.json()->getObject("account")->getValue<std::string>("id");
            std::set<std::string> events;
            for (const auto& e : audit.entriesFor(accountId, 100)) events.insert(e.event);
            for (const char* expected : {"account.registered", "account.email_verified", "2fa.totp_enrolled",
                                         "signin.succeeded", "profile.updated", "password.reset"}) {
                INFO(expected);
                CHECK(events.count(expected) == 1);
            }
        }
    }
}
