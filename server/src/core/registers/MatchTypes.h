#pragma once
// What a register check tells its caller. The rules of each check are in its header
// (VitalRecordMatcher.h, AddressMatcher.h, KnownFactChecker.h, DocumentRegisterCheck.h);
// how text is compared is in TextFolding.h and NameComparison.h.
//
// A check never hands back what the register holds: a FieldResult says whether a claimed
// field agreed with the register, nothing more, so neither a citizen nor a log learns a
// stranger's details by guessing.
#include <string>
#include <string_view>
#include <vector>

namespace tessera::core {

enum class MatchOutcome {
    Matched,        // one person (or address) and the claim agrees with it
    NeedsFallback,  // a weak or ambiguous match: ask place of birth or mother's maiden name
    NoMatch
};
std::string_view toString(MatchOutcome outcome);  // "matched", "needs_fallback", "no_match"

// One claimed field and whether the register agreed. Names from shared ApiFields
// (givenNames, familyName, dateOfBirth, sex, placeOfBirth, mothersMaidenName,
// address.line1, address.postcode, documentNumber, expiryDate) and "reference".
struct FieldResult {
    std::string field;
    bool matched = false;

    bool operator==(const FieldResult&) const = default;
};

// The result for `field` in `fields`, or false when absent.
bool fieldMatched(const std::vector<FieldResult>& fields, std::string_view field);

}  // namespace tessera::core
