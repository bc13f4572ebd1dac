#pragma once
// Client secrets: 256-bit random values shown once (base64url, 43 characters) and stored as
// SHA-256. A slow hash is for human-chosen passwords; a secret with 256 bits of entropy needs
// none, and the token endpoint must stay fast.
#include <string>
#include <string_view>

namespace tessera::core::client_secret {

inline constexpr std::size_t kSecretBytes = 32;

// A fresh secret from the one random source.
std::string generate();
// What is stored: SHA-256 as 64 lowercase hex characters.
std::string hash(std::string_view secret);
// Whether `presented` hashes to `storedHash`, compared in constant time. An empty stored hash
// (no secret issued) never matches, and costs the same as a mismatch.
bool matches(std::string_view presented, std::string_view storedHash);

}  // namespace tessera::core::client_secret
