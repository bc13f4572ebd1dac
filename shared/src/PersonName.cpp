#include "tessera/shared/PersonName.h"

#include "NameLetters.h"
#include "TextHelpers.h"
#include "tessera/shared/Utf8.h"

namespace tessera::validate {
namespace {

// Space separators (Unicode Zs) plus the ASCII whitespace a pasted name may carry at its
// ends; inside a name the ASCII controls are refused before this is asked.
bool isSpace(char32_t cp) {
    return cp == 0x20 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || (cp < 0x80 && detail::isAsciiSpace(static_cast<char>(cp)));
}

bool isControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool isNamePunctuation(char32_t cp) {
    switch (cp) {
        case U'-': case U'\u2010': case U'\u2011':  // hyphens
        case U'\'': case U'\u2019':                 // apostrophes (ʼ U+02BC is a letter)
        case U'.':
        case U'\u00B7':                              // middle dot, as in Gal·la
            return true;
        default:
            return false;
    }
}

}  // namespace

Result<std::string> personName(std::string_view input, std::string_view field) {
    using detail::fieldError;
    const auto decoded = utf8::decode(input);
    if (!decoded) return fieldError(field, "invalid_encoding", "Name contains characters that cannot be read");

    // Trim the ends first so a trailing newline is whitespace, not a control character.
    std::u32string_view text = *decoded;
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    if (text.empty()) return fieldError(field, "required", "Enter a name");

    constexpr std::string_view kCharactersMessage =
        "Name must only include letters, spaces, hyphens, apostrophes and full stops";
    std::u32string name;
    bool hasLetter = false;
    bool pendingSpace = false;
    for (char32_t cp : text) {
        if (isControl(cp)) return fieldError(field, "invalid_characters", kCharactersMessage);
        if (isSpace(cp)) {
            pendingSpace = true;
            continue;
        }
        const bool letter = detail::isNameLetter(cp);
        if (!letter && !isNamePunctuation(cp)) return fieldError(field, "invalid_characters", kCharactersMessage);
        // Joiners shape the letters around them; on their own they are not a name.
        hasLetter = hasLetter || (letter && cp != 0x200C && cp != 0x200D);
        if (pendingSpace) name.push_back(U' ');
        pendingSpace = false;
        name.push_back(cp);
    }
    if (!hasLetter) return fieldError(field, "invalid_characters", kCharactersMessage);
    if (name.size() > kPersonNameMaxLength)
        return fieldError(field, "too_long", "Name must be 100 characters or fewer");
    return utf8::encode(name);
}

}  // namespace tessera::validate
