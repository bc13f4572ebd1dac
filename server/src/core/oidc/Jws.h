#pragma once
// JWS compact serialization (RFC 7515) with the two algorithms Tessera uses, signed and
// verified directly with OpenSSL EVP. ES256 signatures are the JOSE form (RFC 7518 §3.4):
// R || S, each left-padded to 32 bytes — not OpenSSL's DER.
#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>

#include "core/oidc/AsymmetricKey.h"
#include "core/oidc/JwsAlg.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc::jws {

// Tokens longer than this are refused unread.
inline constexpr std::size_t kMaxCompactBytes = 16 * 1024;

struct Parsed {
    Poco::JSON::Object::Ptr header;
    Poco::JSON::Object::Ptr payload;
    std::string alg;           // the header's alg, as written (not yet trusted)
    std::string kid;           // "" when absent
    std::string typ;           // "" when absent
    std::string signingInput;  // BASE64URL(header) "." BASE64URL(payload)
    std::string signature;     // raw bytes
};

// Signs `claims` with a header {alg, kid, typ}. `key` must suit `alg` (throws std::invalid_argument
// otherwise, a programming error) and be private; throws std::runtime_error if OpenSSL fails.
std::string sign(JwsAlg alg, const AsymmetricKey& key, const std::string& kid, const std::string& typ,
                 const Poco::JSON::Object& claims);
// Structure only: three base64url parts, header and payload JSON objects, a string alg, no
// "crit" (no extension is understood). Nothing is trusted yet. Invalid "malformed_jws".
Result<Parsed> parse(std::string_view compact);
// Whether `signature` over `signingInput` verifies under `key` with `alg`. False when the key
// does not suit the algorithm or the signature has the wrong length.
bool verify(JwsAlg alg, const AsymmetricKey& key, std::string_view signingInput, std::string_view signature);

}  // namespace tessera::core::oidc::jws
