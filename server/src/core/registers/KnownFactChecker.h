#pragma once
// Checking a known fact (a council tax reference, an entitlement card number) against its
// register, as LoA 2 needs: the reference (compared upper-cased, letters and digits only)
// must exist AND belong to the person matched at LoA 1. Someone else's reference, or one
// that does not exist, is NoMatch, and the two are not told apart.
#include <string>
#include <vector>

#include "core/registers/MatchTypes.h"
#include "infra/registers/RegisterConnector.h"

namespace tessera::core {

inline constexpr std::string_view kFactTypeField = "factType";
inline constexpr std::string_view kReferenceField = "reference";

struct KnownFactClaim {
    std::string factType;   // council_tax_reference, entitlement_card_number
    std::string reference;  // as the person typed it
    std::string personRef;  // from the vital-records match
};

struct KnownFactMatch {
    MatchOutcome outcome = MatchOutcome::NoMatch;  // Matched or NoMatch
    std::vector<FieldResult> fields;               // "reference"
};

class KnownFactChecker {
public:
    explicit KnownFactChecker(infra::RegisterConnector& reg) : reg_(reg) {}

    // Errors: Invalid (field factType "invalid_choice", reference "required"; code
    // "person_ref_required" without a person); Unavailable "register_unavailable".
    Result<KnownFactMatch> check(const KnownFactClaim& claim);

private:
    infra::RegisterConnector& reg_;
};

}  // namespace tessera::core
