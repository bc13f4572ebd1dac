#pragma once
// Media at rest, encrypted (DESIGN "Secrets at rest"): one file per blob under DATA_DIR/blobs,
// envelope-encrypted (a fresh data key per blob, sealed under the KEK) in authenticated 64 KiB
// frames so a range of a video can be read without decrypting all of it. See BlobFormat.h.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "infra/SecretBox.h"
#include "tessera/shared/Result.h"

namespace tessera::infra {

class BlobStore {
public:
    // dir: DATA_DIR/blobs (created 0700 if missing; its parent must exist). kek: the key-encryption key.
    BlobStore(std::string dir, const SecretBox& kek);

    // Encrypts and stores `plaintext`; returns a new random blob id (32 hex characters). Bound to
    // `context` (e.g. the media row id) so a blob cannot be swapped for another row's. Atomic:
    // written to a temporary file in the same folder, fsync'd, renamed; on any failure nothing is
    // left behind and no plaintext ever touches the disk. Error: Unavailable "blob_write_failed".
    Result<std::string> put(std::string_view plaintext, std::string_view context);
    // Plaintext size. Errors (all reads): NotFound "blob_not_found"; Internal "blob_corrupt" if the
    // file was altered, truncated or the context differs; Unavailable "blob_read_failed".
    Result<std::uint64_t> size(const std::string& id, std::string_view context);
    Result<std::string> read(const std::string& id, std::string_view context);
    // Decrypts only the frames covering [offset, offset+length), for HTTP Range on video. The
    // range is cut at the end of the blob; an offset past the end is Invalid "blob_range_invalid".
    Result<std::string> readRange(const std::string& id, std::string_view context, std::uint64_t offset,
                                  std::uint64_t length);
    // Idempotent: an unknown (or malformed) id is fine.
    Status remove(const std::string& id);
    // Deletes leftover temporary files (a crash mid-write); call at start-up, before any put.
    // Returns how many were deleted.
    std::size_t sweepTemporaryFiles();

    // Ids are exactly what put() makes: 32 lowercase hex characters, so never a path.
    static bool isValidId(std::string_view id);
    const std::string& directory() const { return dir_; }

private:
    std::string pathOf(const std::string& id) const;

    std::string dir_;
    SecretBox kek_;
};

}  // namespace tessera::infra
