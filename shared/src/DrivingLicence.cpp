#include "tessera/shared/DrivingLicence.h"

#include "TextHelpers.h"
#include "tessera/shared/Utf8.h"

namespace tessera {
namespace {

using namespace tessera::detail;

constexpr std::size_t kSurnameCodeLength = 5;
constexpr int kFemaleMonthOffset = 50;

// Base letters of U+00C0..U+00FF and U+0100..U+017F. '*' marks a letter written with
// two (Æ, Þ, ß, Ĳ, Œ), '-' a character that is not a letter (× ÷).
constexpr std::string_view kLatin1Letters = "AAAAAA*CEEEEIIIIDNOOOOO-OUUUUY**"
                                            "AAAAAA*CEEEEIIIIDNOOOOO-OUUUUY*Y";
constexpr std::string_view kLatinExtendedALetters = "AAAAAACCCCCCCCDDDDEEEEEEEEEEGGGG"
                                                    "GGGGHHHHIIIIIIIIII**JJKKKLLLLLLL"
                                                    "LLLNNNNNNNNNOOOOOO**RRRRRRSSSSSS"
                                                    "SSTTTTTTUUUUUUUUUUUUWWYYYZZZZZZS";
static_assert(kLatin1Letters.size() == 0x100 - 0xC0);
static_assert(kLatinExtendedALetters.size() == 0x180 - 0x100);

// The upper-case ASCII letters a surname letter is written with on a licence.
std::string_view asciiLetters(char32_t cp) {
    switch (cp) {
        case 0xC6: case 0xE6: return "AE";
        case 0xDE: case 0xFE: return "TH";
        case 0xDF: return "SS";
        case 0x132: case 0x133: return "IJ";
        case 0x152: case 0x153: return "OE";
        default: break;
    }
    char letter = '-';
    if (cp < 0x80 && isAsciiLetter(static_cast<char>(cp))) letter = toAsciiUpper(static_cast<char>(cp));
    else if (cp >= 0xC0 && cp <= 0xFF) letter = kLatin1Letters[cp - 0xC0];
    else if (cp >= 0x100 && cp <= 0x17F) letter = kLatinExtendedALetters[cp - 0x100];
    if (!isAsciiUpper(letter)) return {};
    // Point into the tables rather than at a local, so the view stays valid.
    constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    return kAlphabet.substr(static_cast<std::size_t>(letter - 'A'), 1);
}

int twoDigits(std::string_view s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

bool isStructurallyValid(std::string_view n) {
    if (n.size() != kDrivingLicenceLength) return false;
    // Surname: a letter, then letters until the 9 padding starts, then only 9s.
    if (!isAsciiUpper(n[0])) return false;
    bool padding = false;
    for (std::size_t i = 1; i < kSurnameCodeLength; ++i) {
        padding = padding || n[i] == '9';
        if (padding ? n[i] != '9' : !isAsciiUpper(n[i])) return false;
    }
    constexpr std::size_t kDigitPositions[] = {5, 6, 7, 8, 9, 10, 13};
    for (std::size_t i : kDigitPositions)
        if (!isAsciiDigit(n[i])) return false;
    const int monthField = twoDigits(n.substr(6, 2));
    const int month = monthField % kFemaleMonthOffset;
    if (month < 1 || month > 12 || (monthField > 12 && monthField < kFemaleMonthOffset)) return false;
    // The century is not encoded, so allow 29 February by checking against a leap year.
    const int day = twoDigits(n.substr(8, 2));
    if (day < 1 || day > daysInMonth(2000, month)) return false;
    return isAsciiUpper(n[11]) && (isAsciiUpper(n[12]) || n[12] == '9') && isAsciiUpper(n[14]) &&
           isAsciiUpper(n[15]);
}

}  // namespace

std::string drivingLicenceSurnameCode(std::string_view surname) {
    std::string letters;
    if (const auto decoded = utf8::decode(surname))
        for (char32_t cp : *decoded) letters += asciiLetters(cp);
    if (letters.starts_with("MAC")) letters.erase(1, 1);  // DVLA writes Mac and Mc alike
    letters.resize(kSurnameCodeLength, '9');
    return letters;
}

namespace validate {

Result<std::string> drivingLicenceNumber(std::string_view input, std::string_view field) {
    std::string number;
    for (char c : input)
        if (!isAsciiSpace(c)) number += toAsciiUpper(c);
    if (number.empty()) return fieldError(field, "required", "Enter the driving licence number");
    if (!isStructurallyValid(number))
        return fieldError(field, "invalid_format",
                          "Enter the driving licence number as shown on the licence, like MORGA753116SM9IJ");
    return number;
}

Status drivingLicenceMatches(std::string_view input, std::string_view surname, const CalendarDate& dateOfBirth,
                             std::optional<Sex> sex, std::string_view field) {
    const auto number = drivingLicenceNumber(input, field);
    if (!number) return number.error();
    const std::string_view n = *number;

    if (n.substr(0, kSurnameCodeLength) != drivingLicenceSurnameCode(surname))
        return fieldError(field, "surname_mismatch", "The driving licence number does not match the surname");

    const int monthField = twoDigits(n.substr(6, 2));
    const bool dateMatches = n[5] - '0' == dateOfBirth.year / 10 % 10 && n[10] - '0' == dateOfBirth.year % 10 &&
                             monthField % kFemaleMonthOffset == dateOfBirth.month &&
                             twoDigits(n.substr(8, 2)) == dateOfBirth.day;
    if (!dateMatches)
        return fieldError(field, "date_of_birth_mismatch",
                          "The driving licence number does not match the date of birth");

    const bool femaleMonth = monthField > kFemaleMonthOffset;
    if ((sex == Sex::Female && !femaleMonth) || (sex == Sex::Male && femaleMonth))
        return fieldError(field, "sex_mismatch", "The driving licence number does not match the sex given");
    return Status::success();
}

}  // namespace validate
}  // namespace tessera
