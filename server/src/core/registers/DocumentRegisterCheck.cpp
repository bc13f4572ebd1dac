#include "core/registers/DocumentRegisterCheck.h"

#include "core/registers/NameComparison.h"
#include "core/registers/TextFolding.h"
#include "infra/registers/RegisterKey.h"
#include "tessera/shared/ApiFields.h"

namespace tessera::core {
namespace {

namespace col = infra::column;

const std::string& get(const infra::RegisterRecord& r, std::string_view column) {
    static const std::string empty;
    const auto found = r.find(std::string(column));
    return found == r.end() ? empty : found->second;
}

DocumentStatus statusFrom(const std::string& text) {
    if (text == "valid") return DocumentStatus::Valid;
    if (text == "lost") return DocumentStatus::Lost;
    if (text == "stolen") return DocumentStatus::Stolen;
    // A status this code does not know is not treated as good.
    return DocumentStatus::Cancelled;
}

}  // namespace

std::string_view toString(DocumentStatus status) {
    switch (status) {
        case DocumentStatus::Valid: return "valid";
        case DocumentStatus::Lost: return "lost";
        case DocumentStatus::Stolen: return "stolen";
        case DocumentStatus::Cancelled: return "cancelled";
        case DocumentStatus::NotFound: return "not_found";
    }
    return "not_found";
}

Result<DocumentCheck> DocumentRegisterCheck::check(const DocumentClaim& claim) {
    if (!infra::isDocumentType(claim.documentType))
        return Error::field(std::string(field::kDocumentType), "invalid_choice", "Choose a passport or a driving licence.");
    if (infra::compactReference(claim.number).empty())
        return Error::field(std::string(field::kDocumentNumber), "required", "Enter the document number.");

    auto rows = reg_.lookup(infra::registers::documentKey(claim.documentType, claim.number));
    if (!rows) return rows.error();
    DocumentCheck result;
    if (rows->empty()) {
        result.fields = {{std::string(field::kDocumentNumber), false}};
        return result;
    }
    const auto givenNames = text::tokens(claim.givenNames);
    const auto familyName = text::compactName(claim.familyName);
    const auto dateOfBirth = toIsoString(claim.dateOfBirth);
    const auto expiryDate = toIsoString(claim.expiryDate);
    // A register should hold a number once; if it holds it more often, report the row the
    // claim agrees with best.
    int bestScore = -1;
    for (const auto& row : *rows) {
        const bool given = compareGivenNames(givenNames, text::tokens(get(row, col::kGivenNames)), variants_) ==
                           GivenNamesAgreement::Full;
        const bool family = text::compactName(get(row, col::kFamilyName)) == familyName;
        const bool dob = get(row, col::kDateOfBirth) == dateOfBirth;
        const bool expiry = get(row, col::kExpiryDate) == expiryDate;
        const int score = int(given) + int(family) + int(dob) + int(expiry);
        if (score <= bestScore) continue;
        bestScore = score;
        result.status = statusFrom(get(row, col::kStatus));
        result.fields = {{std::string(field::kDocumentNumber), true},
                         {std::string(field::kGivenNames), given},
                         {std::string(field::kFamilyName), family},
                         {std::string(field::kDateOfBirth), dob},
                         {std::string(field::kExpiryDate), expiry}};
    }
    return result;
}

}  // namespace tessera::core
