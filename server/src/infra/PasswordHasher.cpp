#include "infra/PasswordHasher.h"

#include <argon2.h>

#include <charconv>
#include <optional>
#include <stdexcept>
#include <vector>

#include "infra/Random.h"

namespace tessera::infra {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
constexpr std::string_view kPrefix = "$argon2id$";
// Refuse to verify hashes that would make us allocate absurd memory (a corrupt or planted
// row must not take the server down): 1 GiB, 64 passes and 64 lanes are far above any setting.
constexpr std::uint32_t kMaxMemoryKiB = 1024 * 1024;
constexpr std::uint32_t kMaxIterations = 64;
constexpr std::uint32_t kMaxParallelism = 64;

struct EncodedParams {
    std::uint32_t version = 0;
    PasswordHashParams params;
};

std::optional<std::uint32_t> parseNumber(std::string_view text) {
    std::uint32_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

// Reads "$argon2id$v=19$m=..,t=..,p=..$" from the front of a PHC string.
std::optional<EncodedParams> parse(std::string_view encoded) {
    if (encoded.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    std::string_view rest = encoded.substr(kPrefix.size());
    EncodedParams out;
    if (rest.substr(0, 2) != "v=") return std::nullopt;
    auto dollar = rest.find('$');
    if (dollar == std::string_view::npos) return std::nullopt;
    auto version = parseNumber(rest.substr(2, dollar - 2));
    if (!version) return std::nullopt;
    out.version = *version;
    rest = rest.substr(dollar + 1);
    dollar = rest.find('$');
    if (dollar == std::string_view::npos) return std::nullopt;
    std::string_view list = rest.substr(0, dollar);
    bool seenM = false, seenT = false, seenP = false;
    while (!list.empty()) {
        auto comma = list.find(',');
        std::string_view item = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        if (item.size() < 3 || item[1] != '=') return std::nullopt;
        auto value = parseNumber(item.substr(2));
        if (!value) return std::nullopt;
        switch (item[0]) {
            case 'm': out.params.memoryKiB = *value; seenM = true; break;
            case 't': out.params.iterations = *value; seenT = true; break;
            case 'p': out.params.parallelism = *value; seenP = true; break;
            default: return std::nullopt;
        }
    }
    if (!seenM || !seenT || !seenP) return std::nullopt;
    return out;
}

}  // namespace

std::string PasswordHasher::hash(std::string_view password) const {
    const std::string salt = random::bytes(kSaltBytes);
    std::vector<char> encoded(argon2_encodedlen(params_.iterations, params_.memoryKiB, params_.parallelism,
                                                kSaltBytes, kHashBytes, Argon2_id));
    int rc = argon2id_hash_encoded(params_.iterations, params_.memoryKiB, params_.parallelism, password.data(),
                                   password.size(), salt.data(), salt.size(), kHashBytes, encoded.data(),
                                   encoded.size());
    if (rc != ARGON2_OK) throw std::runtime_error(std::string("Argon2 hashing failed: ") + argon2_error_message(rc));
    return std::string(encoded.data());
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password) const {
    auto parsed = parse(encoded);
    if (!parsed || parsed->params.memoryKiB > kMaxMemoryKiB || parsed->params.iterations > kMaxIterations ||
        parsed->params.parallelism > kMaxParallelism) {
        return false;
    }
    if (encoded.find('\0') != std::string_view::npos) return false;
    const std::string terminated(encoded);  // libargon2 wants a C string
    // argon2id_verify compares the recomputed hash in constant time.
    return argon2id_verify(terminated.c_str(), password.data(), password.size()) == ARGON2_OK;
}

bool PasswordHasher::needsRehash(std::string_view encoded) const {
    auto parsed = parse(encoded);
    if (!parsed || parsed->version != ARGON2_VERSION_NUMBER) return true;
    const auto& p = parsed->params;
    return p.memoryKiB != params_.memoryKiB || p.iterations != params_.iterations ||
           p.parallelism != params_.parallelism;
}

}  // namespace tessera::infra
