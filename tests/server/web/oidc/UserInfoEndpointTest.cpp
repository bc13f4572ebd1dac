// GET and POST /oauth2/userinfo with bearer tokens (RFC 6750): the claims a relying party gets,
// and the challenges it gets when the token is missing, bad or lacks openid.
#include <catch2/catch.hpp>

#include "OidcWebFixture.h"

using namespace tessera;
using namespace tessera::test;

namespace {

std::string accessTokenFor(ApiClient& client, CodeBuilder& codes, const RelyingPartyCredentials& service,
                           const core::oidc::CodeRequest& request) {
    auto r = exchangeCodeOverHttp(client, service, codes.issue(request).code);
    INFO(r.body);
    REQUIRE(r.status == 200);
    return r.json()->getValue<std::string>("access_token");
}

ApiResponse getUserInfo(ApiClient& client, const std::string& token) {
    return client.request("GET", "/oauth2/userinfo", "", "", {{"Authorization", "Bearer " + token}});
}

void requireChallenge(const ApiResponse& r, int status, const std::string& error) {
    INFO(r.body);
    REQUIRE(r.status == status);
    const std::string challenge = r.header("WWW-Authenticate");
    CHECK(challenge.rfind("Bearer realm=\"tessera\"", 0) == 0);
    CHECK(challenge.find("error=\"" + error + "\"") != std::string::npos);
    CHECK(r.header("Cache-Control") == "no-store");
    CHECK(r.json()->getValue<std::string>("error") == error);
}

}  // namespace

TEST_CASE("userinfo answers sub and the consented claims, by header or form body", "[web][oidc][userinfo]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient client(server.port());
            CodeBuilder codes(server);
            auto service = createRelyingParty(server);
            auto request = codes.request(service);
            request.claims = {"email"};  // consented to email only, though profile was granted
            const std::string token = accessTokenFor(client, codes, service, request);

            auto r = getUserInfo(client, token);
            INFO(r.body);
            REQUIRE(r.status == 200);
            CHECK(r.header("Cache-Control") == "no-store");
            CHECK(r.header("Content-Type").find("application/json") == 0);
            auto body = r.json();
            std::vector<std::string> names;
            body->getNames(names);
            CHECK(names.size() == 2);
            CHECK(body->getValue<std::string>("email") == "ada@example.org");
            CHECK_FALSE(body->has("name"));
            // sub is the pairwise subject, as in the access token.
            const std::string sub = introspect(client, service, token).json()->getValue<std::string>("sub");
            CHECK(body->getValue<std::string>("sub") == sub);
            CHECK(sub != codes.citizen().id);

            auto posted = postForm(client, "/oauth2/userinfo", form({{"access_token", token}}));
            INFO(posted.body);
            REQUIRE(posted.status == 200);
            CHECK(posted.json()->getValue<std::string>("sub") == sub);
            auto postedHeader = client.request("POST", "/oauth2/userinfo", "", "", {{"Authorization", "Bearer " + token}});
            CHECK(postedHeader.status == 200);
            // The scheme name is case-insensitive (RFC 7235 §2.1).
            CHECK(client.request("GET", "/oauth2/userinfo", "", "", {{"Authorization", "bearer " + token}}).status == 200);
        }
    }
}

TEST_CASE("userinfo challenges: no token, bad token, revoked, no openid, token in the URL", "[web][oidc][userinfo]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient client(server.port());
            CodeBuilder codes(server);
            auto service = createRelyingParty(server);
            const std::string token = accessTokenFor(client, codes, service, codes.request(service));

            // No token: a bare challenge without an error (RFC 6750 §3.1).
            for (const auto& r : {client.get("/oauth2/userinfo"),
                                  client.request("GET", "/oauth2/userinfo", "", "", {{"Authorization", "Basic abc"}})}) {
                CHECK(r.status == 401);
                CHECK(r.header("WWW-Authenticate") == "Bearer realm=\"tessera\"");
            }
            requireChallenge(getUserInfo(client, "not.a.token"), 401, "invalid_token");
            std::string tampered = token;
            tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
            requireChallenge(getUserInfo(client, tampered), 401, "invalid_token");
            requireChallenge(client.get("/oauth2/userinfo?access_token=" + token), 400, "invalid_request");
            requireChallenge(client.request("POST", "/oauth2/userinfo", form({{"access_token", token}}),
                                            "application/x-www-form-urlencoded", {{"Authorization", "Bearer " + token}}),
                             400, "invalid_request");
            requireChallenge(client.request("GET", "/oauth2/userinfo", "", "", {{"Authorization", "Bearer "}}), 400,
                             "invalid_request");

            // Without openid: 403 insufficient_scope, naming the scope needed.
            auto request = codes.request(service);
            request.scopes = {"email"};
            auto noOpenid = getUserInfo(client, accessTokenFor(client, codes, service, request));
            requireChallenge(noOpenid, 403, "insufficient_scope");
            CHECK(noOpenid.header("WWW-Authenticate").find("scope=\"openid\"") != std::string::npos);
            auto backendSvc = createBackendService(server, "Back end");
            requireChallenge(getUserInfo(client, clientCredentialsToken(client, backendSvc)), 403, "insufficient_scope");

            // Revoked, and expired.
            REQUIRE(getUserInfo(client, token).status == 200);
            REQUIRE(postForm(client, "/oauth2/revoke", form({{"token", token}}), clientAuth(service)).status == 200);
            requireChallenge(getUserInfo(client, token), 401, "invalid_token");
            const std::string later = accessTokenFor(client, codes, service, codes.request(service));
            server.clock().advance(600);
            requireChallenge(getUserInfo(client, later), 401, "invalid_token");
        }
    }
}

TEST_CASE("userinfo refuses the token of a disabled account", "[web][oidc][userinfo]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient client(server.port());
    CodeBuilder codes(server);
    auto service = createRelyingParty(server);
    const std::string token = accessTokenFor(client, codes, service, codes.request(service));
    auto done = server.db().transaction<void>([&](Poco::Data::Session& s) -> Status {
        auto account = server.services().accounts.findById(s, codes.citizen().id);
        account->status = core::AccountStatus::Disabled;
        return server.services().accounts.update(s, *account, server.clock().now());
    });
    REQUIRE(done);
    requireChallenge(getUserInfo(client, token), 401, "invalid_token");
}
