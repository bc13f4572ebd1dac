#pragma once
// Check digits of the machine-readable zone of travel documents (ICAO Doc 9303 Part 3,
// 4.9): each character's value (0-9 as themselves, A=10 .. Z=35, the filler < = 0) is
// multiplied by the repeating weights 7, 3, 1; the check digit is the sum modulo 10.
#include <optional>
#include <string>
#include <string_view>

#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Result.h"

namespace tessera::mrz {

inline constexpr std::size_t kPassportNumberLength = 9;  // TD3 document number field

// The value of one MRZ character, or nullopt for a character the MRZ cannot hold
// (lower case included: the MRZ is upper case only).
std::optional<int> characterValue(char c);
// The check digit (0..9) of an MRZ field, or nullopt if it holds an invalid character.
std::optional<int> checkDigit(std::string_view field);
// True when `digit` is the ASCII digit that checks `field`.
bool verifyCheckDigit(std::string_view field, char digit);

}  // namespace tessera::mrz

namespace tessera::validate {

// A passport number as printed (1..9 letters and digits; spaces ignored; lower case
// accepted) checked against the check digit from the MRZ. Numbers shorter than 9 are
// padded with < as in the MRZ before checking. Returns the number upper-cased.
// Error codes: required, invalid_format, invalid_check_digit, check_digit_mismatch.
Result<std::string> passportNumber(std::string_view number, std::string_view checkDigit,
                                   std::string_view field = tessera::field::kDocumentNumber);

}  // namespace tessera::validate
