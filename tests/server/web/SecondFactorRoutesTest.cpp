#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>

#include "infra/Encoding.h"
#include "support/ApiClient.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"

using namespace tessera::test;

TEST_CASE("HTTP TOTP set-up finishes sign-up and signs the citizen in", "[web][2fa]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            auto account = makeAccount(server.services(), awaitingSecondFactorSetup());
            ApiClient client(server.port());
            auto first = postPassword(client, account.email, account.password);
            REQUIRE(first.status == 200);
            CHECK(first.json()->getValue<std::string>("next") == "second_factor_setup");
            const std::string setupToken = client.cookies()["tessera_session"];

            auto started = client.post("/api/v1/accounts/me/2fa/totp");
            REQUIRE(started.status == 200);
            auto enrolment = started.json();
            const std::string secret = *tessera::infra::encoding::unbase32(enrolment->getValue<std::string>("secret"));
            CHECK(enrolment->getValue<std::string>("otpauthUri").rfind("otpauth://totp/Tessera:", 0) == 0);
            CHECK(enrolment->getValue<std::string>("qrSvg").rfind("<svg", 0) == 0);

            auto wrong = client.post("/api/v1/accounts/me/2fa/totp/confirm",
                                     json({{"code", totpCode(secret, server.clock(), 3)}}));
            CHECK(wrong.status == 400);
            CHECK(wrong.fieldError("code") == "code_wrong");

            auto confirmed =
                client.post("/api/v1/accounts/me/2fa/totp/confirm", json({{"code", totpCode(secret, server.clock())}}));
            REQUIRE(confirmed.status == 200);
            auto body = confirmed.json();
            CHECK(body->getArray("recoveryCodes")->size() == 10);
            CHECK(body->getObject("session")->getValue<std::string>("stage") == "authenticated");
            CHECK(client.cookies()["tessera_session"] != setupToken);
            CHECK(client.get("/api/v1/sessions").status == 200);

            // Signing out and in again with the app works; the enrolment code cannot be replayed.
            CHECK(client.del("/api/v1/sessions/current").status == 204);
            REQUIRE(postPassword(client, account.email, account.password).status == 200);
            auto replay =
                client.post("/api/v1/sessions/second-factor", json({{"code", totpCode(secret, server.clock())}}));
            CHECK(replay.problemCode() == "code_already_used");
            server.clock().advance(30);
            CHECK(client.post("/api/v1/sessions/second-factor", json({{"code", totpCode(secret, server.clock())}}))
                      .status == 200);
        }
    }
}

TEST_CASE("HTTP email-code set-up", "[web][2fa]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            auto account = makeAccount(server.services(), awaitingSecondFactorSetup());
            ApiClient client(server.port());
            REQUIRE(postPassword(client, account.email, account.password).status == 200);
            CHECK(client.post("/api/v1/accounts/me/2fa/email").status == 204);
            auto confirmed = client.post("/api/v1/accounts/me/2fa/email/confirm",
                                         json({{"code", server.lastCodeSentTo(account.email)}}));
            REQUIRE(confirmed.status == 200);
            CHECK(confirmed.json()->getArray("recoveryCodes")->size() == 10);
            CHECK(client.get("/api/v1/sessions").status == 200);

            // From now on sign-in asks for an emailed code.
            ApiClient later(server.port());
            auto first = postPassword(later, account.email, account.password);
            CHECK(first.json()->getArray("methods")->getElement<std::string>(0) == "email");
        }
    }
}

TEST_CASE("HTTP set-up input is checked", "[web][2fa]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), awaitingSecondFactorSetup());
    ApiClient client(server.port());
    REQUIRE(postPassword(client, account.email, account.password).status == 200);
    CHECK(client.post("/api/v1/accounts/me/2fa/totp", json({{"secret", "mine"}})).fieldError("secret") ==
          "unknown_field");
    CHECK(client.post("/api/v1/accounts/me/2fa/totp/confirm", "{}").fieldError("code") == "required");
    CHECK(client.post("/api/v1/accounts/me/2fa/totp/confirm", "[1]").problemCode() == "not_an_object");
    auto notStarted = client.post("/api/v1/accounts/me/2fa/totp/confirm", json({{"code", "123456"}}));
    CHECK(notStarted.status == 409);
    CHECK(notStarted.problemCode() == "totp_not_started");
    CHECK(client.post("/api/v1/accounts/me/2fa/recovery-codes").problemCode() == "wrong_stage");
}

