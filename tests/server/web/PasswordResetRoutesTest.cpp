#include <catch2/catch.hpp>

#include "support/AccountBuilders.h"

using namespace tessera::test;

namespace {

const std::string kNewPassword = "a brand new passphrase";

}  // namespace

TEST_CASE("A forgotten password is reset with the emailed code, ending every session", "[web][reset]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            auto server = startServer(backend);
            auto account = makeAccount(server->services(), activeWithTotp("ada@example.org"));
            ApiClient signedIn(server->port());
            REQUIRE(signInWithTotp(signedIn, server->clock(), account).status == 200);

            ApiClient anonymous(server->port());
            auto unknown = anonymous.post("/api/v1/password-resets", json({{"email", "nobody@example.org"}}));
            auto known = anonymous.post("/api/v1/password-resets", json({{"email", "ada@example.org"}}));
            CHECK(unknown.status == 202);
            CHECK(known.status == 202);
            CHECK(known.body == unknown.body);
            auto mail = server->lastMailTo("ada@example.org");
            CHECK(mail.body.find("/reset-password?email=ada%40example.org") != std::string::npos);
            auto again = anonymous.post("/api/v1/password-resets", json({{"email", "ada@example.org"}}));
            CHECK(again.status == 202);  // throttled silently
            CHECK(again.body == known.body);

            auto confirmed = anonymous.post(
                "/api/v1/password-resets/confirm",
                json({{"email", "ada@example.org"}, {"code", server->lastCodeSentTo("ada@example.org")},
                      {"password", kNewPassword}}));
            CHECK(confirmed.status == 204);
            CHECK(signedIn.get("/api/v1/accounts/me").status == 401);

            ApiClient fresh(server->port());
            CHECK(postPassword(fresh, account.email, account.password).status != 200);
            account.password = kNewPassword;
            CHECK(signInWithTotp(fresh, server->clock(), account).status == 200);
        }
    }
}

TEST_CASE("Refused resets say what is wrong and change nothing", "[web][reset]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            auto server = startServer(backend);
            auto account = makeAccount(server->services(), activeWithTotp("ada@example.org"));
            ApiClient client(server->port());
            REQUIRE(client.post("/api/v1/password-resets", json({{"email", "ada@example.org"}})).status == 202);
            const std::string code = server->lastCodeSentTo("ada@example.org");
            const auto before = snapshot(server->db());

            auto malformedEmail = client.post("/api/v1/password-resets", json({{"email", "ada"}}));
            CHECK(malformedEmail.status == 400);
            CHECK(malformedEmail.fieldError("email") == "invalid_format");
            CHECK(client.post("/api/v1/password-resets", "{\"email\":").problemCode() == "malformed_json");
            CHECK(client.request("POST", "/api/v1/password-resets", "email=ada@example.org",
                                 "application/x-www-form-urlencoded")
                      .status == 415);
            auto extra = client.post("/api/v1/password-resets", json({{"email", "ada@example.org"}, {"admin", true}}));
            CHECK(extra.fieldError("admin") == "unknown_field");

            auto missing = client.post("/api/v1/password-resets/confirm", "{}");
            CHECK(missing.status == 400);
            CHECK(missing.fieldError("email") == "required");
            CHECK(missing.fieldError("code") == "required");
            CHECK(missing.fieldError("password") == "required");

            auto weak = client.post("/api/v1/password-resets/confirm",
                                    json({{"email", "ada@example.org"}, {"code", code}, {"password", "letmein1"}}));
            CHECK(weak.fieldError("password") == "common_password");

            const std::string wrongCode = code == "000000" ? "111111" : "000000";
            auto wrong = client.post("/api/v1/password-resets/confirm",
                                     json({{"email", "ada@example.org"}, {"code", wrongCode}, {"password", kNewPassword}}));
            CHECK(wrong.status == 400);
            CHECK(wrong.fieldError("code") == "code_invalid");
            auto nobody = client.post("/api/v1/password-resets/confirm",
                                      json({{"email", "nobody@example.org"}, {"code", code}, {"password", kNewPassword}}));
            CHECK(nobody.status == wrong.status);
            CHECK(nobody.fieldError("code") == "code_invalid");

            server->clock().advance(11 * 60);
            auto expired = client.post("/api/v1/password-resets/confirm",
                                       json({{"email", "ada@example.org"}, {"code", code}, {"password", kNewPassword}}));
            CHECK(expired.status == 400);
            CHECK(expired.fieldError("code") == "code_invalid");

            auto after = snapshot(server->db());
            CHECK(after.accounts == before.accounts);
            CHECK(after.sessions == before.sessions);
            CHECK(after.counts == before.counts);
            CHECK(server->services().passwords.verify(server->services().accounts.findById(account.id)->passwordHash,
                                                      account.password));
        }
    }
}
