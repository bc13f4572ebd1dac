#include "core/oidc/Pkce.h"

#include <algorithm>
#include <cctype>

#include "infra/Digest.h"
#include "infra/Encoding.h"

namespace tessera::core::oidc::pkce {

namespace {

bool isUnreserved(unsigned char c) { return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

Error refused(const std::string& why) { return Error::invalid("invalid_grant", why); }

}  // namespace

bool isWellFormedVerifier(std::string_view verifier) {
    return verifier.size() >= kMinVerifierLength && verifier.size() <= kMaxVerifierLength &&
           std::all_of(verifier.begin(), verifier.end(), [](unsigned char c) { return c < 0x80 && isUnreserved(c); });
}

std::string s256Challenge(std::string_view verifier) {
    return infra::encoding::base64url(infra::digest::sha256(verifier));
}

Status verify(const std::string& challenge, const std::string& method, const std::string& verifier) {
    if (challenge.empty()) {
        if (!verifier.empty()) return refused("A code_verifier was sent for a code issued without a code_challenge.");
        return {};
    }
    if (method != "S256") return refused("The code was issued with a code challenge method this server does not accept.");
    if (verifier.empty()) return refused("The code was issued with a code_challenge: code_verifier is required.");
    if (!isWellFormedVerifier(verifier))
        return refused("The code_verifier must be 43 to 128 characters of letters, digits, '-', '.', '_' and '~'.");
    if (!infra::digest::constantTimeEquals(s256Challenge(verifier), challenge))
        return refused("The code_verifier does not match the code_challenge.");
    return {};
}

}  // namespace tessera::core::oidc::pkce
