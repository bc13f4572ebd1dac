// POST /oauth2/token with the client credentials grant: client authentication by Basic, post
// and private_key_jwt, and the RFC 6749 §5.2 errors.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "OidcWebFixture.h"
#include "core/oidc/AsymmetricKey.h"
#include "core/oidc/Jws.h"

using namespace tessera;
using namespace tessera::test;

namespace {

const std::string kGrant = form({{"grant_type", "client_credentials"}});

void requireOAuthError(const ApiResponse& r, int status, const std::string& error) {
    INFO(r.body);
    REQUIRE(r.status == status);
    auto body = r.json();
    CHECK(body->getValue<std::string>("error") == error);
    CHECK(body->has("error_description"));
    CHECK(r.header("Cache-Control") == "no-store");
    CHECK(r.header("Content-Type").find("application/json") == 0);
}

std::string jwksDocument(const core::oidc::AsymmetricKey& key, const std::string& kid) {
    auto jwk = key.publicJwk();
    jwk->set("kid", kid);
    Poco::JSON::Array::Ptr keys = new Poco::JSON::Array;
    keys->add(jwk);
    Poco::JSON::Object root;
    root.set("keys", keys);
    std::ostringstream os;
    Poco::JSON::Stringifier::condense(root, os);
    return os.str();
}

}  // namespace

TEST_CASE("client_credentials with client_secret_basic and client_secret_post", "[web][oidc][token]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient client(server.port());
            auto basic = createBackendService(server, "Basic", "client_secret_basic");
            auto post = createBackendService(server, "Post", "client_secret_post");

            auto r = postForm(client, "/oauth2/token", kGrant, {{"Authorization", basicAuth(basic.clientId, basic.clientSecret)}});
            INFO(r.body);
            REQUIRE(r.status == 200);
            CHECK(r.header("Cache-Control") == "no-store");
            CHECK(r.header("Pragma") == "no-cache");
            auto body = r.json();
            CHECK(body->getValue<std::string>("token_type") == "Bearer");
            CHECK(body->getValue<int>("expires_in") == 600);
            const std::string token = body->getValue<std::string>("access_token");
            CHECK(std::count(token.begin(), token.end(), '.') == 2);
            CHECK_FALSE(body->has("refresh_token"));
            CHECK_FALSE(body->has("id_token"));

            auto p = postForm(client, "/oauth2/token",
                              form({{"grant_type", "client_credentials"},
                                    {"client_id", post.clientId},
                                    {"client_secret", post.clientSecret}}));
            INFO(p.body);
            CHECK(p.status == 200);
            // Each must use the method it is registered with.
            requireOAuthError(postForm(client, "/oauth2/token",
                                       form({{"grant_type", "client_credentials"},
                                             {"client_id", basic.clientId},
                                             {"client_secret", basic.clientSecret}})),
                              401, "invalid_client");
        }
    }
}

TEST_CASE("Wrong or missing client credentials answer 401 invalid_client", "[web][oidc][token]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient client(server.port());
    auto service = createBackendService(server);
    auto wrong = postForm(client, "/oauth2/token", kGrant, {{"Authorization", basicAuth(service.clientId, "wrong")}});
    requireOAuthError(wrong, 401, "invalid_client");
    CHECK(wrong.header("WWW-Authenticate").find("Basic") == 0);
    auto unknown = postForm(client, "/oauth2/token", kGrant, {{"Authorization", basicAuth("nobody", service.clientSecret)}});
    requireOAuthError(unknown, 401, "invalid_client");
    CHECK(unknown.json()->getValue<std::string>("error_description") ==
          wrong.json()->getValue<std::string>("error_description"));
    requireOAuthError(postForm(client, "/oauth2/token", kGrant), 401, "invalid_client");
    requireOAuthError(postForm(client, "/oauth2/token", kGrant, {{"Authorization", "Basic %%%"}}), 401, "invalid_client");
    requireOAuthError(postForm(client, "/oauth2/token", form({{"grant_type", "client_credentials"}, {"client_id", service.clientId}})),
                      401, "invalid_client");
    // A disabled service.
    REQUIRE(core::ServiceRegistry(server.services()).disable(service.id, {"admin", ""}));
    requireOAuthError(postForm(client, "/oauth2/token", kGrant,
                               {{"Authorization", basicAuth(service.clientId, service.clientSecret)}}),
                      401, "invalid_client");
}

