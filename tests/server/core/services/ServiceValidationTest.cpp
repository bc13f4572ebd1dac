// Every field of a service is checked, and each problem is reported on its own field.
#include <catch2/catch.hpp>

#include <functional>

#include "core/services/ServiceValidator.h"
#include "core/services/UrlRules.h"

using namespace tessera;
using namespace tessera::core;

namespace {

// A valid confidential relying party.
Service valid() {
    Service s;
    s.name = "Council tax";
    s.redirectUris = {"https://council.example/callback"};
    s.grantTypes = {"authorization_code", "refresh_token"};
    s.allowedScopes = {"openid", "email"};
    s.allowedClaims = {"email", "name"};
    return s;
}

// The codes reported on `field` when `change` is applied to a valid service ("" when none).
std::string problemOn(const std::string& field, const std::function<void(Service&)>& change) {
    Service s = valid();
    change(s);
    const Status st = validateService(s);
    if (st) return "";
    std::string codes;
    for (const auto& f : st.error().fields)
        if (f.field == field) codes += (codes.empty() ? "" : ",") + f.code;
    return codes;
}

}  // namespace

TEST_CASE("A valid service passes", "[services][validation]") { CHECK(validateService(valid())); }

TEST_CASE("Redirect URIs: absolute https, or http on loopback with any port – no fragments or wildcards",
          "[services][validation]") {
    auto uri = [](std::string u) {
        return problemOn("redirectUris[0]", [&](Service& s) { s.redirectUris = {u}; });
    };
    CHECK(uri("https://council.example/callback?x=1") == "");
    CHECK(uri("http://127.0.0.1/callback") == "");
    CHECK(uri("http://127.0.0.1:53682/callback") == "");
    CHECK(uri("http://[::1]:8000/cb") == "");
    CHECK(uri("http://localhost:3000/cb") == "");
    CHECK(uri("http://council.example/callback") == "https_required");
    CHECK(uri("http://127.0.0.2/callback") == "https_required");
    CHECK(uri("ftp://council.example/callback") == "https_required");
    CHECK(uri("javascript:alert(1)") == "not_absolute");
    CHECK(uri("/callback") == "not_absolute");
    CHECK(uri("council.example/callback") == "not_absolute");
    CHECK(uri("https://council.example/callback#top") == "fragment_not_allowed");
    CHECK(uri("https://*.council.example/callback") == "wildcard_not_allowed");
    CHECK(uri("https://council.example/*") == "wildcard_not_allowed");
    CHECK(uri("https://user:pw@council.example/cb") == "userinfo_not_allowed");
    CHECK(uri("https://council.example/a b") == "malformed");
    CHECK(uri("https://council.example/caf\xc3\xa9") == "malformed");
    CHECK(uri("https://council.example/" + std::string(2000, 'a')) == "too_long");
    CHECK(uri("") == "required");
    CHECK(problemOn("redirectUris[1]", [](Service& s) { s.redirectUris = {s.redirectUris[0], s.redirectUris[0]}; }) ==
          "duplicate");
    CHECK(problemOn("redirectUris", [](Service& s) { s.redirectUris.assign(21, "https://a.example/"); }) == "too_many");
    CHECK(problemOn("redirectUris", [](Service& s) { s.redirectUris.clear(); }) == "required");
}

TEST_CASE("The other URLs follow the same rules – logos must be https", "[services][validation]") {
    CHECK(problemOn("postLogoutRedirectUris[0]", [](Service& s) { s.postLogoutRedirectUris = {"http://evil.example/"}; }) ==
          "https_required");
    CHECK(problemOn("backchannelLogoutUri", [](Service& s) { s.backchannelLogoutUri = "https://c.example/logout#x"; }) ==
          "fragment_not_allowed");
    CHECK(problemOn("eventPushUrl", [](Service& s) { s.eventPushUrl = "not a url"; }) == "malformed");
    CHECK(problemOn("logoUrl", [](Service& s) { s.logoUrl = "http://127.0.0.1/logo.png"; }) == "https_required");
    CHECK(problemOn("logoUrl", [](Service& s) { s.logoUrl = "https://c.example/logo.png"; }) == "");
    CHECK(problemOn("sectorIdentifier", [](Service& s) { s.sectorIdentifier = "http://c.example/sector.json"; }) ==
          "https_required");
    CHECK(problemOn("sectorIdentifier", [](Service& s) { s.sectorIdentifier = "http://localhost:8080/sector.json"; }) ==
          "");
}

