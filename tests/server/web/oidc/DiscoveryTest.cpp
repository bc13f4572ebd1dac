// Discovery and the JWKS as relying parties read them.
#include <Poco/JSON/Array.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "OidcWebFixture.h"

using namespace tessera::test;

namespace {

std::vector<std::string> strings(const Poco::JSON::Array::Ptr& a) {
    std::vector<std::string> out;
    REQUIRE(a);
    for (std::size_t i = 0; i < a->size(); ++i) out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("Discovery names the issuer, the endpoints and what the provider supports", "[web][oidc]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient client(server.port());
    auto r = client.get("/.well-known/openid-configuration");
    REQUIRE(r.status == 200);
    CHECK(r.header("Content-Type").find("application/json") == 0);
    CHECK(r.header("Cache-Control") == "public, max-age=300");
    CHECK(r.header("Access-Control-Allow-Origin") == "*");
    auto d = r.json();
    const std::string issuer = kIssuer;
    CHECK(d->getValue<std::string>("issuer") == issuer);
    CHECK(d->getValue<std::string>("jwks_uri") == issuer + "/oauth2/jwks");
    CHECK(d->getValue<std::string>("authorization_endpoint") == issuer + "/oauth2/authorize");
    CHECK(d->getValue<std::string>("token_endpoint") == issuer + "/oauth2/token");
    CHECK(d->getValue<std::string>("userinfo_endpoint") == issuer + "/oauth2/userinfo");
    CHECK(d->getValue<std::string>("end_session_endpoint") == issuer + "/oauth2/logout");
    CHECK(d->getValue<std::string>("introspection_endpoint") == issuer + "/oauth2/introspect");
    CHECK(d->getValue<std::string>("revocation_endpoint") == issuer + "/oauth2/revoke");

    CHECK(strings(d->getArray("grant_types_supported")) ==
          std::vector<std::string>{"authorization_code", "refresh_token", "client_credentials"});
    CHECK(strings(d->getArray("response_types_supported")) == std::vector<std::string>{"code"});
    CHECK(strings(d->getArray("response_modes_supported")) == std::vector<std::string>{"query"});
    CHECK(strings(d->getArray("code_challenge_methods_supported")) == std::vector<std::string>{"S256"});
    CHECK(strings(d->getArray("subject_types_supported")) == std::vector<std::string>{"pairwise", "public"});
    CHECK(strings(d->getArray("id_token_signing_alg_values_supported")) == std::vector<std::string>{"ES256", "RS256"});
    CHECK(strings(d->getArray("acr_values_supported")) ==
          std::vector<std::string>{"urn:tessera:loa:0", "urn:tessera:loa:1", "urn:tessera:loa:2", "urn:tessera:loa:3"});
    CHECK(strings(d->getArray("prompt_values_supported")) == std::vector<std::string>{"none", "login", "consent"});
    CHECK(strings(d->getArray("ui_locales_supported")) == std::vector<std::string>{"en", "fr", "gd"});
    const auto scopes = strings(d->getArray("scopes_supported"));
    for (const char* s : {"openid", "profile", "email", "address", "phone", "offline_access"}) CHECK(has(scopes, s));
    const auto claims = strings(d->getArray("claims_supported"));
    for (const char* c : {"sub", "iss", "acr", "amr", "auth_time", "sid", "name", "email", "email_verified", "address",
                          "phone_number", "birthdate"})
        CHECK(has(claims, c));
    CHECK_FALSE(has(claims, "given_name"));  // Tessera keeps one name field
    CHECK(d->getValue<bool>("claims_parameter_supported"));
    CHECK_FALSE(d->getValue<bool>("request_parameter_supported"));
    CHECK(d->getValue<bool>("backchannel_logout_supported"));
    CHECK(d->getValue<bool>("backchannel_logout_session_supported"));
    CHECK_FALSE(d->getValue<bool>("frontchannel_logout_supported"));
    CHECK(d->getValue<bool>("authorization_response_iss_parameter_supported"));
    const auto methods = strings(d->getArray("token_endpoint_auth_methods_supported"));
    CHECK(methods == std::vector<std::string>{"client_secret_basic", "client_secret_post", "private_key_jwt", "none"});
    // Introspection is for confidential clients only.
    CHECK_FALSE(has(strings(d->getArray("introspection_endpoint_auth_methods_supported")), "none"));
}

TEST_CASE("Discovery describes verified claims (OpenID Connect for Identity Assurance)", "[web][oidc][ida]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient client(server.port());
    auto d = client.get("/.well-known/openid-configuration").json();
    REQUIRE(d);
    CHECK(d->getValue<bool>("verified_claims_supported"));
    CHECK(strings(d->getArray("trust_frameworks_supported")) == std::vector<std::string>{"uk_tfida"});
    CHECK(strings(d->getArray("evidence_supported")) == std::vector<std::string>{"document", "electronic_record"});
    CHECK(strings(d->getArray("documents_supported")) ==
          std::vector<std::string>{"passport", "driving_permit", "idcard"});
    CHECK(strings(d->getArray("documents_check_methods_supported")) == std::vector<std::string>{"vri", "pvr", "data"});
    CHECK(has(strings(d->getArray("electronic_records_supported")), "birth_register"));
    CHECK(strings(d->getArray("claims_in_verified_claims_supported")) ==
          std::vector<std::string>{"given_name", "family_name", "birthdate", "address"});
    CHECK(has(strings(d->getArray("claims_supported")), "verified_claims"));
}

TEST_CASE("Discovery lists the acr values and trust framework the deployment configured", "[web][oidc][loa]") {
    TestServer server("sqlite", [](tessera::infra::Settings& s) {
        oidcServerSettings(s);
        s.acrLoa0 = "https://id.example.gov/basic";
        s.acrLoa1 = "https://id.example.gov/low";
        s.acrLoa2 = "https://id.example.gov/medium";
        s.acrLoa3 = "https://id.example.gov/high";
        s.assuranceTrustFramework = "eidas";
    });
    ApiClient client(server.port());
    auto d = client.get("/.well-known/openid-configuration").json();
    REQUIRE(d);
    CHECK(strings(d->getArray("acr_values_supported")) ==
          std::vector<std::string>{"https://id.example.gov/basic", "https://id.example.gov/low",
                                   "https://id.example.gov/medium", "https://id.example.gov/high"});
    CHECK(strings(d->getArray("trust_frameworks_supported")) == std::vector<std::string>{"eidas"});
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
