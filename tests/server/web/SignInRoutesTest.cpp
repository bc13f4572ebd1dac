#include <catch2/catch.hpp>

#include "core/auth/RecoveryCodes.h"
#include "support/ApiClient.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"

using namespace tessera::test;

namespace {

const std::string kCookie = "tessera_session";  // cookieSecure is off in test servers

// The problem body without its per-request "instance".
std::string problemWithoutInstance(const ApiResponse& r) {
    auto o = r.json();
    o->remove("instance");
    std::ostringstream os;
    o->stringify(os);
    return os.str();
}

}  // namespace

TEST_CASE("HTTP sign-in: password, then TOTP, then a new session cookie", "[web][signin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            auto account = makeAccount(server.services(), activeWithTotp());
            ApiClient client(server.port());

            auto first = postPassword(client, account.email, account.password);
            REQUIRE(first.status == 200);
            auto body = first.json();
            CHECK(body->getValue<std::string>("next") == "second_factor");
            CHECK(body->getArray("methods")->size() == 2);
            CHECK(body->getArray("methods")->getElement<std::string>(0) == "totp");
            auto session = body->getObject("session");
            CHECK(session->getValue<std::string>("stage") == "pending_second_factor");
            CHECK(session->getValue<bool>("current"));
            CHECK_FALSE(session->getValue<std::string>("csrfToken").empty());
            REQUIRE(client.cookies().count(kCookie) == 1);
            const std::string pendingToken = client.cookies()[kCookie];
            const std::string pendingCsrf = client.csrfToken();

            auto second = client.post("/api/v1/sessions/second-factor",
                                      json({{"code", totpCode(account.totpSecret, server.clock())}}));
            REQUIRE(second.status == 200);
            auto signedIn = second.json()->getObject("session");
            CHECK(signedIn->getValue<std::string>("stage") == "authenticated");
            CHECK(signedIn->getValue<std::string>("id") == session->getValue<std::string>("id"));
            CHECK(signedIn->has("authTime"));
            // Session fixation: the token (and CSRF token) from before sign-in are replaced...
            CHECK(client.cookies()[kCookie] != pendingToken);
            CHECK(client.csrfToken() != pendingCsrf);
            CHECK(client.get("/api/v1/sessions").status == 200);

            // ...and whoever held the old token holds nothing.
            ApiClient attacker(server.port());
            attacker.cookies()[kCookie] = pendingToken;
            attacker.csrfToken() = pendingCsrf;
            CHECK(attacker.get("/api/v1/sessions").status == 401);
            auto stolen = attacker.post("/api/v1/sessions/second-factor",
                                        json({{"code", totpCode(account.totpSecret, server.clock(), 1)}}));
            CHECK(stolen.status == 401);
            CHECK(stolen.problemCode() == "sign_in_required");
        }
    }
}

TEST_CASE("HTTP sign-in answers an unknown email exactly like a wrong password", "[web][signin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            auto account = makeAccount(server.services());
            ApiClient client(server.port());
            auto wrong = postPassword(client, account.email, "not the password");
            auto unknown = postPassword(client, "nobody@example.org", account.password);
            CHECK(wrong.status == 401);
            CHECK(unknown.status == 401);
            CHECK(wrong.problemCode() == "invalid_credentials");
            CHECK(problemWithoutInstance(wrong) == problemWithoutInstance(unknown));
            CHECK(wrong.setCookies.empty());
            CHECK(unknown.setCookies.empty());
            CHECK(wrong.header("Content-Type") == unknown.header("Content-Type"));
            CHECK(wrong.header("WWW-Authenticate") == unknown.header("WWW-Authenticate"));
        }
    }
}

TEST_CASE("HTTP sign-in is throttled with 429 and Retry-After", "[web][signin]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services());
    ApiClient client(server.port());
    for (int i = 0; i < 4; ++i) CHECK(postPassword(client, account.email, "wrong").status == 401);
    auto throttled = postPassword(client, account.email, account.password);
    CHECK(throttled.status == 429);
    CHECK(throttled.problemCode() == "too_many_attempts");
    CHECK(throttled.header("Retry-After") == "2");
    CHECK(throttled.setCookies.empty());
    server.clock().advance(2);
    CHECK(postPassword(client, account.email, account.password).status == 200);
}

TEST_CASE("HTTP sign-in with an emailed code or a recovery code", "[web][signin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            auto emailUser = makeAccount(server.services(), activeWithEmailCodes("ada@example.org"));
            auto appUser = makeAccount(server.services(), activeWithTotp("bob@example.org"));
            auto codes = giveRecoveryCodes(server.services(), appUser.id);

            ApiClient ada(server.port());
            auto first = postPassword(ada, emailUser.email, emailUser.password);
            REQUIRE(first.status == 200);
            CHECK(first.json()->getArray("methods")->getElement<std::string>(0) == "email");
            auto mail = server.lastMailTo(emailUser.email);
            CHECK(mail.subject.find("sign-in code") != std::string::npos);
            auto done = ada.post("/api/v1/sessions/second-factor",
                                 json({{"code", server.lastCodeSentTo(emailUser.email)}}));
            REQUIRE(done.status == 200);
            CHECK(done.json()->getObject("session")->getValue<std::string>("stage") == "authenticated");

            ApiClient bob(server.port());
            REQUIRE(postPassword(bob, appUser.email, appUser.password).status == 200);
            auto recovered = bob.post("/api/v1/sessions/second-factor", json({{"recoveryCode", codes[2]}}));
            REQUIRE(recovered.status == 200);
            CHECK(tessera::core::RecoveryCodes(server.services()).remaining(appUser.id) == 9);

            ApiClient again(server.port());
            REQUIRE(postPassword(again, appUser.email, appUser.password).status == 200);
            auto reused = again.post("/api/v1/sessions/second-factor", json({{"recoveryCode", codes[2]}}));
            CHECK(reused.status == 401);
            CHECK(reused.fieldError("recoveryCode") == "code_wrong");
        }
    }
}

TEST_CASE("HTTP second factor: TOTP reuse and bad bodies are refused", "[web][signin]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    ApiClient client(server.port());
    REQUIRE(signInWithTotp(client, server.clock(), account).status == 200);
    const std::string used = totpCode(account.totpSecret, server.clock());

    ApiClient other(server.port());
    REQUIRE(postPassword(other, account.email, account.password).status == 200);
    auto replay = other.post("/api/v1/sessions/second-factor", json({{"code", used}}));
    CHECK(replay.status == 401);
    CHECK(replay.problemCode() == "code_already_used");

    auto neither = other.post("/api/v1/sessions/second-factor", "{}");
    CHECK(neither.status == 400);
    CHECK(neither.fieldError("code") == "required");
    auto both = other.post("/api/v1/sessions/second-factor", json({{"code", "123456"}, {"recoveryCode", "AAAA"}}));
    CHECK(both.fieldError("recoveryCode") == "conflicting");
    auto extra = other.post("/api/v1/sessions/second-factor", json({{"code", "123456"}, {"remember", true}}));
    CHECK(extra.fieldError("remember") == "unknown_field");
    auto wrongType = other.post("/api/v1/sessions/second-factor", json({{"code", 123456}}));
    CHECK(wrongType.fieldError("code") == "wrong_type");
    auto notJson = other.request("POST", "/api/v1/sessions/second-factor", "code=123456",
                                 "application/x-www-form-urlencoded");
    CHECK(notJson.status == 415);
    auto badPassword = other.post("/api/v1/sessions", json({{"email", account.email}}));
    CHECK(badPassword.status == 400);
    CHECK(badPassword.fieldError("password") == "required");
}