TEST_CASE("Texts: a name is required – lengths and control characters are limited", "[services][validation]") {
    CHECK(problemOn("name", [](Service& s) { s.name = "  "; }) == "required");
    CHECK(problemOn("name", [](Service& s) { s.name = std::string(201, 'n'); }) == "too_long");
    CHECK(problemOn("name", [](Service& s) { s.name = "Council\ntax"; }) == "control_characters");
    CHECK(problemOn("name", [](Service& s) { s.name = "Bad \xff"; }) == "not_utf8");
    CHECK(problemOn("description", [](Service& s) { s.description = std::string(2001, 'd'); }) == "too_long");
}

TEST_CASE("Client type, authentication method and keys fit together", "[services][validation]") {
    CHECK(problemOn("clientType", [](Service& s) { s.clientType = "trusted"; }) == "unknown_value");
    CHECK(problemOn("tokenEndpointAuthMethod", [](Service& s) { s.tokenEndpointAuthMethod = "tls_client_auth"; }) ==
          "unknown_value");
    CHECK(problemOn("tokenEndpointAuthMethod", [](Service& s) { s.tokenEndpointAuthMethod = "none"; }) ==
          "authentication_required");
    CHECK(problemOn("tokenEndpointAuthMethod", [](Service& s) {
              s.clientType = "public";
              s.tokenEndpointAuthMethod = "client_secret_post";
          }) == "public_client");
    CHECK(problemOn("jwksUri", [](Service& s) { s.tokenEndpointAuthMethod = "private_key_jwt"; }) == "required");
    CHECK(problemOn("jwksUri", [](Service& s) {
              s.tokenEndpointAuthMethod = "private_key_jwt";
              s.jwksUri = "http://keys.example/jwks";
          }) == "https_required");
}

TEST_CASE("Grant types, scopes and claims come from the known sets and fit together", "[services][validation]") {
    CHECK(problemOn("grantTypes[0]", [](Service& s) { s.grantTypes = {"password"}; }) == "unknown_value");
    CHECK(problemOn("grantTypes[1]", [](Service& s) { s.grantTypes = {"authorization_code", "authorization_code"}; }) ==
          "duplicate");
    CHECK(problemOn("grantTypes", [](Service& s) { s.grantTypes.clear(); }) == "required");
    CHECK(problemOn("grantTypes", [](Service& s) { s.grantTypes = {"refresh_token"}; }) == "refresh_needs_code");
    CHECK(problemOn("grantTypes", [](Service& s) {
              s.clientType = "public";
              s.tokenEndpointAuthMethod = "none";
              s.grantTypes = {"authorization_code", "client_credentials"};
          }) == "confidential_only");
    CHECK(problemOn("allowedScopes[1]", [](Service& s) { s.allowedScopes = {"openid", "admin"}; }) == "unknown_value");
    CHECK(problemOn("allowedScopes", [](Service& s) { s.allowedScopes = {"email"}; }) == "openid_required");
    CHECK(problemOn("allowedScopes", [](Service& s) {
              s.grantTypes = {"authorization_code"};
              s.allowedScopes = {"openid", "offline_access"};
          }) == "offline_needs_refresh");
    CHECK(problemOn("allowedClaims[0]", [](Service& s) { s.allowedClaims = {"password_hash"}; }) == "unknown_value");
    // A back-end service with client credentials only needs no redirect URI and no openid.
    CHECK(problemOn("redirectUris", [](Service& s) {
              s.grantTypes = {"client_credentials"};
              s.redirectUris.clear();
              s.allowedScopes.clear();
          }) == "");
}

