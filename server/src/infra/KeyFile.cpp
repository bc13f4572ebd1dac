#include "infra/KeyFile.h"

#include <Poco/Environment.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

#include "infra/Encoding.h"
#include "infra/Random.h"
#include "infra/SecretBox.h"

namespace fs = std::filesystem;

namespace tessera::infra {

Result<std::string> loadOrCreateDataKey(const std::string& dataDir) {
    if (Poco::Environment::has("TESSERA_DATA_KEY")) {
        auto key = encoding::unbase64url(Poco::Environment::get("TESSERA_DATA_KEY"));
        if (!key || key->size() != SecretBox::kKeyBytes)
            return Error::invalid("bad_data_key", "TESSERA_DATA_KEY must be 32 random bytes in base64url (43 characters).");
        return *key;
    }
    const fs::path dir = fs::path(dataDir) / "keys";
    const fs::path file = dir / "data.key";
    std::error_code ec;
    if (fs::exists(file, ec)) {
        std::ifstream in(file);
        std::stringstream buf;
        buf << in.rdbuf();
        std::string text = buf.str();
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
        auto key = encoding::unbase64url(text);
        if (!key || key->size() != SecretBox::kKeyBytes)
            return Error::invalid("bad_data_key", "The key file " + file.string() + " is damaged; restore it from backup.");
        return *key;
    }
    fs::create_directories(dir, ec);
    if (ec) return Error::unavailable("key_dir", "Cannot create " + dir.string() + ": " + ec.message());
    fs::permissions(dir, fs::perms::owner_all, ec);
    const std::string key = random::bytes(SecretBox::kKeyBytes);
    // O_EXCL: two processes starting together must not each write a different key.
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return loadOrCreateDataKey(dataDir);
    const std::string text = encoding::base64url(key) + "\n";
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::fsync(fd);
    ::close(fd);
    if (!written) return Error::unavailable("key_write", "Cannot write the key file " + file.string() + ".");
    return key;
}

}  // namespace tessera::infra
