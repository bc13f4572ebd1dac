#pragma once
// An EC P-256 or RSA key (OpenSSL EVP_PKEY), private or public only, with the conversions the
// provider needs: PKCS#8 PEM for the sealed private key, JWK (RFC 7517/7518) for publishing
// and for reading clients' keys, and the RFC 7638 thumbprint used as kid.
#include <Poco/JSON/Object.h>

#include <memory>
#include <string>
#include <string_view>

#include "core/oidc/JwsAlg.h"
#include "tessera/shared/Result.h"

struct evp_pkey_st;  // OpenSSL's EVP_PKEY, kept out of this header

namespace tessera::core::oidc {

inline constexpr int kMinRsaBits = 2048;

class AsymmetricKey {
public:
    // A fresh key for `alg`: P-256 for ES256, RSA of `rsaBits` (>= 2048) for RS256.
    // Throws std::runtime_error if OpenSSL fails.
    static AsymmetricKey generate(JwsAlg alg, int rsaBits = 3072);
    static Result<AsymmetricKey> fromPrivatePem(std::string_view pem);
    // A public JWK: kty EC (crv P-256, x, y of 32 bytes, a point on the curve) or kty RSA
    // (n of at least 2048 bits, e). Private members are ignored. Invalid "bad_jwk" otherwise.
    static Result<AsymmetricKey> fromPublicJwk(const Poco::JSON::Object& jwk);

    // Unencrypted PKCS#8 PEM (seal it before storing). Only for private keys.
    std::string privatePem() const;
    // The public members: {kty, crv, x, y} or {kty, n, e}.
    Poco::JSON::Object::Ptr publicJwk() const;
    // RFC 7638 JWK thumbprint: base64url(SHA-256 of the canonical required members).
    std::string thumbprint() const;
    // Whether the key is the right kind for `alg` (ES256: EC P-256; RS256: RSA >= 2048 bits).
    bool suits(JwsAlg alg) const;
    evp_pkey_st* native() const { return key_.get(); }

private:
    explicit AsymmetricKey(std::shared_ptr<evp_pkey_st> key) : key_(std::move(key)) {}
    std::shared_ptr<evp_pkey_st> key_;
};

}  // namespace tessera::core::oidc