TEST_CASE("HTTP recovery codes can be replaced by a signed-in citizen", "[web][2fa]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services());
    auto old = giveRecoveryCodes(server.services(), account.id);
    ApiClient client(server.port());
    REQUIRE(signInWithTotp(client, server.clock(), account).status == 200);
    auto fresh = client.post("/api/v1/accounts/me/2fa/recovery-codes");
    REQUIRE(fresh.status == 200);
    auto codes = fresh.json()->getArray("recoveryCodes");
    REQUIRE(codes->size() == 10);

    ApiClient later(server.port());
    REQUIRE(postPassword(later, account.email, account.password).status == 200);
    CHECK(later.post("/api/v1/sessions/second-factor", json({{"recoveryCode", old[0]}})).status == 401);
    CHECK(later.post("/api/v1/sessions/second-factor", json({{"recoveryCode", codes->getElement<std::string>(0)}}))
              .status == 200);
}

TEST_CASE("From registration to a TOTP sign-in over HTTP", "[web][2fa]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            ApiClient client(server.port());
            auto terms = client.get("/api/v1/terms/current");
            REQUIRE(terms.status == 200);
            Poco::JSON::Array accepted;
            auto documents = terms.json()->getArray("documents");
            for (std::size_t i = 0; i < documents->size(); ++i)
                accepted.add(documents->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
            const std::string email = "grace@example.org", password = "a long and private passphrase";
            auto registered = client.post("/api/v1/accounts", json({{"name", "Grace Hopper"},
                                                                    {"email", email},
                                                                    {"password", password},
                                                                    {"language", "en"},
                                                                    {"acceptTerms", accepted},
                                                                    {"consent", true}}));
            REQUIRE(registered.status == 201);
            // Set-up cannot start before the email is verified.
            CHECK(client.post("/api/v1/accounts/me/2fa/totp").problemCode() == "wrong_stage");
            REQUIRE(client.post("/api/v1/accounts/me/email/verify", json({{"code", server.lastCodeSentTo(email)}}))
                        .status == 200);

            auto started = client.post("/api/v1/accounts/me/2fa/totp");
            REQUIRE(started.status == 200);
            const std::string secret =
                *tessera::infra::encoding::unbase32(started.json()->getValue<std::string>("secret"));
            REQUIRE(client.post("/api/v1/accounts/me/2fa/totp/confirm", json({{"code", totpCode(secret, server.clock())}}))
                        .status == 200);
            CHECK(client.get("/api/v1/sessions").status == 200);
            CHECK(client.del("/api/v1/sessions/current").status == 204);

            server.clock().advance(30);
            REQUIRE(postPassword(client, email, password).status == 200);
            auto signedIn =
                client.post("/api/v1/sessions/second-factor", json({{"code", totpCode(secret, server.clock())}}));
            CHECK(signedIn.status == 200);
        }
    }
}

TEST_CASE("A citizen who must accept new terms can still manage sessions but nothing else", "[web][2fa]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    AccountSpec spec = activeWithTotp();
    spec.acceptTerms = false;
    auto account = makeAccount(server.services(), spec);
    ApiClient client(server.port());
    REQUIRE(signInWithTotp(client, server.clock(), account).status == 200);
    auto gated = client.post("/api/v1/accounts/me/2fa/recovery-codes");
    CHECK(gated.status == 403);
    CHECK(gated.problemCode() == "terms_acceptance_required");
    CHECK(client.get("/api/v1/sessions").status == 200);
    CHECK(client.del("/api/v1/sessions/current").status == 204);
}
