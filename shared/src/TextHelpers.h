#pragma once
// Private helpers for the validators: ASCII-only character tests and field errors.
// ASCII-only on purpose: std::isalpha and friends depend on the C locale and take int.
#include <string>
#include <string_view>

#include "tessera/shared/Result.h"

namespace tessera::detail {

constexpr bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool isAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool isAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool isAsciiLetter(char c) { return isAsciiUpper(c) || isAsciiLower(c); }
constexpr bool isAsciiAlnum(char c) { return isAsciiLetter(c) || isAsciiDigit(c); }
constexpr bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
// C0 controls and DEL; bytes >= 0x80 belong to UTF-8 sequences and are not controls here.
constexpr bool isAsciiControl(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}
constexpr char toAsciiUpper(char c) { return isAsciiLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
constexpr char toAsciiLower(char c) { return isAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string_view trimAscii(std::string_view s) {
    while (!s.empty() && isAsciiSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isAsciiSpace(s.back())) s.remove_suffix(1);
    return s;
}

inline std::string toAsciiUpper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = toAsciiUpper(c);
    return out;
}

inline std::string toAsciiLower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = toAsciiLower(c);
    return out;
}

inline Error fieldError(std::string_view field, std::string_view code, std::string_view message) {
    return Error::field(std::string(field), std::string(code), std::string(message));
}

}  // namespace tessera::detail
