#pragma once
// Strict UTF-8 decoding (RFC 3629): rejects overlong forms, surrogates, code points above
// U+10FFFF and truncated sequences, so lengths are counted in characters a person sees
// as characters rather than in bytes.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tessera::utf8 {

bool isValid(std::string_view text);
// Number of code points, or nullopt if the text is not valid UTF-8.
std::optional<std::size_t> codePointCount(std::string_view text);
// The code points, or nullopt if the text is not valid UTF-8.
std::optional<std::u32string> decode(std::string_view text);

// Appends one code point (which must be a Unicode scalar value) as UTF-8.
void append(std::string& out, char32_t codePoint);
std::string encode(std::u32string_view codePoints);

}  // namespace tessera::utf8
