#pragma once
// The identity document a citizen enters for a verification application, checked field by
// field before anything is stored: every problem reported at once (Error::invalid with
// fields, named as in shared ApiFields), each with what to do about it.
//  - documentType: passport | driving_licence | national_identity_card
//  - documentNumber: a passport number (with the MRZ check digit when one is given), a UK
//    driving licence number that encodes the family name, date of birth and sex, or an
//    identity card number (letters and digits, up to 20)
//  - issuingCountry: ISO 3166-1 alpha-3 as printed in the MRZ ("GBR")
//  - expiryDate: a real date after today; givenNames, familyName, dateOfBirth as on the document
#include <string>

#include "core/verification/VerificationApplication.h"
#include "tessera/shared/CalendarDate.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct DocumentEntry {
    std::string documentType;
    std::string number;
    std::string checkDigit;  // passports: the digit after the number in the MRZ; may be empty
    std::string issuingCountry;
    std::string givenNames, familyName;
    std::string dateOfBirth;  // YYYY-MM-DD
    std::string expiryDate;   // YYYY-MM-DD
    std::string sex;          // the account's (female | male | unspecified | empty), for licences
};

inline constexpr std::string_view kIdentityDocumentTypes[] = {"passport", "driving_licence", "national_identity_card"};

// The document normalised (upper-case number and country), applicationId and times unset.
Result<IdentityDocument> validateDocument(const DocumentEntry& entry, const CalendarDate& today);

// Whether a stored document is past its expiry date on `today`.
bool documentExpired(const IdentityDocument& d, const CalendarDate& today);

}  // namespace tessera::core
