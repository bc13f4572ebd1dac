#include "core/verification/DocumentDetails.h"

#include <algorithm>

#include "core/accounts/FieldErrorList.h"
#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Validators.h"

namespace tessera::core {

namespace {

constexpr std::size_t kIdentityCardMaxLength = 20;

std::string upperWithoutSpaces(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' || c == '\t') continue;
        out += (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
    }
    return out;
}

bool isUpperAlnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

std::string toField(std::string_view f) { return std::string(f); }

std::optional<std::string> validNumber(FieldErrorList& errors, const DocumentEntry& e, const std::string& type,
                                       const std::optional<std::string>& familyName,
                                       const std::optional<CalendarDate>& dob) {
    const std::string field = toField(field::kDocumentNumber);
    if (type == "passport") {
        std::string digit = e.checkDigit;
        if (digit.find_first_not_of(" \t") == std::string::npos) {
            // No MRZ digit given: check the format only, with the digit the number itself gives.
            std::string padded = upperWithoutSpaces(e.number);
            if (padded.size() <= mrz::kPassportNumberLength) padded.resize(mrz::kPassportNumberLength, '<');
            auto d = mrz::checkDigit(padded);
            digit = d ? std::string(1, char('0' + *d)) : std::string("x");
        }
        auto r = validate::passportNumber(e.number, digit);
        if (!r && r.error().fields.size() == 1 && r.error().fields[0].code == "invalid_check_digit" &&
            !e.checkDigit.empty()) {
            errors.add(toField(field::kCheckDigit), "invalid_check_digit",
                       "Enter the check digit as a single number from 0 to 9.");
            return std::nullopt;
        }
        if (!r && e.checkDigit.empty() && r.error().fields.size() == 1 &&
            r.error().fields[0].code == "invalid_check_digit") {
            errors.add(field, "invalid_format", "Passport number must only include letters and numbers");
            return std::nullopt;
        }
        return errors.take(std::move(r));
    }
    if (type == "driving_licence") {
        auto structure = validate::drivingLicenceNumber(e.number);
        if (!structure) return errors.take(std::move(structure));
        if (familyName && dob) {
            std::optional<Sex> sex = sexFromString(e.sex);
            if (!errors.take(validate::drivingLicenceMatches(*structure, *familyName, *dob, sex))) return std::nullopt;
        }
        return structure.value();
    }
    if (type == "national_identity_card") {
        const std::string n = upperWithoutSpaces(e.number);
        if (n.empty()) {
            errors.add(field, "required", "Enter the identity card number");
            return std::nullopt;
        }
        if (n.size() > kIdentityCardMaxLength || !std::all_of(n.begin(), n.end(), isUpperAlnum)) {
            errors.add(field, "invalid_format",
                       "The identity card number must be up to 20 letters and numbers, as printed on the card");
            return std::nullopt;
        }
        return n;
    }
    return std::nullopt;  // the type itself is reported
}

}  // namespace

Result<IdentityDocument> validateDocument(const DocumentEntry& e, const CalendarDate& today) {
    FieldErrorList errors;
    IdentityDocument d;

    const bool knownType =
        std::find(std::begin(kIdentityDocumentTypes), std::end(kIdentityDocumentTypes), e.documentType) != std::end(kIdentityDocumentTypes);
    if (e.documentType.empty())
        errors.add(toField(field::kDocumentType), "required", "Choose the type of document");
    else if (!knownType)
        errors.add(toField(field::kDocumentType), "invalid_choice",
                   "Choose a passport, a driving licence or a national identity card");

    auto given = errors.take(validate::personName(e.givenNames, field::kGivenNames));
    auto family = errors.take(validate::personName(e.familyName, field::kFamilyName));
    auto dob = errors.take(validate::dateOfBirth(e.dateOfBirth, today));

    std::optional<std::string> number;
    if (knownType) number = validNumber(errors, e, e.documentType, family, dob);

    const std::string country = upperWithoutSpaces(e.issuingCountry);
    if (country.empty())
        errors.add(toField(field::kIssuingCountry), "required", "Enter the issuing country");
    else if (country.size() != 3 || !std::all_of(country.begin(), country.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        errors.add(toField(field::kIssuingCountry), "invalid_format",
                   "Enter the issuing country as the 3-letter code printed on the document, for example GBR");

    auto expiry = errors.take(validate::date(e.expiryDate, field::kExpiryDate));
    if (expiry && !(*expiry > today))
        errors.add(toField(field::kExpiryDate), "expired",
                   "This document has expired. Use a document that is still valid");

    if (!errors.empty()) return errors.error();
    d.documentType = e.documentType;
    d.number = *number;
    d.issuingCountry = country;
    d.givenNames = *given;
    d.familyName = *family;
    d.dateOfBirth = toIsoString(*dob);
    d.expiryDate = toIsoString(*expiry);
    return d;
}

bool documentExpired(const IdentityDocument& d, const CalendarDate& today) {
    auto expiry = parseIsoDate(d.expiryDate);
    return !expiry || !(*expiry > today);
}

}  // namespace tessera::core
