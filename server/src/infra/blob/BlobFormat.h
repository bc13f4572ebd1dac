#pragma once
// The on-disk layout of one encrypted blob (version 1), and the AES-256-GCM frame cipher.
//
//   header (83 bytes):
//     "TSBL" | version (1) | frame size (u32 BE) | plaintext size (u64 BE) | nonce prefix (4)
//     | sealed data key length (u16 BE) | sealed data key (SecretBox: 12 + 32 + 16)
//   frames: max(1, ceil(size / frame size)) of them, each ciphertext || 16-byte tag.
//
// The data key is sealed under the KEK with the header's fixed fields, the blob id and the
// context as associated data, so the size and nonce prefix cannot be altered and a blob cannot be
// presented under another id or row. Each frame's nonce is prefix || frame index, and its
// associated data binds the blob id, the index and whether it is the last frame: reordered,
// swapped, dropped or appended frames all fail authentication.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tessera/shared/Result.h"

namespace tessera::infra::blob {

inline constexpr std::string_view kMagic = "TSBL";
inline constexpr std::uint8_t kVersion = 1;
inline constexpr std::uint32_t kFrameBytes = 64 * 1024;
inline constexpr std::size_t kTagBytes = 16;
inline constexpr std::size_t kDataKeyBytes = 32;
inline constexpr std::size_t kNoncePrefixBytes = 4;
inline constexpr std::size_t kSealedKeyBytes = 12 + kDataKeyBytes + 16;
inline constexpr std::size_t kFixedHeaderBytes = 4 + 1 + 4 + 8 + kNoncePrefixBytes + 2;
inline constexpr std::size_t kHeaderBytes = kFixedHeaderBytes + kSealedKeyBytes;

struct BlobHeader {
    std::uint64_t plaintextSize = 0;
    std::string noncePrefix;  // kNoncePrefixBytes
    std::string sealedKey;    // kSealedKeyBytes
};

// The fields the data key's seal authenticates (everything before the sealed key).
std::string encodeFixedHeader(const BlobHeader& header);
std::string encodeHeader(const BlobHeader& header);
// Parses a version-1 header; nullopt if the magic, version, frame size or key length are wrong.
std::optional<BlobHeader> parseHeader(std::string_view bytes);

// Associated data for sealing the data key under the KEK.
std::string keyAssociatedData(const BlobHeader& header, std::string_view id, std::string_view context);

std::uint64_t frameCount(std::uint64_t plaintextSize);
// The exact file length a header promises; a shorter or longer file is corrupt.
std::uint64_t expectedFileSize(std::uint64_t plaintextSize);
std::uint64_t frameOffset(std::uint64_t index);  // of frame `index` in the file
std::size_t framePlaintextSize(std::uint64_t plaintextSize, std::uint64_t index);

// Encrypts one frame (returns ciphertext || tag). Throws std::runtime_error only if OpenSSL fails.
std::string sealFrame(std::string_view dataKey, const BlobHeader& header, std::string_view id, std::uint64_t index,
                      bool last, std::string_view plaintext);
// Decrypts one frame; nullopt if it was altered, moved or belongs to another blob.
std::optional<std::string> openFrame(std::string_view dataKey, const BlobHeader& header, std::string_view id,
                                     std::uint64_t index, bool last, std::string_view sealed);

}  // namespace tessera::infra::blob
