#include <catch2/catch.hpp>

#include <Poco/JSON/Array.h>

#include "support/AccountBuilders.h"

using namespace tessera::test;

namespace {

const std::string kEmail = "grace@example.org";

// A problem answer without its per-request "instance", for comparing two answers.
std::string problemWithoutInstance(const ApiResponse& r) {
    auto o = r.json();
    o->remove("instance");
    std::string names;
    for (const auto& [k, v] : *o) names += k + ",";
    return names + toJson(*o);
}

std::string otherThan(const std::string& code) { return code == "000000" ? "111111" : "000000"; }

bool hasAll(const std::string& cookie, std::initializer_list<const char*> parts) {
    for (const char* p : parts)
        if (cookie.find(p) == std::string::npos) return false;
    return true;
}

}  // namespace

TEST_CASE("Registering answers 201 with a pending session – the emailed code verifies it", "[web][accounts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            auto server = startServer(backend);
            ApiClient client(server->port());
            auto registered = registerOverHttp(client, kEmail);
            REQUIRE(registered.status == 201);
            CHECK(registered.header("Location") == "/api/v1/accounts/me");
            auto account = registered.json()->getObject("account");
            CHECK(account->getValue<std::string>("status") == "pending_email");
            CHECK(account->getValue<std::string>("email") == kEmail);
            CHECK(account->getValue<std::string>("id").size() == 32);
            auto session = registered.json()->getObject("session");
            CHECK(session->getValue<std::string>("stage") == "pending_email");
            CHECK_FALSE(session->getValue<std::string>("csrfToken").empty());
            REQUIRE(registered.setCookies.size() == 1);
            CHECK(hasAll(registered.setCookies[0], {"tessera_session=", "HttpOnly", "SameSite=Lax", "Path=/"}));
            const std::string firstCookie = client.cookies().at("tessera_session");

            // Unsafe requests must carry the session's CSRF token.
            const std::string csrf = client.csrfToken();
            client.csrfToken().clear();
            auto noCsrf = client.post("/api/v1/accounts/me/email/verify", json({{"code", "123456"}}));
            CHECK(noCsrf.status == 403);
            CHECK(noCsrf.problemCode() == "csrf_failed");
            client.csrfToken() = csrf;

            auto verified = client.post("/api/v1/accounts/me/email/verify",
                                        json({{"code", server->lastCodeSentTo(kEmail)}}));
            REQUIRE(verified.status == 200);
            CHECK(verified.json()->getObject("account")->getValue<std::string>("status") == "pending_second_factor");
            CHECK(verified.json()->getObject("session")->getValue<std::string>("stage") ==
                  "pending_second_factor_setup");
            CHECK(client.cookies().at("tessera_session") != firstCookie);  // a new session id after each step

            auto again = client.post("/api/v1/accounts/me/email/verify", json({{"code", "123456"}}));
            CHECK(again.status == 403);
            CHECK(again.problemCode() == "wrong_stage");
        }
    }
}

