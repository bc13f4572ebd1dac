// JWS signing and verification with OpenSSL EVP, JWK conversions and thumbprints.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>

#include "core/oidc/AsymmetricKey.h"
#include "core/oidc/Jws.h"
#include "infra/Encoding.h"

using namespace tessera::core::oidc;
using tessera::infra::encoding::base64url;
using tessera::infra::encoding::unbase64url;

namespace {

Poco::JSON::Object claims(int n) {
    Poco::JSON::Object o;
    o.set("sub", "subject-" + std::to_string(n));
    o.set("iat", Poco::Int64(1'800'000'000 + n));
    return o;
}

Poco::JSON::Object::Ptr parseJson(const std::string& text) {
    Poco::JSON::Parser p;
    return p.parse(text).extract<Poco::JSON::Object::Ptr>();
}

const AsymmetricKey& ecKey() {
    static const AsymmetricKey key = AsymmetricKey::generate(JwsAlg::ES256);
    return key;
}

const AsymmetricKey& rsaKey() {
    static const AsymmetricKey key = AsymmetricKey::generate(JwsAlg::RS256, 2048);
    return key;
}

}  // namespace

TEST_CASE("ES256 signatures are JOSE R||S of exactly 64 bytes and verify, leading zeros included",
          "[oidc][jws]") {
    // About 1 in 128 signatures has an R or S below 2^248: padding must keep them 32 bytes.
    int withLeadingZero = 0;
    for (int i = 0; i < 600; ++i) {
        const std::string token = jws::sign(JwsAlg::ES256, ecKey(), "kid-1", "at+jwt", claims(i));
        auto parsed = jws::parse(token);
        REQUIRE(parsed);
        REQUIRE(parsed->signature.size() == 64);
        if (parsed->signature[0] == '\0' || parsed->signature[32] == '\0') ++withLeadingZero;
        REQUIRE(jws::verify(JwsAlg::ES256, ecKey(), parsed->signingInput, parsed->signature));
    }
    INFO("signatures with a leading zero byte in R or S: " << withLeadingZero);
    SUCCEED();
}

TEST_CASE("A JWS header carries alg, kid and typ – the payload is the claims", "[oidc][jws]") {
    const std::string token = jws::sign(JwsAlg::ES256, ecKey(), "kid-1", "at+jwt", claims(7));
    auto parsed = jws::parse(token);
    REQUIRE(parsed);
    CHECK(parsed->alg == "ES256");
    CHECK(parsed->kid == "kid-1");
    CHECK(parsed->typ == "at+jwt");
    CHECK(parsed->payload->getValue<std::string>("sub") == "subject-7");
}

TEST_CASE("RS256 signs and verifies with PKCS#1 v1.5", "[oidc][jws]") {
    const std::string token = jws::sign(JwsAlg::RS256, rsaKey(), "r1", "", claims(1));
    auto parsed = jws::parse(token);
    REQUIRE(parsed);
    CHECK(parsed->signature.size() == 256);
    CHECK(parsed->typ.empty());
    CHECK(jws::verify(JwsAlg::RS256, rsaKey(), parsed->signingInput, parsed->signature));
}

TEST_CASE("Verification refuses other keys, other algorithms and changed content", "[oidc][jws]") {
    const std::string token = jws::sign(JwsAlg::ES256, ecKey(), "kid-1", "at+jwt", claims(1));
    auto parsed = jws::parse(token);
    REQUIRE(parsed);
    const AsymmetricKey other = AsymmetricKey::generate(JwsAlg::ES256);
    CHECK_FALSE(jws::verify(JwsAlg::ES256, other, parsed->signingInput, parsed->signature));
    // An EC key never verifies as RS256, an RSA key never as ES256.
    CHECK_FALSE(jws::verify(JwsAlg::RS256, ecKey(), parsed->signingInput, parsed->signature));
    CHECK_FALSE(jws::verify(JwsAlg::ES256, rsaKey(), parsed->signingInput, parsed->signature));
    std::string input = parsed->signingInput;
    input.back() = input.back() == 'A' ? 'B' : 'A';
    CHECK_FALSE(jws::verify(JwsAlg::ES256, ecKey(), input, parsed->signature));
    std::string sig = parsed->signature;
    sig[10] = static_cast<char>(sig[10] ^ 1);
    CHECK_FALSE(jws::verify(JwsAlg::ES256, ecKey(), parsed->signingInput, sig));
    CHECK_FALSE(jws::verify(JwsAlg::ES256, ecKey(), parsed->signingInput, parsed->signature.substr(0, 63)));
    CHECK_FALSE(jws::verify(JwsAlg::ES256, ecKey(), parsed->signingInput, ""));
    CHECK_THROWS_AS(jws::sign(JwsAlg::RS256, ecKey(), "k", "", claims(1)), std::invalid_argument);
}

TEST_CASE("Malformed compact serializations are refused before any key is used", "[oidc][jws]") {
    const std::string good = jws::sign(JwsAlg::ES256, ecKey(), "kid-1", "at+jwt", claims(1));
    const auto dot = good.find('.');
    const std::string header = good.substr(0, dot);
    const std::string rest = good.substr(dot);
    CHECK_FALSE(jws::parse("only.two"));
    CHECK_FALSE(jws::parse(good + ".extra"));
    CHECK_FALSE(jws::parse("%%%" + rest));
    CHECK_FALSE(jws::parse(base64url("[1,2]") + rest));
    CHECK_FALSE(jws::parse(base64url("{\"kid\":\"x\"}") + rest));      // no alg
    CHECK_FALSE(jws::parse(base64url("{\"alg\":5}") + rest));          // alg not a string
    CHECK_FALSE(jws::parse(base64url("{\"alg\":\"ES256\",\"crit\":[\"exp\"]}") + rest));
    CHECK_FALSE(jws::parse(header + ".bm90IGpzb24." + good.substr(good.rfind('.') + 1)));
    CHECK_FALSE(jws::parse(std::string(jws::kMaxCompactBytes + 1, 'a')));
    CHECK(jws::parse(good));
}

TEST_CASE("Public JWKs round-trip and thumbprints follow RFC 7638", "[oidc][jwk]") {
    SECTION("the RFC 7638 §3.1 example key") {
        Poco::JSON::Object::Ptr jwk = parseJson(
            R"({"kty":"RSA","e":"AQAB","alg":"RS256","kid":"2011-04-29","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"})");
        auto key = AsymmetricKey::fromPublicJwk(*jwk);
        REQUIRE(key);
        CHECK(key->thumbprint() == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
        CHECK(key->suits(JwsAlg::RS256));
        CHECK_FALSE(key->suits(JwsAlg::ES256));
    }
    SECTION("an EC key's public JWK verifies what its private key signed") {
        auto jwk = ecKey().publicJwk();
        CHECK(jwk->getValue<std::string>("kty") == "EC");
        CHECK(jwk->getValue<std::string>("crv") == "P-256");
        CHECK(unbase64url(jwk->getValue<std::string>("x"))->size() == 32);
        CHECK_FALSE(jwk->has("d"));
        auto pub = AsymmetricKey::fromPublicJwk(*jwk);
        REQUIRE(pub);
        CHECK(pub->thumbprint() == ecKey().thumbprint());
        const std::string token = jws::sign(JwsAlg::ES256, ecKey(), "k", "", claims(3));
        auto parsed = jws::parse(token);
        CHECK(jws::verify(JwsAlg::ES256, *pub, parsed->signingInput, parsed->signature));
    }
    SECTION("the private key survives PEM") {
        auto again = AsymmetricKey::fromPrivatePem(rsaKey().privatePem());
        REQUIRE(again);
        CHECK(again->thumbprint() == rsaKey().thumbprint());
    }
}

TEST_CASE("Unusable JWKs are refused: a point off the curve, other curves, short RSA keys", "[oidc][jwk]") {
    auto jwk = ecKey().publicJwk();
    Poco::JSON::Object offCurve(*jwk);
    std::string y = *unbase64url(jwk->getValue<std::string>("y"));
    y[31] = static_cast<char>(y[31] ^ 1);
    offCurve.set("y", base64url(y));
    CHECK_FALSE(AsymmetricKey::fromPublicJwk(offCurve));
    Poco::JSON::Object otherCurve(*jwk);
    otherCurve.set("crv", "P-384");
    CHECK_FALSE(AsymmetricKey::fromPublicJwk(otherCurve));
    Poco::JSON::Object shortX(*jwk);
    shortX.set("x", base64url(std::string(31, 'x')));
    CHECK_FALSE(AsymmetricKey::fromPublicJwk(shortX));
    Poco::JSON::Object symmetric;
    symmetric.set("kty", "oct");
    symmetric.set("k", base64url("secret"));
    CHECK_FALSE(AsymmetricKey::fromPublicJwk(symmetric));
    Poco::JSON::Object shortRsa;
    shortRsa.set("kty", "RSA");
    shortRsa.set("n", base64url(std::string(128, '\x7f')));  // 1024 bits
    shortRsa.set("e", "AQAB");
    CHECK_FALSE(AsymmetricKey::fromPublicJwk(shortRsa));
}
