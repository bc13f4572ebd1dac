// PKCE (RFC 7636) with S256.
#include <catch2/catch.hpp>

#include "OidcCoreFixture.h"
#include "core/oidc/Pkce.h"

using namespace tessera;
using namespace tessera::test;
namespace pkce = tessera::core::oidc::pkce;

TEST_CASE("S256 challenges and verifier syntax", "[oidc][pkce]") {
    CHECK(pkce::s256Challenge(kCodeVerifier) == kCodeChallenge);
    CHECK(pkce::isWellFormedVerifier(kCodeVerifier));
    CHECK(pkce::isWellFormedVerifier(std::string(43, 'a')));
    CHECK(pkce::isWellFormedVerifier(std::string(128, '~')));
    CHECK(pkce::isWellFormedVerifier("abcdefghijklmnopqrstuvwxyz-._~ABCDEFGHIJKLMNOPQ0123456789"));
    CHECK_FALSE(pkce::isWellFormedVerifier(std::string(42, 'a')));
    CHECK_FALSE(pkce::isWellFormedVerifier(std::string(129, 'a')));
    CHECK_FALSE(pkce::isWellFormedVerifier(std::string(42, 'a') + "+"));
    CHECK_FALSE(pkce::isWellFormedVerifier(std::string(42, 'a') + " "));
    CHECK_FALSE(pkce::isWellFormedVerifier(std::string(42, 'a') + "\xc3\xa9"));
}

TEST_CASE("verify: a challenge needs its verifier – no challenge refuses one", "[oidc][pkce]") {
    CHECK(pkce::verify(kCodeChallenge, "S256", kCodeVerifier));
    CHECK_FALSE(pkce::verify(kCodeChallenge, "S256", ""));
    CHECK_FALSE(pkce::verify(kCodeChallenge, "plain", kCodeVerifier));
    CHECK_FALSE(pkce::verify(kCodeChallenge, "S256", std::string(kCodeVerifier) + "x"));
    CHECK_FALSE(pkce::verify(kCodeVerifier, "plain", kCodeVerifier));  // plain is never accepted
    CHECK(pkce::verify("", "", ""));
    auto refused = pkce::verify("", "", kCodeVerifier);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "invalid_grant");
}
