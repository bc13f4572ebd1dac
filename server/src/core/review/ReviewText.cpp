#include "core/review/ReviewText.h"

#include "tessera/shared/Utf8.h"

namespace tessera::core {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

Result<std::string> checkReviewText(std::string_view text, std::string_view field, std::size_t maxChars,
                                    bool required) {
    const std::string f(field);
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    if (text.empty()) {
        if (required) return Error::field(f, "required", "Enter the " + f + ".");
        return std::string();
    }
    auto codePoints = utf8::decode(text);
    if (!codePoints) return Error::field(f, "invalid_characters", "The " + f + " contains characters that are not text.");
    for (char32_t c : *codePoints)
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0))
            return Error::field(f, "invalid_characters", "The " + f + " contains control characters.");
    if (codePoints->size() > maxChars)
        return Error::field(f, "too_long",
                            "The " + f + " must be " + std::to_string(maxChars) + " characters or fewer.");
    return std::string(text);
}

}  // namespace tessera::core
