#pragma once
// The register steps of the citizen's journey to LoA 1 and 2, one call each:
//  - matchIdentity: name, date of birth and sex against the vital-records register. A strong
//    match links the register's unique person reference to the account (person_links, keyed
//    hash) and records VitalRecord evidence; a weak or ambiguous one asks a fallback question
//    (place of birth or mother's maiden name), answered in the next call.
//  - matchAddress (after matchIdentity): the address against the address register → Address
//    evidence naming the UPRN.
//  - checkKnownFact (after matchIdentity): a reference (council tax, entitlement card) that
//    must belong to the matched person → KnownFact evidence.
// Each kind of check is limited to settings.matchAttemptsPerDay attempts per account in any
// 24 hours (TooManyRequests "match_attempts_exhausted"); an unavailable register does not
// count. Every check is audited ("verification.register_check": kind, outcome, attempts left;
// never a claimed or register value).
//
// Duplicate person: when the matched person reference is linked to another account, the
// check stops with Conflict "possible_duplicate" and a DuplicatePerson application is opened
// for this account directly in state Flagged (reason "duplicate_person", by "system"), so a
// senior reviewer decides which account is the person's.
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/assurance/AssurancePolicy.h"
#include "core/assurance/AssuranceService.h"
#include "core/registers/AddressMatcher.h"
#include "core/registers/MatchTypes.h"
#include "core/registers/RegisterSet.h"
#include "core/registers/VitalRecordMatcher.h"
#include "core/services/Actor.h"
#include "core/verification/ApplicationStore.h"
#include "core/verification/RegisterCheckLog.h"
#include "tessera/shared/Loa.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct CheckOutcome {
    MatchOutcome outcome = MatchOutcome::NoMatch;
    std::vector<FieldResult> fields;             // field names and whether they matched, never values
    std::vector<std::string> fallbackQuestions;  // NeedsFallback: placeOfBirth, mothersMaidenName (answer one)
    Loa loa = Loa::Loa0;                         // the account's level after the check
    int attemptsLeft = 0;                        // for this kind of check in the current 24 hours
};

class IdentityChecks {
public:
    IdentityChecks(Context& ctx, RegisterSet& registers, const AssurancePolicy& policy);

    // Conflict "identity_already_matched" when the account already holds a live match.
    Result<CheckOutcome> matchIdentity(const Actor& citizen, const VitalRecordClaim& claim);
    // Conflict "identity_match_required" before matchIdentity has matched.
    Result<CheckOutcome> matchAddress(const Actor& citizen, const AddressClaim& claim);
    // Conflict "identity_match_required" before matchIdentity has matched; Invalid field
    // factType for a type no register holds.
    Result<CheckOutcome> checkKnownFact(const Actor& citizen, const std::string& factType,
                                        const std::string& reference);

    int attemptsLeft(const std::string& accountId, CheckKind kind);

private:
    struct Attempt;
    Result<CheckOutcome> run(const Actor& citizen, CheckKind kind, Attempt& attempt);
    Status ensureAttemptsLeft(Poco::Data::Session& s, const std::string& accountId, CheckKind kind);
    // The person reference of the account's live vital-record match, if any.
    std::optional<std::string> matchedPerson(const std::string& accountId);

    Context& ctx_;
    RegisterSet& registers_;
    AssuranceService assurance_;
    ApplicationStore applications_;
    RegisterCheckLog checks_;
};

}  // namespace tessera::core
