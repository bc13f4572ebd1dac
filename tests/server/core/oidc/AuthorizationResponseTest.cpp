// What goes back to the service: code or error, state, iss (RFC 9207), on the registered
// redirect URI, keeping its own query; and what the code is issued for.
#include <catch2/catch.hpp>

#include "core/oidc/AuthorizationResponse.h"

using namespace tessera;
using namespace tessera::core;
using namespace tessera::core::oidc;

TEST_CASE("The code goes back with state and iss, added to the redirect URI's own query", "[oidc][authorize]") {
    CHECK(codeRedirect("https://rp.example/cb", "c0de", "xyz", "https://id.example") ==
          "https://rp.example/cb?code=c0de&state=xyz&iss=https%3A%2F%2Fid.example");
    CHECK(codeRedirect("https://rp.example/cb?tenant=a", "c", "", "https://id.example") ==
          "https://rp.example/cb?tenant=a&code=c&iss=https%3A%2F%2Fid.example");
    CHECK(codeRedirect("https://rp.example/cb?", "c", "s t&u=v", "i") == "https://rp.example/cb?code=c&state=s%20t%26u%3Dv&iss=i");
}

TEST_CASE("An error goes back with its description, state and iss", "[oidc][authorize]") {
    CHECK(errorRedirect("https://rp.example/cb", "access_denied", "The citizen said no.", "xyz", "https://id.example") ==
          "https://rp.example/cb?error=access_denied&error_description=The%20citizen%20said%20no.&state=xyz"
          "&iss=https%3A%2F%2Fid.example");
    AuthorizationError e{"invalid_scope", "Bad scope.", true, "http://127.0.0.1:4000/cb", "", "App"};
    CHECK(errorRedirect(e, "i") == "http://127.0.0.1:4000/cb?error=invalid_scope&error_description=Bad%20scope.&iss=i");
}

TEST_CASE("The code request carries the request, the OP session and the account's level", "[oidc][authorize]") {
    AuthorizationRequest r;
    r.service.id = "svc";
    r.redirectUri = "https://rp.example/cb";
    r.scopes = {"openid", "email"};
    r.claims = {"email"};
    r.claimsParameter = R"({"userinfo":{"email":null}})";
    r.nonce = "n";
    r.codeChallenge = "challenge";
    r.codeChallengeMethod = "S256";
    Session s;
    s.publicId = "pub";
    s.authTime = 1'800'000'000;
    s.amr = "pwd email";
    Account a;
    a.id = "acc";
    a.loa = 2;
    const CodeRequest c = codeRequestFor(r, s, a, AcrValues());
    CHECK(c.serviceId == "svc");
    CHECK(c.accountId == "acc");
    CHECK(c.sessionPublicId == "pub");
    CHECK(c.redirectUri == "https://rp.example/cb");
    CHECK(c.scopes == r.scopes);
    CHECK(c.claims == r.claims);
    CHECK(c.claimsRequest == r.claimsParameter);
    CHECK(c.nonce == "n");
    CHECK(c.codeChallenge == "challenge");
    CHECK(c.codeChallengeMethod == "S256");
    CHECK(c.acr == "urn:tessera:loa:2");
    CHECK(c.amr == std::vector<std::string>{"pwd", "mca", "mfa"});
    CHECK(c.authTime == 1'800'000'000);
}
