#include "infra/Random.h"

#include <openssl/rand.h>

#include <stdexcept>

#include "infra/Encoding.h"

namespace tessera::infra::random {

std::string bytes(std::size_t n) {
    std::string out(n, '\0');
    if (n > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1) {
        throw std::runtime_error("OpenSSL RAND_bytes failed");
    }
    return out;
}

std::uint32_t uniform(std::uint32_t bound) {
    if (bound <= 1) return 0;
    // Rejection sampling: discard values in the final partial range to avoid modulo bias.
    const std::uint32_t limit = UINT32_MAX - (UINT32_MAX % bound);
    for (;;) {
        std::string b = bytes(4);
        std::uint32_t v = (std::uint32_t(std::uint8_t(b[0])) << 24) | (std::uint32_t(std::uint8_t(b[1])) << 16) |
                          (std::uint32_t(std::uint8_t(b[2])) << 8) | std::uint32_t(std::uint8_t(b[3]));
        if (v < limit) return v % bound;
    }
}

std::string digits(std::size_t n) {
    std::string out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(char('0' + uniform(10)));
    return out;
}

std::string token(std::size_t nbytes) { return encoding::base64url(bytes(nbytes)); }

std::string id() { return encoding::hex(bytes(16)); }

}  // namespace tessera::infra::random