TEST_CASE("Level of assurance, subjects, algorithm and consent texts", "[services][validation]") {
    CHECK(problemOn("minLoa", [](Service& s) { s.minLoa = 4; }) == "out_of_range");
    CHECK(problemOn("minLoa", [](Service& s) { s.minLoa = -1; }) == "out_of_range");
    CHECK(problemOn("minLoa", [](Service& s) { s.minLoa = 3; }) == "");
    CHECK(problemOn("subjectType", [](Service& s) { s.subjectType = "random"; }) == "unknown_value");
    CHECK(problemOn("idTokenAlg", [](Service& s) { s.idTokenAlg = "HS256"; }) == "unknown_value");
    CHECK(problemOn("idTokenAlg", [](Service& s) { s.idTokenAlg = "none"; }) == "unknown_value");
    CHECK(problemOn("sectorIdentifier", [](Service& s) {
              s.redirectUris = {"https://a.example/cb", "https://b.example/cb"};
          }) == "required");
    CHECK(problemOn("sectorIdentifier", [](Service& s) {
              s.redirectUris = {"https://a.example/cb", "https://b.example/cb"};
              s.subjectType = "public";
          }) == "");
    CHECK(problemOn("consentText.english", [](Service& s) { s.consentText = {{"english", "Why"}}; }) ==
          "unknown_language");
    CHECK(problemOn("consentText.fr", [](Service& s) { s.consentText = {{"fr", "   "}}; }) == "required");
    CHECK(problemOn("consentText.gd", [](Service& s) { s.consentText = {{"gd", std::string(2001, 'x')}}; }) ==
          "too_long");
    CHECK(problemOn("consentText.en", [](Service& s) { s.consentText = {{"en", "We need your address."}}; }) == "");
}

TEST_CASE("Every problem of a service is reported at once", "[services][validation]") {
    Service s = valid();
    s.name = "";
    s.minLoa = 9;
    s.idTokenAlg = "HS256";
    s.redirectUris = {"http://evil.example/"};
    const Status st = validateService(s);
    REQUIRE_FALSE(st);
    CHECK(st.error().code == "validation_failed");
    CHECK(st.error().fields.size() == 4);
}

TEST_CASE("A loopback redirect URI matches on any port – anything else must match exactly", "[services][urls]") {
    using urls::redirectMatches;
    CHECK(redirectMatches("http://127.0.0.1/callback", "http://127.0.0.1:49152/callback"));
    CHECK(redirectMatches("http://127.0.0.1/callback", "http://127.0.0.1/callback"));
    CHECK(redirectMatches("http://[::1]/cb", "http://[::1]:8080/cb"));
    CHECK_FALSE(redirectMatches("http://127.0.0.1/callback", "http://127.0.0.1:49152/callback/x"));
    CHECK_FALSE(redirectMatches("http://127.0.0.1/callback", "http://127.0.0.1:49152/callback?x=1"));
    CHECK_FALSE(redirectMatches("http://127.0.0.1/callback", "http://localhost:49152/callback"));
    CHECK_FALSE(redirectMatches("http://127.0.0.1/callback", "https://127.0.0.1:49152/callback"));
    CHECK_FALSE(redirectMatches("http://127.0.0.1/callback", "http://127.0.0.1:49152/callback#x"));
    CHECK_FALSE(redirectMatches("https://council.example/cb", "https://council.example:8443/cb"));
    CHECK_FALSE(redirectMatches("https://council.example/cb", "https://council.example/cb/"));
    CHECK_FALSE(redirectMatches("https://council.example/cb", "https://council.example.evil.example/cb"));
}
