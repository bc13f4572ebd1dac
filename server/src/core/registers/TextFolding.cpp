#include "core/registers/TextFolding.h"

#include <utility>

#include "tessera/shared/Utf8.h"

namespace tessera::core::text {
namespace {

// Lower-case base letters of U+00C0..U+00FF and U+0100..U+017F; '*' marks a letter
// written with two (handled in twoLetters), '-' a character that is not a letter.
constexpr std::string_view kLatin1 = "aaaaaa*ceeeeiiiidnooooo-ouuuuy**"
                                     "aaaaaa*ceeeeiiiidnooooo-ouuuuy*y";
constexpr std::string_view kLatinExtendedA = "aaaaaaccccccccddddeeeeeeeeeegggg"
                                             "gggghhhhiiiiiiiiii**jjkkklllllll"
                                             "lllnnnnnnnnnoooooo**rrrrrrssssss"
                                             "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatin1.size() == 0x100 - 0xC0);
static_assert(kLatinExtendedA.size() == 0x180 - 0x100);

std::string_view twoLetters(char32_t cp) {
    switch (cp) {
        case 0xC6: case 0xE6: return "ae";
        case 0xDE: case 0xFE: return "th";
        case 0xDF: return "ss";
        case 0x132: case 0x133: return "ij";
        case 0x152: case 0x153: return "oe";
        default: return {};
    }
}

bool isJoiner(char32_t cp) {
    // Apostrophes (' ‘ ’ ʼ `) and the full stop: "O'Brien", "St." .
    return cp == U'\'' || cp == U'.' || cp == U'`' || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC;
}

bool isCombiningMark(char32_t cp) { return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF); }

// Characters kept as they are: letters of other scripts (no case folding for them).
bool isOtherLetter(char32_t cp) {
    if (cp < 0x180) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, dashes
    if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
    if (cp >= 0xFF00 && cp <= 0xFF20) return false;  // fullwidth punctuation
    return true;
}

// Appends the folded form of one code point to the current token, or ends the token.
class Folder {
public:
    explicit Folder(std::vector<std::string>& out) : out_(out) {}
    void add(char32_t cp) {
        if (cp < 0x80) {
            const char c = static_cast<char>(cp);
            if (c >= 'A' && c <= 'Z') letter(static_cast<char>(c - 'A' + 'a'));
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) letter(c);
            else if (!isJoiner(cp)) end();
            return;
        }
        if (isJoiner(cp) || isCombiningMark(cp)) return;
        if (const auto two = twoLetters(cp); !two.empty()) {
            token_ += two;
            return;
        }
        char base = '-';
        if (cp >= 0xC0 && cp <= 0xFF) base = kLatin1[cp - 0xC0];
        else if (cp >= 0x100 && cp < 0x180) base = kLatinExtendedA[cp - 0x100];
        if (base != '-') {
            letter(base);
        } else if (isOtherLetter(cp)) {
            utf8::append(token_, cp);
        } else {
            end();
        }
    }
    void end() {
        if (!token_.empty()) out_.push_back(std::move(token_));
        token_.clear();
    }

private:
    void letter(char c) { token_ += c; }
    std::vector<std::string>& out_;
    std::string token_;
};

// The code point a UTF-8 sequence at the start of `s` encodes and its length, or length 0
// when it is malformed (RFC 3629: no overlong forms, surrogates or values past U+10FFFF).
// By hand rather than utf8::decode, which allocates: this runs for every candidate.
std::pair<char32_t, std::size_t> decodeOne(std::string_view s) {
    const auto b0 = static_cast<unsigned char>(s[0]);
    const std::size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
    if (length == 0 || b0 > 0xF4 || s.size() < length) return {0, 0};
    char32_t cp = b0 & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        const auto b = static_cast<unsigned char>(s[k]);
        if ((b & 0xC0) != 0x80) return {0, 0};
        cp = (cp << 6) | (b & 0x3F);
    }
    const char32_t minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
    return {cp, length};
}

}  // namespace

std::vector<std::string> tokens(std::string_view text) {
    std::vector<std::string> out;
    Folder folder(out);
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {  // the common case: no decoding
            folder.add(byte);
            ++i;
            continue;
        }
        // One UTF-8 sequence; a malformed one separates tokens rather than failing.
        if (const auto [cp, length] = decodeOne(text.substr(i)); length > 0) {
            folder.add(cp);
            i += length;
        } else {
            folder.end();
            ++i;  // resynchronise on the next byte
        }
    }
    folder.end();
    return out;
}

std::string folded(std::string_view text) {
    std::string out;
    for (const auto& t : tokens(text)) {
        if (!out.empty()) out += ' ';
        out += t;
    }
    return out;
}

std::string compactName(std::string_view name) {
    std::string out;
    for (const auto& t : tokens(name)) {
        if (t.starts_with("mac")) {
            out += "mc";
            out.append(t, 3);
        } else {
            out += t;
        }
    }
    return out;
}

}  // namespace tessera::core::text
