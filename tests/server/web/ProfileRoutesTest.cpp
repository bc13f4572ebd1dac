#include <catch2/catch.hpp>

#include "support/AccountBuilders.h"

using namespace tessera::test;

namespace {

struct SignedIn {
    std::unique_ptr<TestServer> server;
    TestAccount account;
    std::unique_ptr<ApiClient> client;
};

SignedIn signedIn(const std::string& backend, const std::string& email = "ada@example.org") {
    SignedIn s;
    s.server = startServer(backend);
    s.account = makeAccount(s.server->services(), activeWithTotp(email));
    s.client = std::make_unique<ApiClient>(s.server->port());
    auto r = signInWithTotp(*s.client, s.server->clock(), s.account);
    if (r.status != 200) throw std::runtime_error("sign-in failed: " + r.body);
    return s;
}

}  // namespace

TEST_CASE("The profile is read and changed with optimistic versions", "[web][profile]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            auto s = signedIn(backend);
            ApiClient& client = *s.client;
            auto me = client.get("/api/v1/accounts/me");
            REQUIRE(me.status == 200);
            auto profile = me.json();
            const int version = profile->getValue<int>("version");  // sign-in itself updates the account
            const std::string etag = "\"" + std::to_string(version) + "\"";
            const std::string next = std::to_string(version + 1);
            CHECK(me.header("ETag") == etag);
            CHECK(profile->getValue<std::string>("email") == "ada@example.org");
            CHECK(profile->getValue<std::string>("name") == "Ada Lovelace");
            CHECK(profile->isNull("address"));
            CHECK(profile->isNull("phone"));
            CHECK_FALSE(profile->has("passwordHash"));
            CHECK(me.body.find("argon2") == std::string::npos);

            auto patched = client.request("PATCH", "/api/v1/accounts/me",
                                          R"({"preferredName": "Ada", "dateOfBirth": "1985-12-10", "sex": "female",
                                              "address": {"line1": "12 St James's Square", "town": "London",
                                                          "postcode": "sw1y 4jh"},
                                              "phone": "+44 7700 900123", "language": "fr"})",
                                          "application/merge-patch+json",
                                          {{"If-Match", etag}, {"X-CSRF-Token", client.csrfToken()}});
            REQUIRE(patched.status == 200);
            CHECK(patched.header("ETag") == "\"" + next + "\"");
            auto updated = patched.json();
            CHECK(updated->getObject("address")->getValue<std::string>("postcode") == "SW1Y 4JH");
            CHECK(updated->getObject("address")->isNull("line2"));
            CHECK(updated->getValue<std::string>("phone") == "+447700900123");
            CHECK(updated->getValue<std::string>("language") == "fr");

            const auto before = snapshot(s.server->db());
            auto stale = client.request("PATCH", "/api/v1/accounts/me", R"({"phone": null})", "application/json",
                                        {{"If-Match", etag}, {"X-CSRF-Token", client.csrfToken()}});
            CHECK(stale.status == 409);
            CHECK(stale.problemCode() == "version_mismatch");
            auto staleBody =
                client.patch("/api/v1/accounts/me", R"({"phone": null, "version": )" + std::to_string(version) + "}");
            CHECK(staleBody.status == 409);
            CHECK(snapshot(s.server->db()) == before);

            auto cleared = client.patch("/api/v1/accounts/me", R"({"phone": null, "address": null, "version": )" + next + "}");
            REQUIRE(cleared.status == 200);
            CHECK(cleared.json()->isNull("phone"));
            CHECK(cleared.json()->isNull("address"));
            CHECK(cleared.json()->getValue<std::string>("preferredName") == "Ada");
        }
    }
}

