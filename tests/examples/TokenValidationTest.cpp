// The demo service accepts an ID token or a logout token only when it passes every check the
// specs ask of a relying party; each broken token is refused with its own reason.
#include <Poco/JSON/Array.h>

#include <catch2/catch.hpp>

#include "Encoding.h"
#include "Jwk.h"
#include "TokenValidation.h"
#include "support/TestIssuer.h"

using namespace tessera;
using namespace tessera::demo;
using tessera::demo::test::TestIssuer;

namespace {

constexpr std::int64_t kNow = 1'700'000'000;
const std::string kNonce = "nonce-abc";

struct Fixture {
    TestIssuer issuer;
    JwkSet keys = *parseJwkSet(issuer.jwks());
    KeyResolver resolver = [this](const std::string& kid, const std::string& alg) { return keys.keyFor(kid, alg); };

    IdTokenExpectations expect(std::optional<Loa> minimum = std::nullopt) const {
        IdTokenExpectations e;
        e.issuer = TestIssuer::kIssuer;
        e.clientId = TestIssuer::kClientId;
        e.now = kNow;
        e.nonce = kNonce;
        e.minimumLoa = minimum;
        return e;
    }
    TokenExpectations logoutExpect() const {
        TokenExpectations e;
        e.issuer = TestIssuer::kIssuer;
        e.clientId = TestIssuer::kClientId;
        e.now = kNow;
        return e;
    }
    std::string errorOf(const std::string& token, const IdTokenExpectations& e) const {
        auto r = validateIdToken(token, resolver, e);
        return r ? "accepted" : r.error().code;
    }
    std::string logoutErrorOf(const std::string& token) const {
        auto r = validateLogoutToken(token, resolver, logoutExpect());
        return r ? "accepted" : r.error().code;
    }
};

// The token with `from` changed to `to` in its claims, the signature kept.
std::string tamperPayload(const std::string& token, const std::string& from = "Morag", const std::string& to = "Mabel") {
    const auto first = token.find('.');
    const auto second = token.find('.', first + 1);
    auto claims = *base64UrlDecode(token.substr(first + 1, second - first - 1));
    REQUIRE(claims.find(from) != std::string::npos);
    claims.replace(claims.find(from), from.size(), to);
    return token.substr(0, first + 1) + base64UrlEncode(claims) + token.substr(second);
}

}  // namespace

TEST_CASE("An ID token signed with ES256 or RS256 by the provider's key passes, with its claims", "[examples][tokens]") {
    Fixture f;
    for (const std::string alg : {"ES256", "RS256"}) {
        DYNAMIC_SECTION(alg) {
            auto claims = f.issuer.idTokenClaims(kNow, kNonce, 2);
            auto token = validateIdToken(f.issuer.sign(claims, alg), f.resolver, f.expect(Loa::Loa2));
            REQUIRE(token);
            CHECK(token->sub == "citizen-1");
            CHECK(token->sid == "session-1");
            CHECK(token->acr == "urn:tessera:loa:2");
            CHECK(token->loa == Loa::Loa2);
            CHECK(token->expiresAt == kNow + 600);
        }
    }
}

TEST_CASE("An ID token whose signature does not verify is refused", "[examples][tokens]") {
    Fixture f;
    const auto good = f.issuer.sign(f.issuer.idTokenClaims(kNow, kNonce));
    CHECK(f.errorOf(tamperPayload(good), f.expect()) == "bad_signature");
    // Signed by the EC key but naming the RSA key: wrong key type for the algorithm.
    CHECK(f.errorOf(f.issuer.sign(f.issuer.idTokenClaims(kNow, kNonce), "ES256", TestIssuer::kRsaKid), f.expect()) ==
          "unknown_key");
    CHECK(f.errorOf(f.issuer.sign(f.issuer.idTokenClaims(kNow, kNonce), "ES256", "rotated-away"), f.expect()) ==
          "unknown_key");
    // A signature cut short, or none at all.
    CHECK(f.errorOf(good.substr(0, good.size() - 4), f.expect()) != "accepted");
    CHECK(f.errorOf(good.substr(0, good.rfind('.') + 1), f.expect()) == "bad_signature");

    Poco::JSON::Object none;
    none.set("alg", "none");
    const std::string unsigned_ = f.issuer.signWithHeader(none, f.issuer.idTokenClaims(kNow, kNonce));
    CHECK(f.errorOf(unsigned_.substr(0, unsigned_.rfind('.') + 1), f.expect()) == "unsupported_alg");
    Poco::JSON::Object hs;
    hs.set("alg", "HS256");
    hs.set("kid", TestIssuer::kEcKid);
    CHECK(f.errorOf(f.issuer.signWithHeader(hs, f.issuer.idTokenClaims(kNow, kNonce)), f.expect()) == "unsupported_alg");
    Poco::JSON::Object crit;
    crit.set("alg", "ES256");
    crit.set("kid", TestIssuer::kEcKid);
    Poco::JSON::Array critical;
    critical.add("exp");
    crit.set("crit", critical);
    CHECK(f.errorOf(f.issuer.signWithHeader(crit, f.issuer.idTokenClaims(kNow, kNonce)), f.expect()) == "malformed_token");
}

