#pragma once
// The vocabulary Tessera speaks in OpenID Connect for Identity Assurance 1.0 (OIDC4IA) and
// its schema (verified_claims: verification {trust_framework, assurance_level, time,
// evidence}, claims), and what discovery advertises of it (OIDC4IA §8 "OP metadata").
//
// Values are the OpenID Foundation's predefined ones where one fits:
//  - evidence "electronic_record" for a register match (check_method "data": an existing
//    record matched the citizen's claims), with record.type "birth_register" (vital records);
//    Tessera's own "address_register", "council_tax_register" and "entitlement_card_register"
//    where the predefined list has none;
//  - evidence "document" for a document a reviewer approved (check_method "vri": images of
//    the document inspected remotely; "pvr": a person compared the selfie video with the
//    document; "data": the document register holds it as valid), document_details.type
//    "passport", "driving_permit" or "idcard", issuer.country_code ICAO 3-letter ("GBR").
// Document numbers are never sent: the consent page does not ask for them.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tessera::core::oidc::ida {

inline constexpr std::string_view kDefaultTrustFramework = "uk_tfida";

// The claims verified_claims may carry, from the register matches that verify them.
const std::vector<std::string>& claimsInVerifiedClaims();  // given_name, family_name, birthdate, address
const std::vector<std::string>& evidenceTypes();           // document, electronic_record
const std::vector<std::string>& documentTypes();           // passport, driving_permit, idcard
const std::vector<std::string>& electronicRecordTypes();
const std::vector<std::string>& documentCheckMethods();     // vri, pvr, data

// "passport" | "driving_licence" | "national_identity_card" (Tessera's) -> OIDC4IA's name, or "".
std::string documentType(std::string_view tesseraType);
// The record type of a known fact ("council_tax_reference" -> "council_tax_register").
std::string knownFactRecordType(std::string_view factType);

// Unix seconds as an OIDC4IA date-time in UTC ("2024-05-01T09:30:00Z"): times in verified
// claims are UTC so that they reveal nothing of where the citizen was (OIDC4IA §9).
std::string utcDateTime(std::int64_t unixSeconds);

}  // namespace tessera::core::oidc::ida
