#pragma once
// The four registers, their columns, and the one way to build a lookup key. The CSV index
// and the HTTP query both use registerKey(), so a key built for a query always finds the
// rows the index filed under it.
//   vital records  the date of birth "YYYY-MM-DD"
//   addresses      the postcode upper-cased without spaces ("EH11AA")
//   known facts    "<fact_type>:<reference>", the reference upper-cased, letters and digits only
//   documents      "<document_type>:<number>", the number upper-cased, letters and digits only
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "infra/registers/RegisterConnector.h"
#include "tessera/shared/CalendarDate.h"

namespace tessera::infra {

enum class RegisterKind { VitalRecords, Addresses, KnownFacts, Documents };
inline constexpr std::array<RegisterKind, 4> kAllRegisterKinds{RegisterKind::VitalRecords, RegisterKind::Addresses,
                                                               RegisterKind::KnownFacts, RegisterKind::Documents};

// "vital_records", "addresses", "known_facts", "documents": the register's name in logs,
// errors and configuration.
std::string_view toString(RegisterKind kind);
// The sample file under resources/registers: "vital-records.csv", ...
std::string_view sampleFileName(RegisterKind kind);
// The header row a CSV file of this register must have, in this order.
const std::vector<std::string>& registerColumns(RegisterKind kind);

// Column names, spelt once.
namespace column {
inline constexpr std::string_view kPersonRef = "person_ref";
inline constexpr std::string_view kGivenNames = "given_names";
inline constexpr std::string_view kFamilyName = "family_name";
inline constexpr std::string_view kDateOfBirth = "date_of_birth";
inline constexpr std::string_view kSex = "sex";
inline constexpr std::string_view kPlaceOfBirth = "place_of_birth";
inline constexpr std::string_view kMothersMaidenName = "mothers_maiden_name";
inline constexpr std::string_view kUprn = "uprn";
inline constexpr std::string_view kLine1 = "line1";
inline constexpr std::string_view kLine2 = "line2";
inline constexpr std::string_view kTown = "town";
inline constexpr std::string_view kPostcode = "postcode";
inline constexpr std::string_view kFactType = "fact_type";
inline constexpr std::string_view kReference = "reference";
inline constexpr std::string_view kDocumentType = "document_type";
inline constexpr std::string_view kNumber = "number";
inline constexpr std::string_view kExpiryDate = "expiry_date";
inline constexpr std::string_view kStatus = "status";
}  // namespace column

// Known-fact and document types the registers hold.
inline constexpr std::string_view kCouncilTaxReference = "council_tax_reference";
inline constexpr std::string_view kEntitlementCardNumber = "entitlement_card_number";
inline constexpr std::string_view kPassport = "passport";
inline constexpr std::string_view kDrivingLicence = "driving_licence";
inline constexpr std::array<std::string_view, 2> kFactTypes{kCouncilTaxReference, kEntitlementCardNumber};
inline constexpr std::array<std::string_view, 2> kDocumentTypes{kPassport, kDrivingLicence};
inline constexpr std::array<std::string_view, 4> kDocumentStatuses{"valid", "lost", "stolen", "cancelled"};
bool isFactType(std::string_view type);
bool isDocumentType(std::string_view type);

// Upper case, ASCII letters and digits only: "eh1 1aa" gives "EH11AA", "12-345 678" gives
// "12345678". Other characters (spaces, hyphens, slashes, anything non-ASCII) are dropped.
std::string compactReference(std::string_view text);

namespace registers {
std::string vitalRecordKey(const CalendarDate& dateOfBirth);
std::string addressKey(std::string_view postcode);
std::string knownFactKey(std::string_view factType, std::string_view reference);
std::string documentKey(std::string_view documentType, std::string_view number);
}  // namespace registers

// The column(s) a row's key is built from; `second` is empty for one-column keys.
struct KeyColumns {
    std::string_view first, second;
};
KeyColumns keyColumns(RegisterKind kind);

// The key from the values of the key columns (the one function every key comes from).
std::string registerKey(RegisterKind kind, std::string_view first, std::string_view second = {});
// The key a row is filed under, from the row's own fields (missing fields count as empty).
std::string registerKey(RegisterKind kind, const RegisterRecord& row);

}  // namespace tessera::infra
