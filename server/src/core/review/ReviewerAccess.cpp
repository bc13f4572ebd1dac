#include "core/review/ReviewerAccess.h"

#include <Poco/Data/Statement.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "core/services/Roles.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

Result<ReviewerRank> reviewerRank(Context& ctx, const std::string& accountId) {
    Roles roles(ctx);
    if (roles.has(accountId, Role::SeniorReviewer)) return ReviewerRank::SeniorReviewer;
    if (roles.has(accountId, Role::Reviewer)) return ReviewerRank::Reviewer;
    return Error::forbidden("role_required", "Reviewing identity evidence needs the reviewer role.");
}

Status checkNoConflictOfInterest(Context& ctx, Poco::Data::Session& s, const VerificationApplication& a,
                                 const std::string& reviewerId) {
    const Error conflict = Error::forbidden(
        "conflict_of_interest", "You cannot review this case: it is your own application or holds evidence you sent.");
    if (a.accountId == reviewerId) return conflict;
    if (a.bundle == EvidenceBundle::DuplicatePerson && linkedAccountOf(a) == reviewerId) return conflict;
    std::string id = a.id, reviewer = reviewerId;
    Poco::Int64 sent = 0;
    s << ctx.db.sql("SELECT COUNT(*) FROM verification_media WHERE application_id = ? AND uploaded_by = ?"), use(id),
        use(reviewer), into(sent), now;
    if (sent > 0) return conflict;
    return {};
}

std::string linkedAccountOf(const VerificationApplication& a) {
    if (a.bundle != EvidenceBundle::DuplicatePerson || a.claims.empty()) return {};
    try {
        auto o = Poco::JSON::Parser().parse(a.claims).extract<Poco::JSON::Object::Ptr>();
        return o->optValue<std::string>("linkedAccountId", "");
    } catch (const std::exception&) {
        return {};
    }
}

Status checkMayReviewFlagged(const VerificationApplication& a, const std::string& reviewerId, ReviewerRank rank) {
    if (a.state != ApplicationState::Flagged) return {};
    if (rank != ReviewerRank::SeniorReviewer)
        return Error::forbidden("senior_reviewer_required", "A flagged case can be reviewed by a senior reviewer only.");
    if (a.flaggedBy == reviewerId)
        return Error::forbidden("second_opinion_required",
                                "You flagged this case: another senior reviewer must review it.");
    return {};
}

bool claimIsLive(const VerificationApplication& a, std::int64_t now) {
    return !a.claimedBy.empty() && now < a.claimExpiresAt;
}

bool holdsLiveClaim(const VerificationApplication& a, const std::string& reviewerId, std::int64_t now) {
    return a.claimedBy == reviewerId && claimIsLive(a, now);
}

Status checkHoldsClaim(const VerificationApplication& a, const std::string& reviewerId, std::int64_t now) {
    if (a.claimedBy == reviewerId && !reviewerId.empty()) {
        if (now < a.claimExpiresAt) return {};
        return Error::conflict("claim_expired", "Your claim on this case has lapsed: claim it again to continue.");
    }
    return Error::conflict("claim_required", "Claim the case before working on it.");
}

Status checkIsCase(const std::optional<VerificationApplication>& a) {
    if (!a || a->state == ApplicationState::Draft)
        return Error::notFound("case_not_found", "There is no such case.");
    return {};
}

}  // namespace tessera::core
