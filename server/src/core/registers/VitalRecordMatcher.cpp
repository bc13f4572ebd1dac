#include "core/registers/VitalRecordMatcher.h"

#include <algorithm>

#include "core/registers/NameComparison.h"
#include "core/registers/TextFolding.h"
#include "infra/registers/RegisterKey.h"
#include "tessera/shared/ApiFields.h"

namespace tessera::core {
namespace {

namespace col = infra::column;

enum class Level { None = 0, Weak = 1, Strong = 2 };

struct Candidate {
    std::string personRef;
    Level level = Level::None;
    bool sex = false, family = false, givenFull = false;
    bool placeOfBirth = false, mothersMaidenName = false;  // the answers agree (when given)
    int score = 0;                                          // matched fields, to pick one to report
};

const std::string& get(const infra::RegisterRecord& r, std::string_view column) {
    static const std::string empty;
    const auto found = r.find(std::string(column));
    return found == r.end() ? empty : found->second;
}

}  // namespace

Result<VitalRecordMatch> VitalRecordMatcher::match(const VitalRecordClaim& claim) {
    const auto claimedGiven = text::tokens(claim.givenNames);
    const auto claimedFamily = text::compactName(claim.familyName);
    if (claimedGiven.empty()) return Error::field(std::string(field::kGivenNames), "required", "Enter your given names.");
    if (claimedFamily.empty()) return Error::field(std::string(field::kFamilyName), "required", "Enter your family name.");
    const std::string claimedPlace = text::compactName(claim.placeOfBirth);
    const std::string claimedMaiden = text::compactName(claim.mothersMaidenName);
    const bool placeAnswered = !claimedPlace.empty(), maidenAnswered = !claimedMaiden.empty();

    auto rows = reg_.lookup(infra::registers::vitalRecordKey(claim.dateOfBirth));
    if (!rows) return rows.error();

    std::vector<Candidate> candidates;
    candidates.reserve(rows->size());
    for (const auto& row : *rows) {
        Candidate c;
        c.personRef = get(row, col::kPersonRef);
        c.sex = sexFromString(get(row, col::kSex)) == claim.sex;
        c.family = text::compactName(get(row, col::kFamilyName)) == claimedFamily;
        // A row of the other sex is never a match: spare comparing its given names (half
        // the candidates), the costliest part.
        const auto given = c.sex ? compareGivenNames(claimedGiven, text::tokens(get(row, col::kGivenNames)), variants_)
                                 : GivenNamesAgreement::None;
        c.givenFull = given == GivenNamesAgreement::Full;
        if (c.sex && c.family && c.givenFull) c.level = Level::Strong;
        else if (c.sex && ((c.family && given == GivenNamesAgreement::Partial) || (!c.family && c.givenFull)))
            c.level = Level::Weak;
        c.placeOfBirth = placeAnswered && text::compactName(get(row, col::kPlaceOfBirth)) == claimedPlace;
        c.mothersMaidenName = maidenAnswered && text::compactName(get(row, col::kMothersMaidenName)) == claimedMaiden;
        c.score = int(c.sex) + int(c.family) + int(c.givenFull) + int(c.placeOfBirth) + int(c.mothersMaidenName);
        candidates.push_back(std::move(c));
    }

    Level best = Level::None;
    for (const auto& c : candidates) best = std::max(best, c.level);

    // The persons at the best level, and those of them that agree with every answer.
    std::vector<const Candidate*> atBest, agreeing;
    auto addPerson = [](std::vector<const Candidate*>& list, const Candidate& c) {
        const bool known = std::any_of(list.begin(), list.end(), [&](const Candidate* o) { return o->personRef == c.personRef; });
        if (!known) list.push_back(&c);
    };
    if (best != Level::None) {
        for (const auto& c : candidates) {
            if (c.level != best) continue;
            addPerson(atBest, c);
            if ((!placeAnswered || c.placeOfBirth) && (!maidenAnswered || c.mothersMaidenName)) addPerson(agreeing, c);
        }
    }

    VitalRecordMatch result;
    const Candidate* reported = nullptr;
    if (best == Level::None) {
        result.outcome = MatchOutcome::NoMatch;
    } else if (!placeAnswered && !maidenAnswered) {
        result.outcome = best == Level::Strong && atBest.size() == 1 ? MatchOutcome::Matched : MatchOutcome::NeedsFallback;
        reported = atBest.front();
    } else if (agreeing.size() == 1) {
        result.outcome = MatchOutcome::Matched;
        reported = agreeing.front();
    } else if (agreeing.empty()) {
        result.outcome = MatchOutcome::NoMatch;
        reported = atBest.front();
    } else {
        result.outcome = placeAnswered && maidenAnswered ? MatchOutcome::NoMatch : MatchOutcome::NeedsFallback;
        reported = agreeing.front();
    }
    if (!reported && !candidates.empty())
        reported = &*std::max_element(candidates.begin(), candidates.end(),
                                      [](const Candidate& a, const Candidate& b) { return a.score < b.score; });
    if (result.outcome == MatchOutcome::Matched) result.personRef = reported->personRef;

    const Candidate none;
    const Candidate& r = reported ? *reported : none;
    result.fields = {{std::string(field::kGivenNames), r.givenFull},
                     {std::string(field::kFamilyName), r.family},
                     {std::string(field::kDateOfBirth), reported != nullptr},
                     {std::string(field::kSex), r.sex}};
    if (placeAnswered) result.fields.push_back({std::string(field::kPlaceOfBirth), r.placeOfBirth});
    if (maidenAnswered) result.fields.push_back({std::string(field::kMothersMaidenName), r.mothersMaidenName});
    return result;
}

}  // namespace tessera::core
