#include "infra/Totp.h"

#include <algorithm>

#include "infra/Digest.h"
#include "infra/Random.h"

namespace tessera::infra::totp {
namespace {

constexpr std::uint32_t kModulus = 1'000'000;  // 10^kDigits
constexpr int kMaxWindow = 10;

bool isSixDigits(std::string_view s) {
    return s.size() == static_cast<std::size_t>(kDigits) &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string percentEncode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0x0f]);
        }
    }
    return out;
}

}  // namespace

std::string generateSecret() { return random::bytes(kSecretBytes); }

std::int64_t stepAt(std::int64_t unixTime) {
    // Floor division, so times before the epoch do not share step 0.
    std::int64_t q = unixTime / kStepSeconds;
    return (unixTime % kStepSeconds < 0) ? q - 1 : q;
}

std::string codeAtStep(std::string_view secretBytes, std::int64_t step) {
    // RFC 4226 §5.2: 8-byte big-endian counter, HMAC-SHA1, dynamic truncation.
    auto counter = static_cast<std::uint64_t>(step);
    char message[8];
    for (int i = 7; i >= 0; --i) {
        message[i] = static_cast<char>(counter & 0xff);
        counter >>= 8;
    }
    const std::string mac = digest::hmacSha1(secretBytes, std::string_view(message, sizeof message));
    const auto b = [&mac](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(mac[i])); };
    const std::size_t offset = b(mac.size() - 1) & 0x0f;
    const std::uint32_t binary =
        ((b(offset) & 0x7f) << 24) | (b(offset + 1) << 16) | (b(offset + 2) << 8) | b(offset + 3);
    std::string out = std::to_string(binary % kModulus);
    out.insert(0, static_cast<std::size_t>(kDigits) - out.size(), '0');
    return out;
}

std::string code(std::string_view secretBytes, std::int64_t unixTime) {
    return codeAtStep(secretBytes, stepAt(unixTime));
}

std::optional<std::int64_t> matchStep(std::string_view secretBytes, std::string_view code, std::int64_t now,
                                      int window) {
    if (secretBytes.empty() || !isSixDigits(code)) return std::nullopt;
    window = std::clamp(window, 0, kMaxWindow);
    const std::int64_t current = stepAt(now);
    std::optional<std::int64_t> matched;
    // Check every step in the window (no early exit) and keep the latest match, so the
    // replay guard (step > last used) is as permissive as correctness allows.
    for (std::int64_t step = current - window; step <= current + window; ++step) {
        if (step < 0) continue;
        if (digest::constantTimeEquals(codeAtStep(secretBytes, step), code)) matched = step;
    }
    return matched;
}

std::string otpauthUri(std::string_view issuer, std::string_view accountName, std::string_view base32Secret) {
    const std::string encodedIssuer = percentEncode(issuer);
    std::string uri = "otpauth://totp/" + encodedIssuer + ":" + percentEncode(accountName);
    uri += "?secret=" + percentEncode(base32Secret);
    uri += "&issuer=" + encodedIssuer;
    uri += "&algorithm=SHA1&digits=6&period=30";
    return uri;
}

}  // namespace tessera::infra::totp
