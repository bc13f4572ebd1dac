#include "infra/registers/RegisterRowCheck.h"

#include <algorithm>

#include "tessera/shared/CalendarDate.h"
#include "tessera/shared/Postcode.h"
#include "tessera/shared/ProfileChoices.h"

namespace tessera::infra {
namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

std::string missing(std::string_view column) { return std::string(column) + " is empty"; }
std::string badDate(std::string_view column) { return std::string(column) + " is not a date as YYYY-MM-DD"; }

template <class List>
bool oneOf(const List& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::optional<std::string> vitalRecord(const std::vector<std::string>& f) {
    using namespace column;
    if (blank(f[0])) return missing(kPersonRef);
    if (blank(f[1])) return missing(kGivenNames);
    if (blank(f[2])) return missing(kFamilyName);
    if (!parseIsoDate(f[3])) return badDate(kDateOfBirth);
    if (!sexFromString(f[4])) return std::string(kSex) + " is not female, male or unspecified";
    return std::nullopt;
}

std::optional<std::string> address(const std::vector<std::string>& f) {
    using namespace column;
    if (blank(f[0])) return missing(kUprn);
    if (blank(f[1])) return missing(kLine1);
    if (!validate::ukPostcode(f[4])) return std::string(kPostcode) + " is not a UK postcode";
    return std::nullopt;
}

std::optional<std::string> knownFact(const std::vector<std::string>& f) {
    using namespace column;
    if (!isFactType(f[0])) return std::string(kFactType) + " is not council_tax_reference or entitlement_card_number";
    if (compactReference(f[1]).empty()) return missing(kReference);
    if (blank(f[2])) return missing(kPersonRef);
    return std::nullopt;
}

std::optional<std::string> document(const std::vector<std::string>& f) {
    using namespace column;
    if (!isDocumentType(f[0])) return std::string(kDocumentType) + " is not passport or driving_licence";
    if (compactReference(f[1]).empty()) return missing(kNumber);
    if (blank(f[2])) return missing(kGivenNames);
    if (blank(f[3])) return missing(kFamilyName);
    if (!parseIsoDate(f[4])) return badDate(kDateOfBirth);
    if (!parseIsoDate(f[5])) return badDate(kExpiryDate);
    if (!oneOf(kDocumentStatuses, f[6])) return std::string(kStatus) + " is not valid, lost, stolen or cancelled";
    return std::nullopt;
}

}  // namespace

std::optional<std::string> registerRowProblem(RegisterKind kind, const std::vector<std::string>& fields) {
    const auto& columns = registerColumns(kind);
    if (fields.size() != columns.size())
        return "the row has " + std::to_string(fields.size()) + " fields, the header " + std::to_string(columns.size());
    switch (kind) {
        case RegisterKind::VitalRecords: return vitalRecord(fields);
        case RegisterKind::Addresses: return address(fields);
        case RegisterKind::KnownFacts: return knownFact(fields);
        case RegisterKind::Documents: return document(fields);
    }
    return std::nullopt;
}

}  // namespace tessera::infra
