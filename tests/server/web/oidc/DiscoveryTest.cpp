// Discovery and the JWKS as relying parties read them.
#include <Poco/JSON/Array.h>

#include <catch2/catch.hpp>

#include "OidcWebFixture.h"

using namespace tessera::test;

TEST_CASE("Discovery names the issuer and lists only what is implemented", "[web][oidc]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient client(server.port());
    auto r = client.get("/.well-known/openid-configuration");
    REQUIRE(r.status == 200);
    CHECK(r.header("Content-Type").find("application/json") == 0);
    CHECK(r.header("Cache-Control") == "public, max-age=300");
    CHECK(r.header("Access-Control-Allow-Origin") == "*");
    auto d = r.json();
    CHECK(d->getValue<std::string>("issuer") == kIssuer);
    CHECK(d->getValue<std::string>("jwks_uri") == std::string(kIssuer) + "/oauth2/jwks");
    CHECK(d->getValue<std::string>("token_endpoint") == std::string(kIssuer) + "/oauth2/token");
    CHECK(d->getValue<std::string>("introspection_endpoint") == std::string(kIssuer) + "/oauth2/introspect");
    CHECK(d->getValue<std::string>("revocation_endpoint") == std::string(kIssuer) + "/oauth2/revoke");
    auto grants = d->getArray("grant_types_supported");
    REQUIRE(grants->size() == 1);
    CHECK(grants->getElement<std::string>(0) == "client_credentials");
    CHECK(d->getArray("token_endpoint_auth_methods_supported")->size() == 3);
    // Not yet: the authorization-code flow comes with its endpoint.
    CHECK_FALSE(d->has("authorization_endpoint"));
    CHECK_FALSE(d->has("userinfo_endpoint"));
    CHECK_FALSE(d->has("response_types_supported"));
}

TEST_CASE("The JWKS publishes the public signing keys and nothing private", "[web][oidc]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient client(server.port());
            auto r = client.get("/oauth2/jwks");
            REQUIRE(r.status == 200);
            CHECK(r.header("Content-Type") == "application/jwk-set+json");
            auto keys = r.json()->getArray("keys");
            REQUIRE(keys->size() == 1);
            auto jwk = keys->getObject(0);
            for (const char* member : {"kty", "crv", "x", "y", "kid", "alg", "use"}) CHECK(jwk->has(member));
            CHECK_FALSE(jwk->has("d"));
            CHECK(jwk->getValue<std::string>("use") == "sig");
            CHECK(client.request("POST", "/oauth2/jwks", "", "").status == 405);
        }
    }
}
