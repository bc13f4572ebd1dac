#pragma once
// Claiming a case: a reviewer takes a case from the queue for a while (settings
// reviewClaimMinutes) so no one else works on it at the same time. Submitted cases move to
// InReview; a flagged case stays Flagged while a senior reviewer holds it (the shared state
// machine has no "flagged and in review" state, and the queue must keep showing it as flagged),
// and goes back to the queue on release. A claim that lapses is free for anyone: taken over
// lazily by the next claim, and released by releaseExpired() (the sweep). Every claim and
// release is audited and in the case history.
#include <cstdint>
#include <string>

#include "core/Context.h"
#include "core/review/ReviewQueue.h"
#include "core/review/ReviewerAccess.h"
#include "core/services/Actor.h"
#include "core/verification/ApplicationStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class CaseClaims {
public:
    explicit CaseClaims(Context& ctx) : ctx_(ctx), store_(ctx.db, ctx.dataKey) {}

    // Forbidden "role_required" | "conflict_of_interest" | "senior_reviewer_required" |
    // "second_opinion_required"; NotFound "case_not_found"; Conflict "case_claimed" (someone else
    // holds it, or won the race for it) | "case_not_claimable" (decided, withdrawn, ...).
    // Claiming a case you hold renews the claim.
    Result<VerificationApplication> claim(const std::string& caseId, const Actor& reviewer);
    // The oldest case this reviewer may claim, matching the filter; NotFound "queue_empty".
    Result<VerificationApplication> claimNext(const Actor& reviewer, const QueueFilter& filter = {});
    // Gives the case back to the queue (Submitted, or Flagged for a flagged case). Conflict
    // "claim_required" unless the reviewer holds it (a lapsed claim of theirs may be released).
    Result<VerificationApplication> release(const std::string& caseId, const Actor& reviewer);
    // The sweep: releases every lapsed claim with a "claim_expired" history event by "system".
    // Returns how many.
    int releaseExpired();

private:
    Result<VerificationApplication> claimChecked(const std::string& caseId, const Actor& reviewer, ReviewerRank rank);
    // Appends the history event and the audit entry of a lapsed claim.
    Status recordLapse(Poco::Data::Session& s, const VerificationApplication& a, std::int64_t now);

    Context& ctx_;
    ApplicationStore store_;
};

}  // namespace tessera::core
