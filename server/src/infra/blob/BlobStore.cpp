#include "infra/blob/BlobStore.h"

#include <dirent.h>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <exception>
#include <utility>

#include "infra/Random.h"
#include "infra/blob/BlobFiles.h"
#include "infra/blob/BlobFormat.h"

namespace tessera::infra {
namespace {

constexpr std::string_view kTemporaryPrefix = ".tmp-";

// A data key wiped from memory when it goes out of scope.
struct DataKey {
    std::string bytes;
    ~DataKey() {
        if (!bytes.empty()) OPENSSL_cleanse(bytes.data(), bytes.size());
    }
};

Error notFound() {
    return Error::notFound("blob_not_found", "The file was not found. It may have been deleted: upload it again.");
}
Error corrupt() {
    return {ErrorKind::Internal, "blob_corrupt",
            "The stored file is damaged and cannot be shown. Ask for it to be uploaded again.", {}};
}
Error writeFailed() {
    return Error::unavailable("blob_write_failed", "We could not save your file. Try again in a few minutes.");
}
Error readFailed() {
    return Error::unavailable("blob_read_failed", "We could not read the file just now. Try again in a few minutes.");
}

// An opened, authenticated blob: the header has been checked against the KEK, id and context.
struct OpenBlob {
    blob::FileHandle file;
    blob::BlobHeader header;
    DataKey key;
};

Result<OpenBlob> openBlob(const std::string& path, const std::string& id, std::string_view context,
                          const SecretBox& kek) {
    OpenBlob blob;
    blob.file = blob::FileHandle(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!blob.file.valid()) return errno == ENOENT ? notFound() : readFailed();
    struct stat st {};
    if (::fstat(blob.file.get(), &st) != 0) return readFailed();
    if (!S_ISREG(st.st_mode)) return corrupt();
    std::string headerBytes;
    if (!blob::readExactlyAt(blob.file.get(), 0, blob::kHeaderBytes, headerBytes)) return corrupt();
    auto header = blob::parseHeader(headerBytes);
    if (!header || static_cast<std::uint64_t>(st.st_size) != blob::expectedFileSize(header->plaintextSize)) {
        return corrupt();
    }
    auto key = kek.open(header->sealedKey, blob::keyAssociatedData(*header, id, context));
    if (!key.ok() || key->size() != blob::kDataKeyBytes) return corrupt();
    blob.header = std::move(*header);
    blob.key.bytes = std::move(key.value());
    return blob;
}

// Decrypts frames [first, last] and appends the part of each that falls in [offset, end).
Status decryptFrames(const OpenBlob& blob, const std::string& id, std::uint64_t offset, std::uint64_t end,
                     std::string& out) {
    const std::uint64_t size = blob.header.plaintextSize;
    const std::uint64_t lastFrame = blob::frameCount(size) - 1;
    const std::uint64_t first = offset / blob::kFrameBytes;
    const std::uint64_t last = end == offset ? first : (end - 1) / blob::kFrameBytes;
    std::string sealed;
    for (std::uint64_t i = first; i <= last; ++i) {
        const std::size_t plainBytes = blob::framePlaintextSize(size, i);
        if (!blob::readExactlyAt(blob.file.get(), blob::frameOffset(i), plainBytes + blob::kTagBytes, sealed)) {
            return corrupt();
        }
        auto plain = blob::openFrame(blob.key.bytes, blob.header, id, i, i == lastFrame, sealed);
        if (!plain) return corrupt();
        const std::uint64_t frameStart = i * blob::kFrameBytes;
        const std::uint64_t from = offset > frameStart ? offset - frameStart : 0;
        const std::uint64_t to = end < frameStart + plain->size() ? end - frameStart : plain->size();
        if (to > from) out.append(*plain, static_cast<std::size_t>(from), static_cast<std::size_t>(to - from));
        OPENSSL_cleanse(plain->data(), plain->size());
    }
    return Status::success();
}

bool writeBlobFile(int fd, const blob::BlobHeader& header, const DataKey& key, const std::string& id,
                   std::string_view plaintext) {
    if (!blob::writeAll(fd, blob::encodeHeader(header))) return false;
    const std::uint64_t frames = blob::frameCount(plaintext.size());
    for (std::uint64_t i = 0; i < frames; ++i) {
        const std::string_view part = plaintext.substr(static_cast<std::size_t>(i * blob::kFrameBytes),
                                                       blob::framePlaintextSize(plaintext.size(), i));
        if (!blob::writeAll(fd, blob::sealFrame(key.bytes, header, id, i, i + 1 == frames, part))) return false;
    }
    return ::fsync(fd) == 0;
}

}  // namespace

BlobStore::BlobStore(std::string dir, const SecretBox& kek) : dir_(std::move(dir)), kek_(kek) {
    // Best effort here; put() tries again and reports a failure as a value.
    blob::ensureDirectory(dir_);
}

bool BlobStore::isValidId(std::string_view id) {
    if (id.size() != 32) return false;
    for (char c : id) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

std::string BlobStore::pathOf(const std::string& id) const { return dir_ + "/" + id; }

Result<std::string> BlobStore::put(std::string_view plaintext, std::string_view context) {
    if (!blob::ensureDirectory(dir_)) return writeFailed();
    const std::string id = random::id();
    const std::string temporary = dir_ + "/" + std::string(kTemporaryPrefix) + random::id();
    blob::FileHandle file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (!file.valid()) return writeFailed();

    bool ok = false;
    try {
        DataKey key{random::bytes(blob::kDataKeyBytes)};
        blob::BlobHeader header;
        header.plaintextSize = plaintext.size();
        header.noncePrefix = random::bytes(blob::kNoncePrefixBytes);
        header.sealedKey = kek_.seal(key.bytes, blob::keyAssociatedData(header, id, context));
        ok = writeBlobFile(file.get(), header, key, id, plaintext);
    } catch (const std::exception&) {
        ok = false;  // OpenSSL failed; handled below like any write failure
    }
    ok = file.close() && ok;
    ok = ok && ::rename(temporary.c_str(), pathOf(id).c_str()) == 0;
    if (!ok) {
        ::unlink(temporary.c_str());
        return writeFailed();
    }
    // The blob is in place; if the directory sync fails it may not survive a power cut, so say so.
    if (!blob::syncDirectory(dir_)) {
        ::unlink(pathOf(id).c_str());
        return writeFailed();
    }
    return id;
}

Result<std::uint64_t> BlobStore::size(const std::string& id, std::string_view context) {
    if (!isValidId(id)) return notFound();
    auto blob = openBlob(pathOf(id), id, context, kek_);
    if (!blob.ok()) return blob.error();
    return blob->header.plaintextSize;
}

Result<std::string> BlobStore::read(const std::string& id, std::string_view context) {
    if (!isValidId(id)) return notFound();
    auto blob = openBlob(pathOf(id), id, context, kek_);
    if (!blob.ok()) return blob.error();
    std::string out;
    out.reserve(static_cast<std::size_t>(blob->header.plaintextSize));
    // Decrypting the whole range also authenticates the last frame, so truncation is caught.
    auto status = decryptFrames(*blob, id, 0, blob->header.plaintextSize, out);
    if (!status.ok()) {
        OPENSSL_cleanse(out.data(), out.size());
        return status.error();
    }
    return out;
}

Result<std::string> BlobStore::readRange(const std::string& id, std::string_view context, std::uint64_t offset,
                                         std::uint64_t length) {
    if (!isValidId(id)) return notFound();
    auto blob = openBlob(pathOf(id), id, context, kek_);
    if (!blob.ok()) return blob.error();
    const std::uint64_t size = blob->header.plaintextSize;
    if (offset > size || (offset == size && size > 0 && length > 0)) {
        return Error::invalid("blob_range_invalid", "The requested range starts past the end of the file. "
                                                    "Ask for a range that starts within the file.");
    }
    const std::uint64_t end = length > size - offset ? size : offset + length;
    std::string out;
    if (end == offset) return out;
    out.reserve(static_cast<std::size_t>(end - offset));
    auto status = decryptFrames(*blob, id, offset, end, out);
    if (!status.ok()) {
        OPENSSL_cleanse(out.data(), out.size());
        return status.error();
    }
    return out;
}

Status BlobStore::remove(const std::string& id) {
    if (!isValidId(id)) return Status::success();  // no such blob can exist, and never a path
    if (::unlink(pathOf(id).c_str()) != 0 && errno != ENOENT) {
        return Error::unavailable("blob_remove_failed", "We could not delete the file just now. Try again later.");
    }
    return Status::success();
}

std::size_t BlobStore::sweepTemporaryFiles() {
    std::size_t removed = 0;
    DIR* dir = ::opendir(dir_.c_str());
    if (dir == nullptr) return 0;
    while (const dirent* entry = ::readdir(dir)) {
        const std::string_view name(entry->d_name);
        if (name.substr(0, kTemporaryPrefix.size()) != kTemporaryPrefix) continue;
        if (::unlink((dir_ + "/" + std::string(name)).c_str()) == 0) ++removed;
    }
    ::closedir(dir);
    return removed;
}

}  // namespace tessera::infra