TEST_CASE("A token without a kid is checked with the only key of its type", "[examples][tokens]") {
    Fixture f;
    Poco::JSON::Object header;
    header.set("alg", "ES256");
    CHECK(f.errorOf(f.issuer.signWithHeader(header, f.issuer.idTokenClaims(kNow, kNonce)), f.expect()) == "accepted");
}

TEST_CASE("An ID token for another issuer, audience or party is refused", "[examples][tokens]") {
    Fixture f;
    auto claims = f.issuer.idTokenClaims(kNow, kNonce);
    claims.set("iss", "https://evil.test");
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect()) == "wrong_issuer");

    claims = f.issuer.idTokenClaims(kNow, kNonce);
    claims.set("aud", "another-service");
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect()) == "wrong_audience");

    Poco::JSON::Array both;
    both.add(TestIssuer::kClientId);
    both.add("another-service");
    claims = f.issuer.idTokenClaims(kNow, kNonce);
    claims.set("aud", both);
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect()) == "wrong_azp");  // several audiences need azp
    claims.set("azp", TestIssuer::kClientId);
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect()) == "accepted");
    claims.set("azp", "another-service");
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect()) == "wrong_azp");
}

TEST_CASE("An ID token outside its time, or answering another sign-in, is refused", "[examples][tokens]") {
    Fixture f;
    auto claims = f.issuer.idTokenClaims(kNow - 1000, kNonce);  // expired 400 s ago
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect()) == "expired");
    claims = f.issuer.idTokenClaims(kNow - 700, kNonce);  // expired 100 s ago: within the clock skew
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect()) == "accepted");
    claims = f.issuer.idTokenClaims(kNow + 600, kNonce);  // issued 10 minutes from now
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect()) == "not_yet_valid");
    claims = f.issuer.idTokenClaims(kNow, kNonce);
    claims.remove("exp");
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect()) == "missing_claim");
    claims = f.issuer.idTokenClaims(kNow, kNonce);
    claims.set("exp", "tomorrow");
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect()) == "missing_claim");

    CHECK(f.errorOf(f.issuer.sign(f.issuer.idTokenClaims(kNow, "another-nonce")), f.expect()) == "wrong_nonce");
    claims = f.issuer.idTokenClaims(kNow, kNonce);
    claims.remove("nonce");
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect()) == "wrong_nonce");
    claims = f.issuer.idTokenClaims(kNow, kNonce);
    claims.remove("sub");
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect()) == "missing_claim");
}

TEST_CASE("A secure sign-in needs an acr at or above the level asked for", "[examples][tokens]") {
    Fixture f;
    CHECK(f.errorOf(f.issuer.sign(f.issuer.idTokenClaims(kNow, kNonce, 0)), f.expect(Loa::Loa2)) == "insufficient_acr");
    CHECK(f.errorOf(f.issuer.sign(f.issuer.idTokenClaims(kNow, kNonce, 1)), f.expect(Loa::Loa2)) == "insufficient_acr");
    CHECK(f.errorOf(f.issuer.sign(f.issuer.idTokenClaims(kNow, kNonce, 2)), f.expect(Loa::Loa2)) == "accepted");
    CHECK(f.errorOf(f.issuer.sign(f.issuer.idTokenClaims(kNow, kNonce, 3)), f.expect(Loa::Loa2)) == "accepted");
    auto claims = f.issuer.idTokenClaims(kNow, kNonce);
    claims.set("acr", "urn:other:high");
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect(Loa::Loa2)) == "insufficient_acr");
    CHECK(f.errorOf(f.issuer.sign(claims), f.expect()) == "accepted");  // an ordinary sign-in asks no level
}