TEST_CASE("Grant types, scopes and malformed requests get their OAuth errors", "[web][oidc][token]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient client(server.port());
    auto service = createBackendService(server);
    const std::map<std::string, std::string> auth{{"Authorization", basicAuth(service.clientId, service.clientSecret)}};

    for (const char* grant : {"password", "implicit", "urn:ietf:params:oauth:grant-type:jwt-bearer"})
        requireOAuthError(postForm(client, "/oauth2/token", form({{"grant_type", grant}}), auth), 400,
                          "unsupported_grant_type");
    // Grants this server has, that this back-end service is not allowed.
    for (const char* grant : {"authorization_code", "refresh_token"})
        requireOAuthError(postForm(client, "/oauth2/token", form({{"grant_type", grant}}), auth), 400,
                          "unauthorized_client");
    requireOAuthError(postForm(client, "/oauth2/token", form({{"scope", "x"}}), auth), 400, "invalid_request");
    requireOAuthError(postForm(client, "/oauth2/token", form({{"grant_type", ""}}), auth), 400, "invalid_request");
    requireOAuthError(postForm(client, "/oauth2/token", kGrant + "&grant_type=client_credentials", auth), 400,
                      "invalid_request");
    requireOAuthError(postForm(client, "/oauth2/token", "grant_type=client%2", auth), 400, "invalid_request");
    requireOAuthError(client.request("POST", "/oauth2/token", R"({"grant_type":"client_credentials"})",
                                     "application/json", auth),
                      400, "invalid_request");
    // Two ways of authenticating at once.
    requireOAuthError(postForm(client, "/oauth2/token",
                               form({{"grant_type", "client_credentials"},
                                     {"client_id", service.clientId},
                                     {"client_secret", service.clientSecret}}),
                               auth),
                      400, "invalid_request");
    requireOAuthError(postForm(client, "/oauth2/token", form({{"grant_type", "client_credentials"}, {"scope", "openid"}}), auth),
                      400, "invalid_scope");
    requireOAuthError(postForm(client, "/oauth2/token", form({{"grant_type", "client_credentials"}, {"scope", "email"}}), auth),
                      400, "invalid_scope");
    CHECK(client.get("/oauth2/token").status == 405);

    // A service that may not use client credentials.
    auto relyingParty = createBackendService(server, "Relying party", "client_secret_basic", [](core::ServiceChanges& c) {
        c.grantTypes = std::vector<std::string>{"authorization_code"};
        c.redirectUris = std::vector<std::string>{"https://rp.example/cb"};
        c.allowedScopes = std::vector<std::string>{"openid"};
    });
    requireOAuthError(postForm(client, "/oauth2/token", kGrant,
                               {{"Authorization", basicAuth(relyingParty.clientId, relyingParty.clientSecret)}}),
                      400, "unauthorized_client");
}

TEST_CASE("private_key_jwt with keys from the service's loopback JWKS URL", "[web][oidc][token]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient client(server.port());
            const auto key = core::oidc::AsymmetricKey::generate(core::oidc::JwsAlg::ES256);
            DocumentServer jwks(jwksDocument(key, "svc-1"));
            auto service = createBackendService(server, "Keyed", "private_key_jwt", [&](core::ServiceChanges& c) {
                c.jwksUri = jwks.url("/jwks.json");
            });
            auto assertion = [&](const std::string& jti, const std::string& aud) {
                Poco::JSON::Object c;
                c.set("iss", service.clientId);
                c.set("sub", service.clientId);
                c.set("aud", aud);
                c.set("jti", jti);
                c.set("iat", Poco::Int64(server.clock().now()));
                c.set("exp", Poco::Int64(server.clock().now() + 60));
                return core::oidc::jws::sign(core::oidc::JwsAlg::ES256, key, "svc-1", "", c);
            };
            auto request = [&](const std::string& jwt) {
                return postForm(client, "/oauth2/token",
                                form({{"grant_type", "client_credentials"},
                                      {"client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
                                      {"client_assertion", jwt}}));
            };
            const std::string tokenEndpoint = std::string(kIssuer) + "/oauth2/token";
            const std::string first = assertion("a-1", tokenEndpoint);
            auto ok = request(first);
            INFO(ok.body);
            CHECK(ok.status == 200);
            CHECK(jwks.requests() == 1);
            requireOAuthError(request(first), 401, "invalid_client");  // jti used
            requireOAuthError(request(assertion("a-2", "https://elsewhere.example/token")), 401, "invalid_client");
            CHECK(request(assertion("a-3", tokenEndpoint)).status == 200);
            CHECK(jwks.requests() == 1);  // cached
            requireOAuthError(postForm(client, "/oauth2/token",
                                       form({{"grant_type", "client_credentials"},
                                             {"client_assertion_type", "urn:example:other"},
                                             {"client_assertion", assertion("a-4", tokenEndpoint)}})),
                              400, "invalid_request");
        }
    }
}
