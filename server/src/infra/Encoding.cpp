#include "infra/Encoding.h"

#include <array>
#include <cstdint>

namespace tessera::infra::encoding {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr char kBase64Url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Reverse lookup table for an alphabet: -1 marks characters outside it.
template <std::size_t N>
constexpr std::array<int, 256> reverseTable(const char (&alphabet)[N]) {
    std::array<int, 256> t{};
    for (auto& v : t) v = -1;
    for (std::size_t i = 0; i + 1 < N; ++i) t[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
    return t;
}

constexpr auto kBase64UrlRev = reverseTable(kBase64Url);
constexpr auto kBase32Rev = reverseTable(kBase32);

}  // namespace

std::string hex(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out.push_back(kHexDigits[b >> 4]);
        out.push_back(kHexDigits[b & 0x0f]);
    }
    return out;
}

std::optional<std::string> unhex(std::string_view text) {
    if (text.size() % 2 != 0) return std::nullopt;
    std::string out;
    out.reserve(text.size() / 2);
    for (std::size_t i = 0; i < text.size(); i += 2) {
        int hi = hexValue(text[i]);
        int lo = hexValue(text[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out.push_back(static_cast<char>((hi << 4) | lo));
    }
    return out;
}

std::string base64url(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out.push_back(kBase64Url[(buffer >> bits) & 0x3f]);
        }
    }
    if (bits > 0) out.push_back(kBase64Url[(buffer << (6 - bits)) & 0x3f]);
    return out;
}

// Strict: no padding, no whitespace, and unused trailing bits must be zero, so every
// value has exactly one accepted encoding (tokens compared as text cannot be aliased).
std::optional<std::string> unbase64url(std::string_view text) {
    if (text.size() % 4 == 1) return std::nullopt;
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        int v = kBase64UrlRev[static_cast<unsigned char>(c)];
        if (v < 0) return std::nullopt;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xff));
        }
    }
    if ((buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
    return out;
}

std::string base32(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.push_back(kBase32[(buffer >> bits) & 0x1f]);
        }
    }
    if (bits > 0) out.push_back(kBase32[(buffer << (5 - bits)) & 0x1f]);
    return out;
}

// Lenient because people type TOTP secrets by hand: case-insensitive, spaces and
// hyphens ignored, trailing '=' padding accepted. Impossible lengths are still refused.
std::optional<std::string> unbase32(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 5 / 8);
    std::uint32_t buffer = 0;
    int bits = 0;
    std::size_t symbols = 0;
    bool padding = false;
    for (char c : text) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        if (c == '=') {
            padding = true;
            continue;
        }
        if (padding) return std::nullopt;  // data after padding
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        int v = kBase32Rev[static_cast<unsigned char>(c)];
        if (v < 0) return std::nullopt;
        buffer = (buffer << 5) | static_cast<std::uint32_t>(v);
        bits += 5;
        ++symbols;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((buffer >> bits) & 0xff));
        }
    }
    // A final group of 1, 3 or 6 symbols cannot come from whole bytes.
    switch (symbols % 8) {
        case 1:
        case 3:
        case 6: return std::nullopt;
        default: break;
    }
    return out;
}

}  // namespace tessera::infra::encoding