TEST_CASE("at_hash, when the ID token has one, must match the access token", "[examples][tokens]") {
    Fixture f;
    auto claims = f.issuer.idTokenClaims(kNow, kNonce);
    claims.set("at_hash", test::atHashOf("the-access-token"));
    auto e = f.expect();
    e.accessToken = "the-access-token";
    CHECK(f.errorOf(f.issuer.sign(claims), e) == "accepted");
    e.accessToken = "another-access-token";
    CHECK(f.errorOf(f.issuer.sign(claims), e) == "bad_at_hash");
}

TEST_CASE("A logout token passes Back-Channel Logout §2.6 and names the session", "[examples][tokens]") {
    Fixture f;
    auto claims = f.issuer.logoutTokenClaims(kNow, "session-1");
    auto token = validateLogoutToken(f.issuer.sign(claims, "ES256", "", "logout+jwt"), f.resolver, f.logoutExpect());
    REQUIRE(token);
    CHECK(token->sid == "session-1");
    CHECK(token->sub == "citizen-1");
    CHECK_FALSE(token->jti.empty());
    // typ may be left out, or written in full.
    CHECK(f.logoutErrorOf(f.issuer.sign(claims, "RS256", "", "")) == "accepted");
    CHECK(f.logoutErrorOf(f.issuer.sign(claims, "ES256", "", "application/logout+jwt")) == "accepted");
    // Only a sid, or only a sub, is enough.
    CHECK(f.logoutErrorOf(f.issuer.sign(f.issuer.logoutTokenClaims(kNow, "session-1", ""), "ES256", "", "logout+jwt")) ==
          "accepted");
    CHECK(f.logoutErrorOf(f.issuer.sign(f.issuer.logoutTokenClaims(kNow, ""), "ES256", "", "logout+jwt")) == "accepted");
}

TEST_CASE("A logout token that breaks a rule of §2.6 is refused with its reason", "[examples][tokens]") {
    Fixture f;
    auto sign = [&](const Poco::JSON::Object& c) { return f.issuer.sign(c, "ES256", "", "logout+jwt"); };
    // An ID token is not a logout token.
    CHECK(f.logoutErrorOf(f.issuer.sign(f.issuer.logoutTokenClaims(kNow, "s"), "ES256", "", "JWT")) == "wrong_type");
    auto c = f.issuer.logoutTokenClaims(kNow, "", "");
    CHECK(f.logoutErrorOf(sign(c)) == "missing_subject");
    c = f.issuer.logoutTokenClaims(kNow, "s");
    c.remove("events");
    CHECK(f.logoutErrorOf(sign(c)) == "missing_event");
    Poco::JSON::Object otherEvent;
    otherEvent.set("https://schemas.openid.net/secevent/caep/event-type/session-revoked", Poco::JSON::Object());
    c.set("events", otherEvent);
    CHECK(f.logoutErrorOf(sign(c)) == "missing_event");
    c = f.issuer.logoutTokenClaims(kNow, "s");
    c.set("nonce", "n");
    CHECK(f.logoutErrorOf(sign(c)) == "has_nonce");
    c = f.issuer.logoutTokenClaims(kNow, "s");
    c.remove("jti");
    CHECK(f.logoutErrorOf(sign(c)) == "missing_claim");
    c = f.issuer.logoutTokenClaims(kNow, "s");
    c.set("iss", "https://evil.test");
    CHECK(f.logoutErrorOf(sign(c)) == "wrong_issuer");
    c = f.issuer.logoutTokenClaims(kNow, "s");
    c.set("aud", "another-service");
    CHECK(f.logoutErrorOf(sign(c)) == "wrong_audience");
    c = f.issuer.logoutTokenClaims(kNow - 3600, "s");
    CHECK(f.logoutErrorOf(sign(c)) == "expired");
    CHECK(f.logoutErrorOf(tamperPayload(sign(f.issuer.logoutTokenClaims(kNow, "session-1")), "session-1", "session-2")) ==
          "bad_signature");
    CHECK(f.logoutErrorOf("not-a-token") == "malformed_token");
}
