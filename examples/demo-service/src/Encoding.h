#pragma once
// Byte encodings and digests the protocol needs: base64url without padding (JOSE, PKCE),
// SHA-256, and random tokens from OpenSSL's RAND_bytes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tessera::demo {

std::string base64UrlEncode(std::string_view bytes);
// nullopt for anything but unpadded base64url (RFC 7515 §2 forbids padding and line breaks).
std::optional<std::string> base64UrlDecode(std::string_view text);

std::string sha256(std::string_view bytes);

// `bytes` random bytes from OpenSSL, base64url-encoded. Throws std::runtime_error when the
// generator fails: there is no safe fallback, and the request that needed it must fail.
std::string randomToken(std::size_t bytes = 32);

// Compares without an early exit, for secrets (state, CSRF tokens).
bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace tessera::demo
