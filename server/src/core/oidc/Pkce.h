#pragma once
// Proof Key for Code Exchange (RFC 7636) with the one method Tessera accepts, S256: the code
// remembers BASE64URL(SHA-256(code_verifier)) from the authorization request, and the token
// request must present the verifier that hashes to it.
#include <string>
#include <string_view>

#include "tessera/shared/Result.h"

namespace tessera::core::oidc::pkce {

inline constexpr std::size_t kMinVerifierLength = 43;
inline constexpr std::size_t kMaxVerifierLength = 128;

// 43 to 128 characters of ALPHA / DIGIT / "-" / "." / "_" / "~" (RFC 7636 §4.1).
bool isWellFormedVerifier(std::string_view verifier);
// BASE64URL(SHA-256(verifier)), no padding (RFC 7636 §4.2).
std::string s256Challenge(std::string_view verifier);

// Whether `verifier` answers what the code was issued with. A code issued with a challenge
// needs a well-formed verifier that hashes to it (compared in constant time); a code issued
// without one refuses any verifier (RFC 7636 §4.5, and so no downgrade can be staged). Invalid
// "invalid_grant" otherwise; the message says which (for logs and tests, not for attackers:
// the client knows what it sent).
Status verify(const std::string& challenge, const std::string& method, const std::string& verifier);

}  // namespace tessera::core::oidc::pkce
