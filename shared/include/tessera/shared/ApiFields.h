#pragma once
// Names of the JSON fields the REST API reads and writes. The server, the reviewer
// workstation and the tests spell every field through these constants, so a rename is
// one edit and a typo is a compile error. Nested fields reported in a form error use a
// dotted path ("address.postcode"); those paths are listed too.
#include <string_view>

namespace tessera::field {

// Registration, sign-in and second factor.
inline constexpr std::string_view kName = "name";
inline constexpr std::string_view kEmail = "email";
inline constexpr std::string_view kPassword = "password";
inline constexpr std::string_view kCurrentPassword = "currentPassword";
inline constexpr std::string_view kNewPassword = "newPassword";
inline constexpr std::string_view kLanguage = "language";
inline constexpr std::string_view kAcceptTerms = "acceptTerms";
inline constexpr std::string_view kConsent = "consent";
inline constexpr std::string_view kCode = "code";
inline constexpr std::string_view kRecoveryCode = "recoveryCode";
inline constexpr std::string_view kRecoveryCodes = "recoveryCodes";
inline constexpr std::string_view kToken = "token";
inline constexpr std::string_view kSecret = "secret";
inline constexpr std::string_view kOtpauthUri = "otpauthUri";
inline constexpr std::string_view kQrSvg = "qrSvg";
inline constexpr std::string_view kNext = "next";
inline constexpr std::string_view kMethods = "methods";
inline constexpr std::string_view kTermsId = "termsId";

// Profile.
inline constexpr std::string_view kPreferredName = "preferredName";
inline constexpr std::string_view kGivenNames = "givenNames";
inline constexpr std::string_view kFamilyName = "familyName";
inline constexpr std::string_view kDateOfBirth = "dateOfBirth";
inline constexpr std::string_view kPlaceOfBirth = "placeOfBirth";
inline constexpr std::string_view kMothersMaidenName = "mothersMaidenName";
inline constexpr std::string_view kSex = "sex";
inline constexpr std::string_view kPhone = "phone";
inline constexpr std::string_view kLoa = "loa";

// Address: an object under kAddress holding the fields below.
inline constexpr std::string_view kAddress = "address";
inline constexpr std::string_view kLine1 = "line1";
inline constexpr std::string_view kLine2 = "line2";
inline constexpr std::string_view kTown = "town";
inline constexpr std::string_view kPostcode = "postcode";
inline constexpr std::string_view kUprn = "uprn";
// Paths of the nested address fields, as reported in form errors.
inline constexpr std::string_view kAddressLine1 = "address.line1";
inline constexpr std::string_view kAddressLine2 = "address.line2";
inline constexpr std::string_view kAddressTown = "address.town";
inline constexpr std::string_view kAddressPostcode = "address.postcode";

// Verification evidence and review decisions.
inline constexpr std::string_view kDocumentType = "documentType";
inline constexpr std::string_view kDocumentNumber = "documentNumber";
inline constexpr std::string_view kCheckDigit = "checkDigit";
inline constexpr std::string_view kIssuingCountry = "issuingCountry";
inline constexpr std::string_view kExpiryDate = "expiryDate";
inline constexpr std::string_view kState = "state";
inline constexpr std::string_view kDecision = "decision";
inline constexpr std::string_view kReason = "reason";
inline constexpr std::string_view kNote = "note";

// Common to many resources.
inline constexpr std::string_view kId = "id";
inline constexpr std::string_view kCreatedAt = "createdAt";
inline constexpr std::string_view kUpdatedAt = "updatedAt";

// Pagination: ?limit=&after= answered by {items, next}.
inline constexpr std::string_view kLimit = "limit";
inline constexpr std::string_view kAfter = "after";
inline constexpr std::string_view kItems = "items";

// Problem details (application/problem+json) and their per-field errors.
inline constexpr std::string_view kType = "type";
inline constexpr std::string_view kTitle = "title";
inline constexpr std::string_view kStatus = "status";
inline constexpr std::string_view kDetail = "detail";
inline constexpr std::string_view kErrors = "errors";
inline constexpr std::string_view kField = "field";
inline constexpr std::string_view kMessage = "message";

}  // namespace tessera::field
