#pragma once
// Argon2id password hashing (NIST SP 800-63B; OWASP's minimum parameters by default).
// Only for human-chosen passwords: machine secrets use SHA-256 (see Digest.h).
#include <cstdint>
#include <string>
#include <string_view>

namespace tessera::infra {

struct PasswordHashParams {
    std::uint32_t memoryKiB = 19456;  // 19 MiB
    std::uint32_t iterations = 2;
    std::uint32_t parallelism = 1;
};

class PasswordHasher {
public:
    PasswordHasher() = default;
    explicit PasswordHasher(PasswordHashParams params) : params_(params) {}

    const PasswordHashParams& params() const { return params_; }

    // PHC string "$argon2id$v=19$m=...,t=...,p=...$salt$hash" with a fresh 16-byte salt and
    // a 32-byte hash. Throws std::runtime_error only if Argon2 itself fails (e.g. out of memory).
    std::string hash(std::string_view password) const;
    // True if `password` matches; false on mismatch or a malformed/foreign encoded string.
    // Honours the parameters inside `encoded`, so hashes made with older settings still verify.
    bool verify(std::string_view encoded, std::string_view password) const;
    // True if `encoded` is not an argon2id v19 hash with exactly the current parameters:
    // call after a successful verify and store hash(password) again.
    bool needsRehash(std::string_view encoded) const;

private:
    PasswordHashParams params_{};
};

}  // namespace tessera::infra
