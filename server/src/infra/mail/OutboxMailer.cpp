#include "infra/mail/OutboxMailer.h"

#include <Poco/Logger.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <exception>
#include <filesystem>
#include <utility>

#include "infra/Random.h"
#include "infra/mail/MimeWriter.h"

namespace tessera::infra {
namespace {

Poco::Logger& logger() { return Poco::Logger::get("tessera.mail"); }

Error outboxError(const std::string& what, const std::string& path, int err) {
    return Error::unavailable("mail_unavailable", "Cannot " + what + " " + path + ": " + std::strerror(err) +
                                                      ". Check that the mail outbox folder is writable by the server.");
}

// "20270115T080000.123Z": UTC, fixed width, so names sort by time.
std::string timePrefix(std::int64_t millis) {
    const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%04d%02d%02dT%02d%02d%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>((millis % 1000 + 1000) % 1000));
    return buffer;
}

// mkdir -p with mode 0700 for every folder it creates; an existing folder keeps its mode.
Status ensureDirectory(const std::string& directory) {
    std::filesystem::path built;
    for (const auto& part : std::filesystem::path(directory)) {
        built /= part;
        if (part.empty() || part == built.root_path()) continue;
        if (::mkdir(built.c_str(), 0700) != 0 && errno != EEXIST) {
            const int err = errno;
            struct stat existing {};
            // mkdir can fail with EACCES on a folder that exists (unwritable parent): fine.
            if (::stat(built.c_str(), &existing) == 0 && S_ISDIR(existing.st_mode)) continue;
            return outboxError("create the mail outbox folder", built.string(), err);
        }
    }
    struct stat st {};
    if (::stat(directory.c_str(), &st) != 0) return outboxError("open the mail outbox folder", directory, errno);
    if (!S_ISDIR(st.st_mode)) return outboxError("use the mail outbox folder", directory, ENOTDIR);
    return Status::success();
}

// 0, or the errno of the failed write.
int writeAll(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

// Writes `bytes` to `finalPath` so the file appears complete or not at all.
Status writeAtomically(const std::string& directory, const std::string& tempPath, const std::string& finalPath,
                       const std::string& bytes) {
    const int fd = ::open(tempPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return outboxError("create", tempPath, errno);
    int err = writeAll(fd, bytes);
    if (err == 0 && ::fsync(fd) != 0) err = errno;
    if (::close(fd) != 0 && err == 0) err = errno;
    if (err != 0) {
        ::unlink(tempPath.c_str());
        return outboxError("write", tempPath, err);
    }
    if (::rename(tempPath.c_str(), finalPath.c_str()) != 0) {
        err = errno;
        ::unlink(tempPath.c_str());
        return outboxError("move the message into", finalPath, err);
    }
    // Make the rename itself durable; a failure here does not undo the delivery.
    const int dirFd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return Status::success();
}

}  // namespace

OutboxMailer::OutboxMailer(std::string directory, std::string from, const Clock& clock)
    : directory_(std::move(directory)), from_(std::move(from)), clock_(clock) {}

Status OutboxMailer::send(const MailMessage& message) {
    try {
        auto rendered = mime::render(message, from_, clock_.now());
        if (!rendered) return rendered.error();
        if (auto ready = ensureDirectory(directory_); !ready) return ready;

        const std::string name = timePrefix(clock_.nowMillis()) + "-" + random::token(12) + ".eml";
        const std::string finalPath = (std::filesystem::path(directory_) / name).string();
        const std::string tempPath = (std::filesystem::path(directory_) / ("." + name + ".tmp")).string();
        if (auto stored = writeAtomically(directory_, tempPath, finalPath, rendered->bytes); !stored) return stored;

        // The path and the Message-ID only: the body carries one-time codes.
        logger().information("Mail " + rendered->messageId + " written to " + finalPath);
        return Status::success();
    } catch (const std::exception& e) {
        // Only the random source (OpenSSL) or the allocator can throw here.
        logger().error(std::string("Cannot write mail to the outbox: ") + e.what());
        return Error::unavailable("mail_unavailable", std::string("Cannot write mail to the outbox: ") + e.what());
    }
}

}  // namespace tessera::infra
