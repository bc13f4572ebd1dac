#pragma once
// UK (DVLA, Great Britain) driving licence numbers: 16 characters
//   1-5   the first five letters of the surname, padded with 9 (MAC is written MC)
//   6     the decade digit of the year of birth
//   7-8   the month of birth, with 50 added for a woman (01-12 or 51-62)
//   9-10  the day of birth
//   11    the last digit of the year of birth
//   12-13 the first two initials, padded with 9
//   14    a digit (usually 9), then 15-16 two check letters.
// Example: MORGA753116SM9IJ for Sarah Meredyth Morgan, born 11 March 1976.
#include <optional>
#include <string>
#include <string_view>

#include "tessera/shared/ApiFields.h"
#include "tessera/shared/CalendarDate.h"
#include "tessera/shared/ProfileChoices.h"
#include "tessera/shared/Result.h"

namespace tessera {

inline constexpr std::size_t kDrivingLicenceLength = 16;

// The five-character surname code a licence number starts with ("O'Brien" gives "OBRIE",
// "MacDonald" gives "MCDON", "Fox" gives "FOX99"). Accented Latin letters count as their
// base letter; other characters are dropped.
std::string drivingLicenceSurnameCode(std::string_view surname);

namespace validate {

// Checks the structure and returns the number upper-cased without spaces. Error codes:
// required, invalid_format.
Result<std::string> drivingLicenceNumber(std::string_view input,
                                         std::string_view field = tessera::field::kDocumentNumber);

// Checks the structure, then that the number encodes this surname and date of birth.
// With a sex of female or male the month must carry (or not carry) the +50; with none
// or unspecified either is accepted. Error codes: those of drivingLicenceNumber, and
// surname_mismatch, date_of_birth_mismatch, sex_mismatch.
Status drivingLicenceMatches(std::string_view number, std::string_view surname, const CalendarDate& dateOfBirth,
                             std::optional<Sex> sex = std::nullopt,
                             std::string_view field = tessera::field::kDocumentNumber);

}  // namespace validate
}  // namespace tessera
