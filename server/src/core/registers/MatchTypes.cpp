#include "core/registers/MatchTypes.h"

namespace tessera::core {

std::string_view toString(MatchOutcome outcome) {
    switch (outcome) {
        case MatchOutcome::Matched: return "matched";
        case MatchOutcome::NeedsFallback: return "needs_fallback";
        case MatchOutcome::NoMatch: return "no_match";
    }
    return "no_match";
}

bool fieldMatched(const std::vector<FieldResult>& fields, std::string_view field) {
    for (const auto& f : fields)
        if (f.field == field) return f.matched;
    return false;
}

}  // namespace tessera::core
