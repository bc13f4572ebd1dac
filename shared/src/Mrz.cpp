#include "tessera/shared/Mrz.h"

#include "TextHelpers.h"

namespace tessera::mrz {

std::optional<int> characterValue(char c) {
    if (detail::isAsciiDigit(c)) return c - '0';
    if (detail::isAsciiUpper(c)) return c - 'A' + 10;
    if (c == '<') return 0;
    return std::nullopt;
}

std::optional<int> checkDigit(std::string_view field) {
    constexpr int kWeights[] = {7, 3, 1};
    int sum = 0;
    for (std::size_t i = 0; i < field.size(); ++i) {
        const auto value = characterValue(field[i]);
        if (!value) return std::nullopt;
        sum += *value * kWeights[i % 3];
    }
    return sum % 10;
}

bool verifyCheckDigit(std::string_view field, char digit) {
    const auto expected = checkDigit(field);
    return expected && detail::isAsciiDigit(digit) && *expected == digit - '0';
}

}  // namespace tessera::mrz

namespace tessera::validate {

Result<std::string> passportNumber(std::string_view number, std::string_view checkDigit, std::string_view field) {
    using namespace tessera::detail;
    std::string normalised;
    for (char c : number)
        if (!isAsciiSpace(c)) normalised += toAsciiUpper(c);
    if (normalised.empty()) return fieldError(field, "required", "Enter the passport number");
    if (normalised.size() > mrz::kPassportNumberLength)
        return fieldError(field, "invalid_format", "Passport number must be 9 characters or fewer");
    for (char c : normalised)
        if (!isAsciiAlnum(c))
            return fieldError(field, "invalid_format", "Passport number must only include letters and numbers");

    const auto digit = trimAscii(checkDigit);
    if (digit.size() != 1 || !isAsciiDigit(digit.front()))
        return fieldError(field, "invalid_check_digit", "The check digit must be a single number from 0 to 9");

    std::string mrzField = normalised;
    mrzField.resize(mrz::kPassportNumberLength, '<');
    if (!mrz::verifyCheckDigit(mrzField, digit.front()))
        return fieldError(field, "check_digit_mismatch",
                          "The passport number does not match its check digit. Check both against the passport");
    return normalised;
}

}  // namespace tessera::validate
