#pragma once
// Who may work on a case, shared by every review service: the reviewer roles, the
// conflict-of-interest rule (never your own application, nor one holding media you uploaded),
// the senior second opinion on flagged cases, and whether a reviewer holds a live claim.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>

#include "core/Context.h"
#include "core/verification/VerificationApplication.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

enum class ReviewerRank { Reviewer, SeniorReviewer };

// Forbidden "role_required" unless the account holds reviewer or senior_reviewer.
Result<ReviewerRank> reviewerRank(Context& ctx, const std::string& accountId);

// Forbidden "conflict_of_interest" when the case is the reviewer's own application, holds
// media the reviewer uploaded, or (a duplicate-person case) would decide about the reviewer's
// own account. Reads in the caller's session so the answer holds for its change.
Status checkNoConflictOfInterest(Context& ctx, Poco::Data::Session& s, const VerificationApplication& a,
                                 const std::string& reviewerId);

// A flagged case needs a second opinion: Forbidden "senior_reviewer_required" for a reviewer,
// Forbidden "second_opinion_required" for the senior reviewer who flagged it. Other states: ok.
Status checkMayReviewFlagged(const VerificationApplication& a, const std::string& reviewerId, ReviewerRank rank);

// Someone holds the case and the claim has not lapsed.
bool claimIsLive(const VerificationApplication& a, std::int64_t now);
bool holdsLiveClaim(const VerificationApplication& a, const std::string& reviewerId, std::int64_t now);
// Conflict "claim_expired" when the reviewer's own claim lapsed, "claim_required" when the
// reviewer does not hold the case.
Status checkHoldsClaim(const VerificationApplication& a, const std::string& reviewerId, std::int64_t now);

// A duplicate-person case: the account that already holds the person (from the case's claims),
// or empty.
std::string linkedAccountOf(const VerificationApplication& a);

// NotFound "case_not_found"; Draft applications are the citizen's and not yet a case.
Status checkIsCase(const std::optional<VerificationApplication>& a);

}  // namespace tessera::core
