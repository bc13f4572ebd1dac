#include "infra/registers/RegisterKey.h"

#include <algorithm>

namespace tessera::infra {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string typed(std::string_view type, std::string_view value) {
    std::string key(trim(type));
    key += ':';
    key += compactReference(value);
    return key;
}

}  // namespace

std::string_view toString(RegisterKind kind) {
    switch (kind) {
        case RegisterKind::VitalRecords: return "vital_records";
        case RegisterKind::Addresses: return "addresses";
        case RegisterKind::KnownFacts: return "known_facts";
        case RegisterKind::Documents: return "documents";
    }
    return "unknown";
}

std::string_view sampleFileName(RegisterKind kind) {
    switch (kind) {
        case RegisterKind::VitalRecords: return "vital-records.csv";
        case RegisterKind::Addresses: return "addresses.csv";
        case RegisterKind::KnownFacts: return "known-facts.csv";
        case RegisterKind::Documents: return "documents.csv";
    }
    return "unknown.csv";
}

const std::vector<std::string>& registerColumns(RegisterKind kind) {
    using namespace column;
    static const std::vector<std::string> vital{std::string(kPersonRef),    std::string(kGivenNames),
                                                std::string(kFamilyName),   std::string(kDateOfBirth),
                                                std::string(kSex),          std::string(kPlaceOfBirth),
                                                std::string(kMothersMaidenName)};
    static const std::vector<std::string> addresses{std::string(kUprn), std::string(kLine1), std::string(kLine2),
                                                    std::string(kTown), std::string(kPostcode)};
    static const std::vector<std::string> facts{std::string(kFactType), std::string(kReference),
                                                std::string(kPersonRef)};
    static const std::vector<std::string> documents{std::string(kDocumentType), std::string(kNumber),
                                                    std::string(kGivenNames),   std::string(kFamilyName),
                                                    std::string(kDateOfBirth),  std::string(kExpiryDate),
                                                    std::string(kStatus)};
    switch (kind) {
        case RegisterKind::VitalRecords: return vital;
        case RegisterKind::Addresses: return addresses;
        case RegisterKind::KnownFacts: return facts;
        case RegisterKind::Documents: return documents;
    }
    return vital;
}

bool isFactType(std::string_view type) {
    return std::find(kFactTypes.begin(), kFactTypes.end(), type) != kFactTypes.end();
}

bool isDocumentType(std::string_view type) {
    return std::find(kDocumentTypes.begin(), kDocumentTypes.end(), type) != kDocumentTypes.end();
}

std::string compactReference(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c >= 'a' && c <= 'z') out += static_cast<char>(c - 'a' + 'A');
        else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
    }
    return out;
}

KeyColumns keyColumns(RegisterKind kind) {
    switch (kind) {
        case RegisterKind::VitalRecords: return {column::kDateOfBirth, {}};
        case RegisterKind::Addresses: return {column::kPostcode, {}};
        case RegisterKind::KnownFacts: return {column::kFactType, column::kReference};
        case RegisterKind::Documents: return {column::kDocumentType, column::kNumber};
    }
    return {};
}

std::string registerKey(RegisterKind kind, std::string_view first, std::string_view second) {
    switch (kind) {
        case RegisterKind::VitalRecords: return std::string(trim(first));
        case RegisterKind::Addresses: return compactReference(first);
        case RegisterKind::KnownFacts:
        case RegisterKind::Documents: return typed(first, second);
    }
    return {};
}

std::string registerKey(RegisterKind kind, const RegisterRecord& row) {
    const auto [first, second] = keyColumns(kind);
    auto value = [&row](std::string_view column) -> std::string_view {
        if (column.empty()) return {};
        const auto found = row.find(std::string(column));
        return found == row.end() ? std::string_view{} : std::string_view(found->second);
    };
    return registerKey(kind, value(first), value(second));
}

namespace registers {

std::string vitalRecordKey(const CalendarDate& dateOfBirth) {
    return registerKey(RegisterKind::VitalRecords, toIsoString(dateOfBirth));
}
std::string addressKey(std::string_view postcode) { return registerKey(RegisterKind::Addresses, postcode); }
std::string knownFactKey(std::string_view factType, std::string_view reference) {
    return registerKey(RegisterKind::KnownFacts, factType, reference);
}
std::string documentKey(std::string_view documentType, std::string_view number) {
    return registerKey(RegisterKind::Documents, documentType, number);
}

}  // namespace registers
}  // namespace tessera::infra
