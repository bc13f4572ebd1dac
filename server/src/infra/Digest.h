#pragma once
// Hashes and MACs over raw bytes (OpenSSL). Outputs are raw bytes unless the name says Hex.
#include <string>
#include <string_view>

namespace tessera::infra::digest {

// SHA-256 of `bytes`: 32 raw bytes.
std::string sha256(std::string_view bytes);
// SHA-256 as 64 lowercase hex characters (e.g. stored hashes of session ids and client secrets).
std::string sha256Hex(std::string_view bytes);
// HMAC-SHA1 (20 raw bytes); only for RFC 6238 TOTP, which mandates it.
std::string hmacSha1(std::string_view key, std::string_view message);
// HMAC-SHA256 (32 raw bytes).
std::string hmacSha256(std::string_view key, std::string_view message);
// Compares secrets without a timing side channel on their content. Different lengths
// return false; only the length (never the content) can be inferred from timing.
bool constantTimeEquals(std::string_view a, std::string_view b);

}  // namespace tessera::infra::digest
