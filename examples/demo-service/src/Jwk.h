#pragma once
// The provider's public signing keys (RFC 7517 JWK Set from its jwks_uri) as OpenSSL keys.
// Only what verifying ID and logout tokens needs: EC P-256 (ES256) and RSA (RS256).
#include <openssl/evp.h>

#include <memory>
#include <string>
#include <vector>

#include "tessera/shared/Result.h"

namespace tessera::demo {

using PublicKey = std::shared_ptr<EVP_PKEY>;

struct Jwk {
    std::string kid;
    std::string kty;  // "EC" or "RSA"
    std::string alg;  // may be empty: then the key type decides
    PublicKey key;
};

struct JwkSet {
    std::vector<Jwk> keys;

    // The key to check a token signed with `alg` (ES256, RS256) and header `kid`: the key with
    // that kid, or, for a token without a kid, the one key of the right type. NotFound
    // "unknown_key" when there is none (the caller may refetch the set: keys rotate).
    Result<PublicKey> keyFor(const std::string& kid, const std::string& alg) const;
};

// Keys it cannot use (other types, curves, "use": "enc") are skipped, not errors: a set may
// hold keys for other purposes. Invalid "bad_jwks" when the text is not a JWK Set.
Result<JwkSet> parseJwkSet(const std::string& json);

// The key type a JWS algorithm needs ("EC" for ES256, "RSA" for RS256), or "" for any other.
std::string keyTypeFor(const std::string& alg);

}  // namespace tessera::demo
