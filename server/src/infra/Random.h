#pragma once
// The one random source: OpenSSL's RAND_bytes. Never std::rand or <random> for anything secret.
#include <cstddef>
#include <cstdint>
#include <string>

namespace tessera::infra::random {

// n bytes from OpenSSL's CSPRNG; throws std::runtime_error if OpenSSL cannot deliver.
std::string bytes(std::size_t n);
// A uniformly distributed integer in [0, bound) without modulo bias.
std::uint32_t uniform(std::uint32_t bound);
// A string of n decimal digits, e.g. a 6-digit email code.
std::string digits(std::size_t n);
// An opaque token: `nbytes` random bytes encoded base64url without padding.
std::string token(std::size_t nbytes = 32);
// A 128-bit random identifier as 32 lowercase hex characters (primary keys).
std::string id();

}  // namespace tessera::infra::random
