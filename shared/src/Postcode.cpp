#include "tessera/shared/Postcode.h"

#include "TextHelpers.h"

namespace tessera::validate {
namespace {

using namespace tessera::detail;

constexpr bool oneOf(char c, std::string_view letters) { return letters.find(c) != std::string_view::npos; }

// Letters allowed in each position, per the Royal Mail's rules.
constexpr bool isFirstLetter(char c) { return isAsciiUpper(c) && !oneOf(c, "QVX"); }
constexpr bool isSecondLetter(char c) { return isAsciiUpper(c) && !oneOf(c, "IJZ"); }
constexpr bool isThirdLetter(char c) { return oneOf(c, "ABCDEFGHJKPSTUW"); }   // A9A
constexpr bool isFourthLetter(char c) { return oneOf(c, "ABEHMNPRVWXY"); }     // AA9A
constexpr bool isInwardLetter(char c) { return isAsciiUpper(c) && !oneOf(c, "CIKMOV"); }

bool isOutwardCode(std::string_view o) {
    const auto d = [](char c) { return isAsciiDigit(c); };
    switch (o.size()) {
        case 2: return isFirstLetter(o[0]) && d(o[1]);                                  // A9
        case 3:
            return isFirstLetter(o[0]) && ((d(o[1]) && d(o[2]))                          // A99
                                           || (d(o[1]) && isThirdLetter(o[2]))           // A9A
                                           || (isSecondLetter(o[1]) && d(o[2])));        // AA9
        case 4:
            return isFirstLetter(o[0]) && isSecondLetter(o[1]) && d(o[2]) &&
                   (d(o[3]) || isFourthLetter(o[3]));                                    // AA99, AA9A
        default: return false;
    }
}

bool isInwardCode(std::string_view i) {
    return i.size() == 3 && isAsciiDigit(i[0]) && isInwardLetter(i[1]) && isInwardLetter(i[2]);
}

}  // namespace

Result<std::string> ukPostcode(std::string_view input, std::string_view field) {
    std::string compact;
    for (char c : input)
        if (!isAsciiSpace(c)) compact += toAsciiUpper(c);
    if (compact.empty()) return fieldError(field, "required", "Enter a postcode");
    const auto invalid = [&] { return fieldError(field, "invalid_format", "Enter a real postcode, like SW1A 1AA"); };
    if (compact.size() < 5 || compact.size() > 7) return invalid();

    const std::string_view all = compact;
    const auto outward = all.substr(0, all.size() - 3);
    const auto inward = all.substr(all.size() - 3);
    const bool girobank = outward == "GIR" && inward == "0AA";  // the one code outside the rules
    if (!girobank && !(isOutwardCode(outward) && isInwardCode(inward))) return invalid();

    std::string normalised(outward);
    normalised += ' ';
    normalised += inward;
    return normalised;
}

}  // namespace tessera::validate
