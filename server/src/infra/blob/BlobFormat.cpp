#include "infra/blob/BlobFormat.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace tessera::infra::blob {
namespace {

struct CtxFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using Ctx = std::unique_ptr<EVP_CIPHER_CTX, CtxFree>;

constexpr std::size_t kNonceBytes = 12;

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* bytes(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

void putBigEndian(std::string& out, std::uint64_t value, int width) {
    for (int i = width - 1; i >= 0; --i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

std::uint64_t getBigEndian(std::string_view in, std::size_t at, int width) {
    std::uint64_t value = 0;
    for (int i = 0; i < width; ++i) value = (value << 8) | static_cast<std::uint8_t>(in[at + static_cast<std::size_t>(i)]);
    return value;
}

std::string frameNonce(const BlobHeader& header, std::uint64_t index) {
    std::string nonce = header.noncePrefix;
    putBigEndian(nonce, index, 8);
    return nonce;
}

std::string frameAssociatedData(std::string_view id, std::uint64_t index, bool last) {
    std::string aad("tessera-blob-frame-v1");
    aad.push_back('\0');
    aad.append(id);
    putBigEndian(aad, index, 8);
    aad.push_back(last ? '\1' : '\0');
    return aad;
}

}  // namespace

std::string encodeFixedHeader(const BlobHeader& header) {
    std::string out(kMagic);
    out.push_back(static_cast<char>(kVersion));
    putBigEndian(out, kFrameBytes, 4);
    putBigEndian(out, header.plaintextSize, 8);
    out.append(header.noncePrefix);
    putBigEndian(out, kSealedKeyBytes, 2);
    return out;
}

std::string encodeHeader(const BlobHeader& header) { return encodeFixedHeader(header) + header.sealedKey; }

std::optional<BlobHeader> parseHeader(std::string_view in) {
    if (in.size() < kHeaderBytes || in.substr(0, 4) != kMagic) return std::nullopt;
    if (static_cast<std::uint8_t>(in[4]) != kVersion || getBigEndian(in, 5, 4) != kFrameBytes) return std::nullopt;
    BlobHeader header;
    header.plaintextSize = getBigEndian(in, 9, 8);
    header.noncePrefix = std::string(in.substr(17, kNoncePrefixBytes));
    if (getBigEndian(in, 17 + kNoncePrefixBytes, 2) != kSealedKeyBytes) return std::nullopt;
    header.sealedKey = std::string(in.substr(kFixedHeaderBytes, kSealedKeyBytes));
    // A size whose file length would overflow cannot be genuine.
    if (header.plaintextSize > (std::uint64_t{1} << 48)) return std::nullopt;
    return header;
}

std::string keyAssociatedData(const BlobHeader& header, std::string_view id, std::string_view context) {
    std::string aad("tessera-blob-key-v1");
    aad.push_back('\0');
    aad.append(encodeFixedHeader(header));
    putBigEndian(aad, id.size(), 4);
    aad.append(id);
    putBigEndian(aad, context.size(), 4);
    aad.append(context);
    return aad;
}

std::uint64_t frameCount(std::uint64_t plaintextSize) {
    // An empty blob still has one (empty) last frame, so cutting it off is detected.
    return plaintextSize == 0 ? 1 : (plaintextSize + kFrameBytes - 1) / kFrameBytes;
}

std::uint64_t expectedFileSize(std::uint64_t plaintextSize) {
    return kHeaderBytes + frameCount(plaintextSize) * kTagBytes + plaintextSize;
}

std::uint64_t frameOffset(std::uint64_t index) { return kHeaderBytes + index * (kFrameBytes + kTagBytes); }

std::size_t framePlaintextSize(std::uint64_t plaintextSize, std::uint64_t index) {
    const std::uint64_t start = index * kFrameBytes;
    if (start >= plaintextSize) return 0;
    const std::uint64_t rest = plaintextSize - start;
    return static_cast<std::size_t>(rest < kFrameBytes ? rest : kFrameBytes);
}

std::string sealFrame(std::string_view dataKey, const BlobHeader& header, std::string_view id, std::uint64_t index,
                      bool last, std::string_view plaintext) {
    const std::string nonce = frameNonce(header, index);
    const std::string aad = frameAssociatedData(id, index, last);
    std::string out(plaintext.size() + kTagBytes, '\0');
    Ctx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceBytes), nullptr) == 1 &&
              EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(dataKey), bytes(nonce)) == 1 &&
              EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), static_cast<int>(aad.size())) == 1;
    int written = 0;
    if (ok && !plaintext.empty()) {
        ok = EVP_EncryptUpdate(ctx.get(), bytes(out), &len, bytes(plaintext), static_cast<int>(plaintext.size())) == 1;
        written = len;
    }
    ok = ok && EVP_EncryptFinal_ex(ctx.get(), bytes(out) + written, &len) == 1 &&
         EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagBytes),
                             bytes(out) + plaintext.size()) == 1;
    if (!ok) throw std::runtime_error("OpenSSL AES-256-GCM encryption failed");
    return out;
}

std::optional<std::string> openFrame(std::string_view dataKey, const BlobHeader& header, std::string_view id,
                                     std::uint64_t index, bool last, std::string_view sealed) {
    if (sealed.size() < kTagBytes || sealed.size() > kFrameBytes + kTagBytes) return std::nullopt;
    const std::string nonce = frameNonce(header, index);
    const std::string aad = frameAssociatedData(id, index, last);
    const std::string_view cipher = sealed.substr(0, sealed.size() - kTagBytes);
    std::string tag(sealed.substr(cipher.size()));
    std::string plain(cipher.size(), '\0');
    Ctx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
              EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(kNonceBytes), nullptr) == 1 &&
              EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(dataKey), bytes(nonce)) == 1 &&
              EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), static_cast<int>(aad.size())) == 1;
    int written = 0;
    if (ok && !cipher.empty()) {
        ok = EVP_DecryptUpdate(ctx.get(), bytes(plain), &len, bytes(cipher), static_cast<int>(cipher.size())) == 1;
        written = len;
    }
    // The tag is checked in Final: nothing decrypted leaves this function unless it matches.
    ok = ok && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes), tag.data()) == 1 &&
         EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + written, &len) == 1;
    if (!ok) {
        OPENSSL_cleanse(plain.data(), plain.size());
        return std::nullopt;
    }
    return plain;
}

}  // namespace tessera::infra::blob
