#pragma once
// Authenticated encryption for secrets at rest (TOTP secrets, sensitive fields): AES-256-GCM.
// Sealed format: nonce (12) || ciphertext || tag (16). Random nonces: rotate the key well
// before 2^32 seals under one key.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "tessera/shared/Result.h"

namespace tessera::infra {

class SecretBox {
public:
    static constexpr std::size_t kKeyBytes = 32;
    static constexpr std::size_t kNonceBytes = 12;
    static constexpr std::size_t kTagBytes = 16;

    // Fails with Invalid unless `key` is exactly 32 raw bytes.
    static Result<SecretBox> create(std::string_view key);
    // A fresh random 32-byte key.
    static std::string generateKey();

    SecretBox(const SecretBox&) = default;
    SecretBox(SecretBox&&) = default;
    SecretBox& operator=(const SecretBox&) = default;
    SecretBox& operator=(SecretBox&&) = default;
    ~SecretBox();  // wipes the key

    // Encrypts `plaintext`, binding optional `associatedData` (e.g. the owning row id) so a
    // sealed value cannot be moved to another context. Throws std::runtime_error only if OpenSSL fails.
    std::string seal(std::string_view plaintext, std::string_view associatedData = {}) const;
    // Decrypts; fails with Invalid ("secretbox_open_failed") if the input is truncated, was
    // tampered with, or the key or associated data differ. Never returns partial plaintext.
    Result<std::string> open(std::string_view sealed, std::string_view associatedData = {}) const;

    // A 32-byte key for another purpose (e.g. keyed hashes of identifiers), derived from this
    // key with HMAC-SHA256 over `label`: different labels give independent keys, and the data
    // key itself never leaves the box.
    std::string deriveKey(std::string_view label) const;

private:
    explicit SecretBox(std::string key) : key_(std::move(key)) {}
    std::string key_;
};

}  // namespace tessera::infra