TEST_CASE("Bad registration requests get a clear problem and change nothing", "[web][accounts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            auto server = startServer(backend, [](tessera::infra::Settings& s) { s.maxBodyBytes = 4096; });
            ApiClient client(server->port());
            const auto terms = fetchCurrentTermsIds(client);
            const auto before = snapshot(server->db());

            auto malformed = client.post("/api/v1/accounts", "{\"name\": \"Grace\",");
            CHECK(malformed.status == 400);
            CHECK(malformed.problemCode() == "malformed_json");
            CHECK(malformed.header("Content-Type").find("application/problem+json") == 0);

            auto notObject = client.post("/api/v1/accounts", "[1, 2]");
            CHECK(notObject.status == 400);
            CHECK(notObject.problemCode() == "not_an_object");

            auto wrongType = client.request("POST", "/api/v1/accounts", toJson(registrationJson(terms)), "text/plain");
            CHECK(wrongType.status == 415);
            CHECK(wrongType.problemCode() == "unsupported_media_type");

            auto big = registrationJson(terms);
            big.set("name", std::string(5000, 'a'));
            auto tooLarge = client.post("/api/v1/accounts", toJson(big));
            CHECK(tooLarge.status == 413);

            auto unknown = registrationJson(terms);
            unknown.set("isAdmin", true);
            auto unknownField = client.post("/api/v1/accounts", toJson(unknown));
            CHECK(unknownField.status == 400);
            CHECK(unknownField.fieldError("isAdmin") == "unknown_field");

            Poco::JSON::Object mistyped;
            mistyped.set("name", 42);
            mistyped.set("email", true);
            mistyped.set("acceptTerms", "all of them");
            mistyped.set("consent", "yes");
            auto types = client.post("/api/v1/accounts", toJson(mistyped));
            CHECK(types.status == 400);
            CHECK(types.fieldError("name") == "wrong_type");
            CHECK(types.fieldError("email") == "wrong_type");
            CHECK(types.fieldError("password") == "required");
            CHECK(types.fieldError("acceptTerms") == "wrong_type");
            CHECK(types.fieldError("consent") == "wrong_type");

            auto everything = registrationJson({});
            everything.set("name", "");
            everything.set("email", "grace@");
            everything.set("password", "1234567");
            everything.set("language", "xx");
            everything.set("consent", false);
            auto fields = client.post("/api/v1/accounts", toJson(everything));
            CHECK(fields.status == 400);
            CHECK(fields.problemCode() == "validation_failed");
            CHECK(fields.fieldError("name") == "required");
            CHECK(fields.fieldError("email") == "invalid_format");
            CHECK(fields.fieldError("password") == "too_short");
            CHECK(fields.fieldError("language") == "not_supported");
            CHECK(fields.fieldError("consent") == "consent_required");
            CHECK(fields.fieldError("acceptTerms") == "required");

            auto common = client.post("/api/v1/accounts", toJson(registrationJson(terms, kEmail, "qwerty123")));
            CHECK(common.status == 400);
            CHECK(common.fieldError("password") == "common_password");

            auto partial = registrationJson({terms[0], terms[1]});
            auto missingKind = client.post("/api/v1/accounts", toJson(partial));
            CHECK(missingKind.fieldError("acceptTerms") == "incomplete");

            CHECK(snapshot(server->db()) == before);
            CHECK(server->mails().empty());
            CHECK(client.cookies().empty());
        }
    }
}

TEST_CASE("A taken email gets the answers a new one gets, and its owner is told", "[web][accounts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            auto server = startServer(backend);
            ApiClient owner(server->port());
            auto first = registerOverHttp(owner, kEmail);
            REQUIRE(first.status == 201);
            const std::string code = server->lastCodeSentTo(kEmail);
            const auto before = snapshot(server->db());

            ApiClient prober(server->port());
            auto second = registerOverHttp(prober, kEmail, "a different passphrase");
            REQUIRE(second.status == 201);
            CHECK(second.header("Location") == first.header("Location"));
            REQUIRE(second.setCookies.size() == 1);
            auto shape = [](const ApiResponse& r) {
                std::string keys;
                for (const char* part : {"account", "session"}) {
                    auto o = r.json()->getObject(part);
                    for (const auto& [k, v] : *o) keys += std::string(part) + "." + k + "=" + v.type().name() + ";";
                }
                return keys;
            };
            CHECK(shape(second) == shape(first));
            CHECK(second.json()->getObject("account")->getValue<std::string>("status") == "pending_email");
            CHECK(second.setCookies[0].substr(second.setCookies[0].find(';')) ==
                  first.setCookies[0].substr(first.setCookies[0].find(';')));
            CHECK(prober.cookies().at("tessera_session").size() == owner.cookies().at("tessera_session").size());

            auto after = snapshot(server->db());
            CHECK(after.accounts == before.accounts);
            CHECK(after.sessions == before.sessions);
            CHECK(after.counts.at("one_time_codes") == before.counts.at("one_time_codes"));
            auto note = server->lastMailTo(kEmail);
            CHECK(note.subject.find("someone tried to create an account with your email") != std::string::npos);

            // Verifying and resending read exactly as for the real pending account.
            auto realWrong = owner.post("/api/v1/accounts/me/email/verify", json({{"code", otherThan(code)}}));
            auto decoyWrong = prober.post("/api/v1/accounts/me/email/verify", json({{"code", otherThan(code)}}));
            CHECK(realWrong.status == 400);
            CHECK(decoyWrong.status == realWrong.status);
            CHECK(problemWithoutInstance(decoyWrong) == problemWithoutInstance(realWrong));
            auto realResend = owner.post("/api/v1/accounts/me/email/resend");
            auto decoyResend = prober.post("/api/v1/accounts/me/email/resend");
            CHECK(realResend.status == 429);
            CHECK(problemWithoutInstance(decoyResend) == problemWithoutInstance(realResend));

            const std::string csrf = prober.csrfToken();
            prober.csrfToken() = "forged";
            auto forged = prober.post("/api/v1/accounts/me/email/verify", json({{"code", code}}));
            CHECK(forged.status == 403);
            CHECK(forged.problemCode() == "csrf_failed");
            prober.csrfToken() = csrf;

            // Even the owner's real code does nothing for the decoy.
            auto decoyRight = prober.post("/api/v1/accounts/me/email/verify", json({{"code", code}}));
            CHECK(decoyRight.status == 400);
            CHECK(decoyRight.fieldError("code") == "code_wrong");
            CHECK(server->services().accounts.findByEmail(kEmail)->emailVerified == false);
        }
    }
}

