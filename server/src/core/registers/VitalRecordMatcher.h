#pragma once
// Matching a person's claim against the vital-records register (births), as LoA 1 needs.
//
// Candidates are the register's rows with the claimed date of birth; a row whose sex
// differs is never a match. Of the others (NameComparison.h for how names compare):
//   strong  family name equal and given names Full;
//   weak    family name equal but given names only Partial (an initial, a shortening),
//           or given names Full but the family name differs (taken on marriage);
//   none    anything else.
// Only the best level found counts (one strong candidate outweighs any weak ones):
//   - no answer to a fallback question given: one strong person -> Matched; a weak person,
//     or two different persons at the same level (ambiguous) -> NeedsFallback;
//   - place of birth and/or mother's maiden name answered: the persons at that level whose
//     register rows agree with every answer (compared as compact names, TextFolding.h)
//     remain. One -> Matched; none -> NoMatch (a wrong answer undoes even a strong match);
//     still several -> NeedsFallback while a question is left unanswered, else NoMatch.
//   - no candidate at a level -> NoMatch.
// personRef is set only for Matched. Fields report the chosen candidate (the first best
// one when there is no single match; all false without a candidate): matched or not,
// never the register's value. The given names of a row of the other sex are not compared
// (that row cannot match), so they count as not matched.
#include <string>
#include <vector>

#include "core/registers/MatchTypes.h"
#include "core/registers/NameVariants.h"
#include "infra/registers/RegisterConnector.h"
#include "tessera/shared/CalendarDate.h"
#include "tessera/shared/ProfileChoices.h"

namespace tessera::core {

// Fallback fields are empty unless the person answered them.
struct VitalRecordClaim {
    std::string givenNames, familyName;
    CalendarDate dateOfBirth;
    Sex sex = Sex::Unspecified;
    std::string placeOfBirth, mothersMaidenName;
};

struct VitalRecordMatch {
    MatchOutcome outcome = MatchOutcome::NoMatch;
    std::string personRef;  // the register's unique person reference, when Matched
    std::vector<FieldResult> fields;
};

class VitalRecordMatcher {
public:
    VitalRecordMatcher(infra::RegisterConnector& reg, const NameVariants& variants) : reg_(reg), variants_(variants) {}

    // Errors: Invalid (field givenNames or familyName "required") for a name with no
    // letters; Unavailable "register_unavailable" from the register.
    Result<VitalRecordMatch> match(const VitalRecordClaim& claim);

private:
    infra::RegisterConnector& reg_;
    const NameVariants& variants_;
};

}  // namespace tessera::core
