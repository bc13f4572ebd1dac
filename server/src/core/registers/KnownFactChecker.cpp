#include "core/registers/KnownFactChecker.h"

#include "infra/registers/RegisterKey.h"

namespace tessera::core {

Result<KnownFactMatch> KnownFactChecker::check(const KnownFactClaim& claim) {
    if (!infra::isFactType(claim.factType))
        return Error::field(std::string(kFactTypeField), "invalid_choice",
                            "Choose a council tax reference or an entitlement card number.");
    if (infra::compactReference(claim.reference).empty())
        return Error::field(std::string(kReferenceField), "required", "Enter the reference.");
    if (claim.personRef.empty())
        return Error::invalid("person_ref_required", "A known fact is checked only for a person matched in the vital records.");

    auto rows = reg_.lookup(infra::registers::knownFactKey(claim.factType, claim.reference));
    if (!rows) return rows.error();
    KnownFactMatch result;
    for (const auto& row : *rows) {
        const auto owner = row.find(std::string(infra::column::kPersonRef));
        if (owner != row.end() && owner->second == claim.personRef) {
            result.outcome = MatchOutcome::Matched;
            break;
        }
    }
    result.fields = {{std::string(kReferenceField), result.outcome == MatchOutcome::Matched}};
    return result;
}

}  // namespace tessera::core