TEST_CASE("Codes expire, five wrong tries spend one, and new ones are throttled", "[web][accounts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            auto server = startServer(backend);
            ApiClient client(server->port());
            REQUIRE(registerOverHttp(client, kEmail).status == 201);
            const std::string first = server->lastCodeSentTo(kEmail);

            auto tooSoon = client.post("/api/v1/accounts/me/email/resend");
            CHECK(tooSoon.status == 429);
            CHECK(tooSoon.problemCode() == "resend_throttled");

            server->clock().advance(11 * 60);
            const auto before = snapshot(server->db());
            auto expired = client.post("/api/v1/accounts/me/email/verify", json({{"code", first}}));
            CHECK(expired.status == 410);
            CHECK(expired.problemCode() == "code_expired");
            CHECK(snapshot(server->db()) == before);

            auto unknownField = client.post("/api/v1/accounts/me/email/resend", json({{"email", "x@example.org"}}));
            CHECK(unknownField.status == 400);
            CHECK(unknownField.fieldError("email") == "unknown_field");
            auto resent = client.post("/api/v1/accounts/me/email/resend");
            CHECK(resent.status == 202);
            const std::string second = server->lastCodeSentTo(kEmail);

            for (int i = 0; i < 5; ++i) {
                auto wrong = client.post("/api/v1/accounts/me/email/verify", json({{"code", otherThan(second)}}));
                CHECK(wrong.status == 400);
                CHECK(wrong.fieldError("code") == "code_wrong");
            }
            auto spent = client.post("/api/v1/accounts/me/email/verify", json({{"code", second}}));
            CHECK(spent.status == 410);
            CHECK(spent.problemCode() == "code_used_up");
            CHECK_FALSE(server->services().accounts.findByEmail(kEmail)->emailVerified);

            auto noCode = client.post("/api/v1/accounts/me/email/verify", "{}");
            CHECK(noCode.fieldError("code") == "required");
            auto wrongMedia = client.request("POST", "/api/v1/accounts/me/email/verify", "code=123456",
                                             "application/x-www-form-urlencoded", {{"X-CSRF-Token", client.csrfToken()}});
            CHECK(wrongMedia.status == 415);

            server->clock().advance(61);
            REQUIRE(client.post("/api/v1/accounts/me/email/resend").status == 202);
            auto verified = client.post("/api/v1/accounts/me/email/verify", json({{"code", server->lastCodeSentTo(kEmail)}}));
            CHECK(verified.status == 200);
        }
    }
}

TEST_CASE("Email verification needs a pending session", "[web][accounts]") {
    auto server = startServer("sqlite");
    ApiClient stranger(server->port());
    auto r = stranger.post("/api/v1/accounts/me/email/verify", json({{"code", "123456"}}));
    CHECK(r.status == 401);
    CHECK(r.problemCode() == "sign_in_required");
    stranger.cookies()["tessera_session"] = "made-up";
    CHECK(stranger.post("/api/v1/accounts/me/email/resend").status == 401);
}
