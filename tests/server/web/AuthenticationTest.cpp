#include <catch2/catch.hpp>

#include "core/auth/RecoveryCodes.h"
#include "support/ApiClient.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"

using namespace tessera::test;

TEST_CASE("Unsafe requests without the session's CSRF token are refused and change nothing", "[web][csrf]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            auto account = makeAccount(server.services());
            auto codes = giveRecoveryCodes(server.services(), account.id);
            ApiClient client(server.port());
            REQUIRE(signInWithTotp(client, server.clock(), account).status == 200);
            const std::string csrf = client.csrfToken();
            auto auditSize = [&] { return server.services().audit.entriesFor(account.id, 1000).size(); };
            const auto auditBefore = auditSize();

            for (const std::string& token : {std::string(), std::string("wrong-token"), csrf + "x"}) {
                client.csrfToken() = token;
                auto signOut = client.del("/api/v1/sessions/current");
                CHECK(signOut.status == 403);
                CHECK(signOut.problemCode() == "csrf_failed");
                auto everywhere = client.del("/api/v1/sessions");
                CHECK(everywhere.status == 403);
                auto regenerate = client.post("/api/v1/accounts/me/2fa/recovery-codes", "{}");
                CHECK(regenerate.status == 403);
                CHECK(regenerate.problemCode() == "csrf_failed");
            }
            // Nothing changed: the session lives, the old recovery codes stand, nothing was audited.
            client.csrfToken() = csrf;
            CHECK(client.get("/api/v1/sessions").status == 200);
            CHECK(tessera::core::RecoveryCodes(server.services()).remaining(account.id) == 10);
            CHECK(auditSize() == auditBefore);
            // With the token the same requests work.
            CHECK(client.post("/api/v1/accounts/me/2fa/recovery-codes", "{}").status == 200);
            CHECK(client.del("/api/v1/sessions/current").status == 204);
            (void)codes;
        }
    }
}

TEST_CASE("Requests without a live session, or at the wrong stage, are refused with what to do next",
          "[web][auth]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services());
    ApiClient client(server.port());

    auto anonymous = client.get("/api/v1/sessions");
    CHECK(anonymous.status == 401);
    CHECK(anonymous.problemCode() == "sign_in_required");

    client.cookies()["tessera_session"] = "made-up-token";
    auto forged = client.get("/api/v1/sessions");
    CHECK(forged.status == 401);
    CHECK(forged.problemCode() == "sign_in_required");
    client.forgetCookies();

    REQUIRE(postPassword(client, account.email, account.password).status == 200);
    auto early = client.get("/api/v1/sessions");
    CHECK(early.status == 403);
    CHECK(early.problemCode() == "wrong_stage");
    CHECK(early.json()->getValue<std::string>("detail").find("Finish signing in") != std::string::npos);
    auto enrol = client.post("/api/v1/accounts/me/2fa/totp", "{}");
    CHECK(enrol.status == 403);
    CHECK(enrol.problemCode() == "wrong_stage");

    REQUIRE(client.post("/api/v1/sessions/second-factor", json({{"code", totpCode(account.totpSecret, server.clock())}}))
                .status == 200);
    auto again = client.post("/api/v1/sessions/second-factor", json({{"code", "123456"}}));
    CHECK(again.status == 403);
    CHECK(again.json()->getValue<std::string>("detail").find("already signed in") != std::string::npos);
}
