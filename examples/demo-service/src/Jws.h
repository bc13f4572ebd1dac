#pragma once
// A JWS in compact serialisation (RFC 7515) carrying a JWT (RFC 7519): its decoded header and
// claims, and signature checks for the two algorithms Tessera signs with, ES256 and RS256.
#include <Poco/JSON/Object.h>
#include <openssl/evp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/shared/Result.h"

namespace tessera::demo {

struct Jws {
    Poco::JSON::Object::Ptr header;
    Poco::JSON::Object::Ptr claims;
    std::string alg, kid, typ;  // from the header
    std::string signingInput;   // BASE64URL(header) "." BASE64URL(payload)
    std::string signature;      // decoded bytes
};

// Invalid "malformed_token" unless it is three base64url parts whose first two are JSON
// objects and whose header names an algorithm.
Result<Jws> parseJws(std::string_view compact);

// Checks the signature with `key`. Only ES256 (raw R||S, 64 bytes, converted to DER for
// OpenSSL) and RS256; "none" and everything else is refused. Invalid "bad_signature".
Status verifySignature(const Jws& jws, EVP_PKEY* key);

// Claim readers that tolerate a claim of the wrong type by returning nothing.
std::optional<std::string> stringClaim(const Poco::JSON::Object& claims, const std::string& name);
std::optional<std::int64_t> numericClaim(const Poco::JSON::Object& claims, const std::string& name);
// "aud" as a list, whether it is one string or an array of strings.
std::vector<std::string> audiences(const Poco::JSON::Object& claims);

}  // namespace tessera::demo
