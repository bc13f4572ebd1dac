#include "core/services/ClientSecret.h"

#include "infra/Digest.h"
#include "infra/Encoding.h"
#include "infra/Random.h"

namespace tessera::core::client_secret {

std::string generate() { return infra::encoding::base64url(infra::random::bytes(kSecretBytes)); }

std::string hash(std::string_view secret) { return infra::digest::sha256Hex(secret); }

bool matches(std::string_view presented, std::string_view storedHash) {
    // Hash even when nothing is stored, so timing does not tell "no secret" from "wrong secret".
    static const std::string kNoSecret(64, '-');
    const std::string computed = hash(presented);
    const bool equal = infra::digest::constantTimeEquals(computed, storedHash.empty() ? kNoSecret : storedHash);
    return equal && !storedHash.empty();
}

}  // namespace tessera::core::client_secret
