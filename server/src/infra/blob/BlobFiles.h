#pragma once
// Thin POSIX file helpers for the blob store: what std::fstream cannot do (O_EXCL, fsync of a
// file and of its directory, positioned reads).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tessera::infra::blob {

// Owns a file descriptor; closes it when it goes away.
class FileHandle {
public:
    FileHandle() = default;
    explicit FileHandle(int fd) : fd_(fd) {}
    FileHandle(const FileHandle&) = delete;
    FileHandle& operator=(const FileHandle&) = delete;
    FileHandle(FileHandle&& other) noexcept : fd_(other.release()) {}
    FileHandle& operator=(FileHandle&& other) noexcept;
    ~FileHandle();

    int get() const { return fd_; }
    bool valid() const { return fd_ >= 0; }
    int release();
    // Closes now; false if close reported an error (a late write failure on some file systems).
    bool close();

private:
    int fd_ = -1;
};

// Creates `dir` with mode 0700 if it does not exist (its parent must); false if it cannot be
// created or something other than a directory is in the way.
bool ensureDirectory(const std::string& dir);
bool writeAll(int fd, std::string_view data);
// Reads exactly n bytes at offset into out; false on error or end of file.
bool readExactlyAt(int fd, std::uint64_t offset, std::size_t n, std::string& out);
// Makes a rename or unlink in `dir` durable.
bool syncDirectory(const std::string& dir);

}  // namespace tessera::infra::blob
