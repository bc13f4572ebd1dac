#include "infra/Digest.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

#include "infra/Encoding.h"

namespace tessera::infra::digest {
namespace {

const unsigned char* data(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

std::string hmac(const EVP_MD* md, std::string_view key, std::string_view message) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    // An empty key is legal for HMAC, but OpenSSL needs a non-null pointer for it.
    static const unsigned char kEmpty = 0;
    const unsigned char* k = key.empty() ? &kEmpty : data(key);
    if (HMAC(md, k, static_cast<int>(key.size()), data(message), message.size(), out, &len) == nullptr) {
        throw std::runtime_error("OpenSSL HMAC failed");
    }
    return std::string(reinterpret_cast<const char*>(out), len);
}

}  // namespace

std::string sha256(std::string_view bytes) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), out, &len, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("OpenSSL SHA-256 failed");
    }
    return std::string(reinterpret_cast<const char*>(out), len);
}

std::string sha256Hex(std::string_view bytes) { return encoding::hex(sha256(bytes)); }

std::string hmacSha1(std::string_view key, std::string_view message) { return hmac(EVP_sha1(), key, message); }

std::string hmacSha256(std::string_view key, std::string_view message) { return hmac(EVP_sha256(), key, message); }

bool constantTimeEquals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        // Still touch every byte of `a` so the early exit does not depend on where content differs.
        (void)CRYPTO_memcmp(a.data(), a.data(), a.size());
        return false;
    }
    return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace tessera::infra::digest
