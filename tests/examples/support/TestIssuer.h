#pragma once
// A stand-in for the provider's signing side: an EC P-256 key (and an RSA key), their JWK Set,
// and JWTs signed with them the way a provider would (ES256 as raw R||S, RS256), so the demo
// service's validation is tested against tokens made here and not by the code under test.
#include <Poco/JSON/Object.h>
#include <openssl/evp.h>

#include <cstdint>
#include <memory>
#include <string>

namespace tessera::demo::test {

class TestIssuer {
public:
    static constexpr const char* kIssuer = "https://tessera.test";
    static constexpr const char* kClientId = "demo-client";
    static constexpr const char* kEcKid = "ec-key-1";
    static constexpr const char* kRsaKid = "rsa-key-1";

    TestIssuer();

    // {"keys":[EC, RSA]} with public parts only.
    std::string jwks() const;
    // A JWT over `claims` with header {alg, kid, typ?}; alg "ES256" or "RS256" picks the key.
    std::string sign(const Poco::JSON::Object& claims, const std::string& alg = "ES256", const std::string& kid = "",
                     const std::string& typ = "JWT") const;
    // The same with a header given in full (for alg "none", a missing kid, crit ...), signed
    // with the EC key unless `signWith` is "RS256".
    std::string signWithHeader(const Poco::JSON::Object& header, const Poco::JSON::Object& claims,
                               const std::string& signWith = "ES256") const;

    // ID token claims that pass: iss, sub, aud, exp (in 10 min), iat (now), nonce, acr, sid, name, email.
    Poco::JSON::Object idTokenClaims(std::int64_t now, const std::string& nonce, int loa = 0) const;
    // Logout token claims that pass: iss, aud, iat, exp, jti, sub, sid, events.
    Poco::JSON::Object logoutTokenClaims(std::int64_t now, const std::string& sid, const std::string& sub = "citizen-1") const;

private:
    std::shared_ptr<EVP_PKEY> ec_, rsa_;
};

// base64url(left half of SHA-256(accessToken)), computed here independently.
std::string atHashOf(const std::string& accessToken);

}  // namespace tessera::demo::test
