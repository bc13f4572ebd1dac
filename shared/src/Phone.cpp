#include "tessera/shared/Phone.h"

#include "TextHelpers.h"

namespace tessera::validate {
namespace {

using namespace tessera::detail;

constexpr std::size_t kE164MaxDigits = 15;  // ITU-T E.164 section 6
constexpr std::size_t kE164MinDigits = 7;   // the shortest national numbers plus a country code
constexpr std::string_view kUkCountryCode = "44";

constexpr bool isSeparator(char c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')'; }

// UK national significant numbers have 10 digits; a few geographic (01) and freephone
// (08) numbers have 9.
bool isUkSubscriberNumber(std::string_view digits) {
    if (digits.size() == 10) return digits.front() != '0';
    return digits.size() == 9 && (digits.front() == '1' || digits.front() == '8');
}

}  // namespace

Result<std::string> phone(std::string_view input, std::string_view field) {
    const auto text = trimAscii(input);
    if (text.empty()) return fieldError(field, "required", "Enter a phone number");
    const auto invalid = [&] {
        return fieldError(field, "invalid_format",
                          "Enter a phone number, like 07700 900 982 or +44 808 157 0192");
    };

    // Keep a leading "+" and the digits; refuse anything but separators in between.
    std::string digits;
    bool international = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+' && i == 0) international = true;
        else if (isAsciiDigit(c)) digits += c;
        else if (!isSeparator(c)) return invalid();
    }
    if (!international && digits.starts_with("00")) {  // international call prefix
        international = true;
        digits.erase(0, 2);
    }

    std::string countryAndNumber;
    if (international) {
        // "+44 (0)20 ..." keeps the trunk 0 that callers from abroad must not dial.
        if (digits.starts_with(kUkCountryCode) && digits.size() > 2 && digits[2] == '0') digits.erase(2, 1);
        countryAndNumber = digits;
    } else {
        if (!digits.starts_with('0')) return invalid();
        countryAndNumber = std::string(kUkCountryCode) + digits.substr(1);
    }

    if (countryAndNumber.size() < kE164MinDigits || countryAndNumber.size() > kE164MaxDigits ||
        countryAndNumber.front() == '0')
        return invalid();
    if (countryAndNumber.starts_with(kUkCountryCode) &&
        !isUkSubscriberNumber(std::string_view(countryAndNumber).substr(kUkCountryCode.size())))
        return invalid();
    return "+" + countryAndNumber;
}

}  // namespace tessera::validate
