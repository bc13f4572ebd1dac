#include "infra/SecretBox.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <climits>
#include <memory>
#include <stdexcept>

#include "infra/Digest.h"
#include "infra/Random.h"

namespace tessera::infra {
namespace {

struct CtxFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using Ctx = std::unique_ptr<EVP_CIPHER_CTX, CtxFree>;

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

// OpenSSL takes int lengths; refuse anything that would not fit rather than truncate.
bool fitsInt(std::string_view s) { return s.size() <= static_cast<std::size_t>(INT_MAX); }

Error openFailed() {
    return Error::invalid("secretbox_open_failed", "The sealed data is damaged or was sealed with another key.");
}

}  // namespace

Result<SecretBox> SecretBox::create(std::string_view key) {
    if (key.size() != kKeyBytes) return Error::invalid("secretbox_bad_key", "An AES-256-GCM key must be exactly 32 bytes.");
    return SecretBox(std::string(key));
}

std::string SecretBox::generateKey() { return random::bytes(kKeyBytes); }

std::string SecretBox::deriveKey(std::string_view label) const {
    return digest::hmacSha256(key_, "tessera.derived-key:" + std::string(label));
}

SecretBox::~SecretBox() {
    if (!key_.empty()) OPENSSL_cleanse(key_.data(), key_.size());
}

std::string SecretBox::seal(std::string_view plaintext, std::string_view associatedData) const {
    if (!fitsInt(plaintext) || !fitsInt(associatedData)) throw std::length_error("SecretBox: input too large");
    const std::string nonce = random::bytes(kNonceBytes);
    std::string out(kNonceBytes + plaintext.size() + kTagBytes, '\0');
    out.replace(0, kNonceBytes, nonce);

    Ctx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceBytes), nullptr) == 1 &&
              EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key_), bytes(nonce)) == 1;
    if (ok && !associatedData.empty()) {
        ok = EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(associatedData), static_cast<int>(associatedData.size())) == 1;
    }
    unsigned char* cipher = bytes(out) + kNonceBytes;
    int written = 0;
    if (ok && !plaintext.empty()) {
        ok = EVP_EncryptUpdate(ctx.get(), cipher, &len, bytes(plaintext), static_cast<int>(plaintext.size())) == 1;
        written = len;
    }
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), cipher + written, &len) == 1 &&
         EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes),
                             cipher + plaintext.size()) == 1;
    if (!ok) throw std::runtime_error("OpenSSL AES-256-GCM encryption failed");
    return out;
}

Result<std::string> SecretBox::open(std::string_view sealed, std::string_view associatedData) const {
    if (sealed.size() < kNonceBytes + kTagBytes || !fitsInt(sealed) || !fitsInt(associatedData)) return openFailed();
    const std::string_view nonce = sealed.substr(0, kNonceBytes);
    const std::string_view cipher = sealed.substr(kNonceBytes, sealed.size() - kNonceBytes - kTagBytes);
    std::string tag(sealed.substr(sealed.size() - kTagBytes));  // the ctrl call wants a mutable buffer
    std::string plain(cipher.size(), '\0');

    Ctx ctx(EVP_CIPHER_CTX_new());
    if (!ctx) return Error::internal("OpenSSL could not allocate a cipher context");
    int len = 0;
    bool ok = EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceBytes), nullptr) == 1 &&
              EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key_), bytes(nonce)) == 1;
    if (!ok) return Error::internal("OpenSSL AES-256-GCM setup failed");
    if (!associatedData.empty() &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(associatedData), static_cast<int>(associatedData.size())) != 1) {
        return openFailed();
    }
    int written = 0;
    if (!cipher.empty()) {
        if (EVP_DecryptUpdate(ctx.get(), bytes(plain), &len, bytes(cipher), static_cast<int>(cipher.size())) != 1) {
            return openFailed();
        }
        written = len;
    }
    // The tag is checked in Final: nothing decrypted is returned unless it matches.
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes), tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + written, &len) != 1) {
        OPENSSL_cleanse(plain.data(), plain.size());
        return openFailed();
    }
    return plain;
}

}  // namespace tessera::infra
