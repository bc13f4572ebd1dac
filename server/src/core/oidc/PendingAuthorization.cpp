#include "core/oidc/PendingAuthorization.h"

#include <Poco/DeflatingStream.h>
#include <Poco/InflatingStream.h>

#include <sstream>

#include "infra/Encoding.h"

namespace tessera::core::oidc {

namespace {

constexpr char kFormatVersion = 1;
constexpr std::size_t kMaxPlainBytes = 4 * kMaxAuthorizationRequestBytes;  // inflating stops here

void putNumber(std::string& out, std::uint64_t v, std::size_t bytes) {
    for (std::size_t i = bytes; i-- > 0;) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

std::optional<std::uint64_t> takeNumber(std::string_view& in, std::size_t bytes) {
    if (in.size() < bytes) return std::nullopt;
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(in[i]);
    in.remove_prefix(bytes);
    return v;
}

std::optional<std::string> takeText(std::string_view& in) {
    auto length = takeNumber(in, 4);
    if (!length || in.size() < *length) return std::nullopt;
    std::string text(in.substr(0, *length));
    in.remove_prefix(*length);
    return text;
}

std::string deflate(const std::string& plain) {
    std::ostringstream out;
    Poco::DeflatingOutputStream deflating(out, Poco::DeflatingStreamBuf::STREAM_ZLIB);
    deflating << plain;
    deflating.close();
    return out.str();
}

std::optional<std::string> inflate(const std::string& compressed) {
    try {
        std::istringstream in(compressed);
        Poco::InflatingInputStream inflating(in, Poco::InflatingStreamBuf::STREAM_ZLIB);
        std::string plain;
        char buffer[4096];
        while (inflating.read(buffer, sizeof buffer) || inflating.gcount() > 0) {
            plain.append(buffer, static_cast<std::size_t>(inflating.gcount()));
            if (plain.size() > kMaxPlainBytes) return std::nullopt;
        }
        return plain;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string associatedData(std::string_view purpose, std::string_view boundTo) {
    return std::string(purpose) + ":" + std::string(boundTo);
}

}  // namespace

std::string sealPending(const infra::SecretBox& key, const PendingAuthorization& pending, std::string_view purpose,
                        std::string_view boundTo) {
    std::string plain;
    plain += kFormatVersion;
    putNumber(plain, static_cast<std::uint64_t>(pending.sealedAt), 8);
    putNumber(plain, static_cast<std::uint64_t>(pending.signInAskedAt), 8);
    for (const auto& [name, value] : pending.parameters) {
        putNumber(plain, name.size(), 4);
        plain += name;
        putNumber(plain, value.size(), 4);
        plain += value;
    }
    return infra::encoding::base64url(key.seal(deflate(plain), associatedData(purpose, boundTo)));
}

std::optional<PendingAuthorization> openPending(const infra::SecretBox& key, std::string_view token,
                                                std::string_view purpose, std::string_view boundTo, std::int64_t now,
                                                std::int64_t maxAgeSeconds) {
    if (token.empty() || token.size() > 4 * kMaxPlainBytes) return std::nullopt;
    auto sealed = infra::encoding::unbase64url(token);
    if (!sealed) return std::nullopt;
    auto opened = key.open(*sealed, associatedData(purpose, boundTo));
    if (!opened) return std::nullopt;
    auto plain = inflate(*opened);
    if (!plain || plain->empty() || (*plain)[0] != kFormatVersion) return std::nullopt;
    std::string_view in(*plain);
    in.remove_prefix(1);
    auto sealedAt = takeNumber(in, 8), askedAt = takeNumber(in, 8);
    if (!sealedAt || !askedAt) return std::nullopt;
    PendingAuthorization pending;
    pending.sealedAt = static_cast<std::int64_t>(*sealedAt);
    pending.signInAskedAt = static_cast<std::int64_t>(*askedAt);
    const std::int64_t age = now - pending.sealedAt;
    if (age < 0 || age > maxAgeSeconds) return std::nullopt;
    while (!in.empty()) {
        auto name = takeText(in);
        auto value = name ? takeText(in) : std::nullopt;
        if (!name || !value) return std::nullopt;
        pending.parameters.emplace_back(std::move(*name), std::move(*value));
    }
    return pending;
}

}  // namespace tessera::core::oidc