TEST_CASE("Bad profile changes are refused with every problem listed, changing nothing", "[web][profile]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            auto s = signedIn(backend);
            ApiClient& client = *s.client;
            const auto before = snapshot(s.server->db());

            auto unknown = client.patch("/api/v1/accounts/me",
                                        R"({"status": "active", "loa": 3, "email": "eve@example.org",
                                            "address": {"line1": "1 High Street", "country": "GB", "town": 7}})");
            CHECK(unknown.status == 400);
            CHECK(unknown.fieldError("status") == "unknown_field");
            CHECK(unknown.fieldError("loa") == "unknown_field");
            CHECK(unknown.fieldError("email") == "read_only");
            CHECK(unknown.fieldError("address.country") == "unknown_field");
            CHECK(unknown.fieldError("address.town") == "wrong_type");

            auto types = client.patch("/api/v1/accounts/me", R"({"name": 5, "address": "London", "version": "2"})");
            CHECK(types.status == 400);
            CHECK(types.fieldError("name") == "wrong_type");
            CHECK(types.fieldError("address") == "wrong_type");
            CHECK(types.fieldError("version") == "wrong_type");

            auto invalid = client.patch("/api/v1/accounts/me",
                                        R"({"name": null, "dateOfBirth": "1985-02-30", "sex": "x", "phone": "call me",
                                            "language": "de",
                                            "address": {"line1": "", "town": "London", "postcode": "ZZ1"}})");
            CHECK(invalid.status == 400);
            CHECK(invalid.fieldError("name") == "required");
            CHECK(invalid.fieldError("dateOfBirth") == "invalid_date");
            CHECK(invalid.fieldError("sex") == "invalid_choice");
            CHECK(invalid.fieldError("phone") == "invalid_format");
            CHECK(invalid.fieldError("language") == "not_supported");
            CHECK(invalid.fieldError("address.line1") == "required");
            CHECK(invalid.fieldError("address.postcode") == "invalid_format");

            CHECK(client.patch("/api/v1/accounts/me", "{\"name\": ").problemCode() == "malformed_json");
            auto media = client.request("PATCH", "/api/v1/accounts/me", R"({"name": "Ada"})", "text/plain",
                                        {{"X-CSRF-Token", client.csrfToken()}});
            CHECK(media.status == 415);
            auto badTag = client.request("PATCH", "/api/v1/accounts/me", R"({"name": "Ada"})", "application/json",
                                         {{"If-Match", "*"}, {"X-CSRF-Token", client.csrfToken()}});
            CHECK(badTag.status == 400);
            CHECK(snapshot(s.server->db()) == before);

            ApiClient stranger(s.server->port());
            CHECK(stranger.get("/api/v1/accounts/me").status == 401);
            CHECK(stranger.patch("/api/v1/accounts/me", R"({"name": "Eve"})").status == 401);
        }
    }
}

TEST_CASE("Only a signed-in session reaches the profile", "[web][profile]") {
    auto server = startServer("sqlite");
    ApiClient client(server->port());
    REQUIRE(registerOverHttp(client, "grace@example.org").status == 201);
    auto pending = client.get("/api/v1/accounts/me");
    CHECK(pending.status == 403);
    CHECK(pending.problemCode() == "wrong_stage");
}

TEST_CASE("A new email is confirmed with the code sent to it", "[web][profile]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            auto s = signedIn(backend);
            ApiClient& client = *s.client;
            auto bad = client.post("/api/v1/accounts/me/email", json({{"email", "ada@"}}));
            CHECK(bad.status == 400);
            CHECK(bad.fieldError("email") == "invalid_format");

            auto asked = client.post("/api/v1/accounts/me/email", json({{"email", "ada@lovelace.example"}}));
            REQUIRE(asked.status == 202);
            CHECK(asked.json()->getValue<std::string>("pendingEmail") == "ada@lovelace.example");
            CHECK(s.server->lastMailTo("ada@example.org").subject.find("change of email") != std::string::npos);
            auto me = client.get("/api/v1/accounts/me").json();
            CHECK(me->getValue<std::string>("email") == "ada@example.org");
            CHECK(me->getValue<std::string>("pendingEmail") == "ada@lovelace.example");

            auto wrong = client.post("/api/v1/accounts/me/email/confirm", json({{"code", "12345"}}));
            CHECK(wrong.fieldError("code") == "invalid_format");
            auto confirmed = client.post("/api/v1/accounts/me/email/confirm",
                                         json({{"code", s.server->lastCodeSentTo("ada@lovelace.example")}}));
            REQUIRE(confirmed.status == 200);
            CHECK(confirmed.json()->getValue<std::string>("email") == "ada@lovelace.example");
            CHECK(confirmed.json()->isNull("pendingEmail"));
            CHECK(s.server->lastMailTo("ada@example.org").subject.find("was changed") != std::string::npos);
        }
    }
}

TEST_CASE("Changing the password ends the other sessions – the old password stops working", "[web][profile]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            auto s = signedIn(backend);
            ApiClient& client = *s.client;
            ApiClient other(s.server->port());
            REQUIRE(signInWithTotp(other, s.server->clock(), s.account).status == 200);
            REQUIRE(other.get("/api/v1/accounts/me").status == 200);

            const auto before = snapshot(s.server->db());
            auto wrong = client.post("/api/v1/accounts/me/password",
                                     json({{"currentPassword", "not it"}, {"newPassword", "a brand new passphrase"}}));
            CHECK(wrong.status == 400);
            CHECK(wrong.fieldError("currentPassword") == "incorrect");
            auto missing = client.post("/api/v1/accounts/me/password", json({{"newPassword", "x"}}));
            CHECK(missing.fieldError("currentPassword") == "required");
            auto after = snapshot(s.server->db());
            CHECK(after.accounts == before.accounts);
            CHECK(after.sessions == before.sessions);

            auto changed = client.post("/api/v1/accounts/me/password",
                                       json({{"currentPassword", s.account.password},
                                             {"newPassword", "a brand new passphrase"}}));
            CHECK(changed.status == 204);
            CHECK(client.get("/api/v1/accounts/me").status == 200);
            CHECK(other.get("/api/v1/accounts/me").status == 401);

            ApiClient fresh(s.server->port());
            CHECK(postPassword(fresh, s.account.email, s.account.password).status != 200);
            s.account.password = "a brand new passphrase";
            CHECK(signInWithTotp(fresh, s.server->clock(), s.account).status == 200);
        }
    }
}
