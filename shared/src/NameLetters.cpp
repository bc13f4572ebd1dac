#include "NameLetters.h"

#include <algorithm>
#include <array>

namespace tessera::detail {
namespace {

struct Range {
    char32_t first;
    char32_t last;
};

// Blocks (or parts of blocks) holding letters and combining marks. Sorted, not overlapping.
constexpr std::array kLetterRanges{
    Range{0x0041, 0x005A}, Range{0x0061, 0x007A},                          // Basic Latin
    Range{0x00C0, 0x00D6}, Range{0x00D8, 0x00F6}, Range{0x00F8, 0x02AF},   // Latin-1, Extended-A/B, IPA
    Range{0x02B0, 0x02C1}, Range{0x02C6, 0x02D1}, Range{0x02E0, 0x02E4},   // modifier letters (ʻ ʼ)
    Range{0x02EC, 0x02EC}, Range{0x02EE, 0x02EE},
    Range{0x0300, 0x036F},                                                  // combining diacritics
    Range{0x0370, 0x03FF},                                                  // Greek
    Range{0x0400, 0x0481}, Range{0x0483, 0x0487}, Range{0x048A, 0x052F},   // Cyrillic
    Range{0x0531, 0x0556}, Range{0x0559, 0x0559}, Range{0x0560, 0x0588},   // Armenian
    Range{0x0591, 0x05BF}, Range{0x05C1, 0x05C2}, Range{0x05C4, 0x05C5},   // Hebrew (maqaf 05BE is
    Range{0x05C7, 0x05C7}, Range{0x05D0, 0x05EA}, Range{0x05EF, 0x05F4},   // a hyphen; geresh 05F3)
    Range{0x0610, 0x061A}, Range{0x0620, 0x065F}, Range{0x066E, 0x06D3},   // Arabic
    Range{0x06D5, 0x06DC}, Range{0x06DF, 0x06E8}, Range{0x06EA, 0x06FC}, Range{0x06FF, 0x06FF},
    Range{0x0710, 0x074F}, Range{0x0750, 0x077F}, Range{0x0780, 0x07B1},   // Syriac, Arabic Sup., Thaana
    Range{0x07CA, 0x07F5}, Range{0x08A0, 0x08FF},                          // NKo, Arabic Extended-A
    Range{0x0900, 0x0DF3},                                                  // Indic scripts, Sinhala
    Range{0x0E01, 0x0E3A}, Range{0x0E40, 0x0E4E},                          // Thai
    Range{0x0E81, 0x0EDF},                                                  // Lao
    Range{0x0F00, 0x0F00}, Range{0x0F40, 0x0FBC},                          // Tibetan
    Range{0x1000, 0x103F}, Range{0x1050, 0x108F}, Range{0x109A, 0x109D},   // Myanmar
    Range{0x10A0, 0x10FA}, Range{0x10FC, 0x10FF},                          // Georgian
    Range{0x1100, 0x11FF},                                                  // Hangul Jamo
    Range{0x1200, 0x135F}, Range{0x1380, 0x138F},                          // Ethiopic
    Range{0x13A0, 0x13FF}, Range{0x1401, 0x166C}, Range{0x166F, 0x167F},   // Cherokee, Canadian syllabics
    Range{0x1780, 0x17D3}, Range{0x17D7, 0x17D7}, Range{0x17DC, 0x17DD},   // Khmer
    Range{0x1820, 0x1878}, Range{0x1880, 0x18AA},                          // Mongolian
    Range{0x1AB0, 0x1AFF}, Range{0x1C90, 0x1CBF},                          // combining ext., Mtavruli
    Range{0x1D00, 0x1DFF}, Range{0x1E00, 0x1EFF},                          // phonetic, Latin Ext. Additional
    Range{0x1F00, 0x1FBC}, Range{0x1FC2, 0x1FCC}, Range{0x1FD0, 0x1FDB},   // Greek Extended
    Range{0x1FE0, 0x1FEC}, Range{0x1FF2, 0x1FFC},
    Range{0x200C, 0x200D},                                                  // ZWNJ, ZWJ (Persian, Indic)
    Range{0x2C60, 0x2C7F}, Range{0x2D00, 0x2D2F}, Range{0x2DE0, 0x2DFF},   // Latin-C, Georgian, Cyrillic-A
    Range{0x3005, 0x3007},                                                  // 々 as in 佐々木
    Range{0x3041, 0x3096}, Range{0x3099, 0x309F},                          // Hiragana
    Range{0x30A1, 0x30FF},                                                  // Katakana (incl. middle dot)
    Range{0x3105, 0x312F}, Range{0x3131, 0x318E}, Range{0x31A0, 0x31BF},   // Bopomofo, Hangul compat.
    Range{0x31F0, 0x31FF}, Range{0x3400, 0x4DBF}, Range{0x4E00, 0x9FFF},   // Katakana ext., CJK
    Range{0xA000, 0xA48C}, Range{0xA640, 0xA66E}, Range{0xA67F, 0xA69F},   // Yi, Cyrillic-B
    Range{0xA722, 0xA7FF}, Range{0xAB30, 0xAB6F},                          // Latin-D, Latin-E
    Range{0xAC00, 0xD7A3}, Range{0xD7B0, 0xD7FF},                          // Hangul syllables
    Range{0xF900, 0xFAFF},                                                  // CJK compatibility
    Range{0xFB00, 0xFB4F}, Range{0xFB50, 0xFD3D}, Range{0xFD50, 0xFDFB},   // presentation forms
    Range{0xFE20, 0xFE2F}, Range{0xFE70, 0xFEFC},                          // half marks, Arabic forms
    Range{0xFF21, 0xFF3A}, Range{0xFF41, 0xFF5A}, Range{0xFF66, 0xFFDC},   // full/halfwidth forms
    Range{0x20000, 0x2FA1F}, Range{0x30000, 0x323AF},                      // CJK extensions
    Range{0xE0100, 0xE01EF},                                               // ideographic variation sel.
};

// Digits, punctuation and symbols inside the letter ranges above. Sorted.
constexpr std::array kNotLetters{
    Range{0x0375, 0x0375}, Range{0x037E, 0x037E}, Range{0x0384, 0x0385},   // Greek signs
    Range{0x0387, 0x0387}, Range{0x03F6, 0x03F6},
    Range{0x0964, 0x096F}, Range{0x0970, 0x0970},                          // Devanagari danda, digits
    Range{0x09E6, 0x09EF}, Range{0x09F2, 0x09FB},                          // Bengali digits, signs
    Range{0x0A66, 0x0A6F}, Range{0x0AE6, 0x0AF1},                          // Gurmukhi, Gujarati digits
    Range{0x0B66, 0x0B70}, Range{0x0B72, 0x0B77},                          // Oriya
    Range{0x0BE6, 0x0BFA},                                                  // Tamil digits, symbols
    Range{0x0C66, 0x0C6F}, Range{0x0C77, 0x0C7F},                          // Telugu
    Range{0x0CE6, 0x0CEF},                                                  // Kannada
    Range{0x0D4F, 0x0D4F}, Range{0x0D66, 0x0D79},                          // Malayalam
    Range{0x0DE6, 0x0DEF},                                                  // Sinhala digits
    Range{0x0ED0, 0x0ED9},                                                  // Lao digits
};

constexpr bool isSorted(const auto& ranges) {
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        if (ranges[i].first > ranges[i].last) return false;
        if (i > 0 && ranges[i - 1].last >= ranges[i].first) return false;
    }
    return true;
}
static_assert(isSorted(kLetterRanges), "letter ranges must be sorted for binary search");
static_assert(isSorted(kNotLetters), "excluded ranges must be sorted for binary search");

bool inRanges(const auto& ranges, char32_t cp) {
    const auto it = std::lower_bound(ranges.begin(), ranges.end(), cp,
                                     [](const Range& r, char32_t c) { return r.last < c; });
    return it != ranges.end() && it->first <= cp;
}

}  // namespace

bool isNameLetter(char32_t cp) { return inRanges(kLetterRanges, cp) && !inRanges(kNotLetters, cp); }

}  // namespace tessera::detail
