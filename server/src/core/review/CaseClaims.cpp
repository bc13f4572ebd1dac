#include "core/review/CaseClaims.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <vector>

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

// How far claimNext looks down the queue for a case this reviewer may take.
constexpr int kClaimNextPages = 5;

Error claimedByOther() {
    return Error::conflict("case_claimed", "Another reviewer is working on this case.");
}

// A version conflict while claiming means another reviewer claimed it first.
Status asClaimRace(Status s) {
    if (!s && s.error().code == "application_changed") return claimedByOther();
    return s;
}

}  // namespace

Status CaseClaims::recordLapse(Poco::Data::Session& s, const VerificationApplication& a, std::int64_t now) {
    std::string state(toString(a.state));
    CaseEvent e;
    e.applicationId = a.id;
    e.at = now;
    e.actor = "system";
    e.event = "claim_expired";
    e.fromState = state;
    e.toState = a.state == ApplicationState::InReview ? std::string(toString(ApplicationState::Submitted)) : state;
    if (auto appended = store_.appendEvent(s, e); !appended) return appended;
    return ctx_.audit.append(s, {"review.claim_expired", "system", a.id, "", {{"reviewer", a.claimedBy}}});
}

Result<VerificationApplication> CaseClaims::claim(const std::string& caseId, const Actor& reviewer) {
    auto rank = reviewerRank(ctx_, reviewer.accountId);
    if (!rank) return rank.error();
    return claimChecked(caseId, reviewer, *rank);
}

Result<VerificationApplication> CaseClaims::claimChecked(const std::string& caseId, const Actor& reviewer,
                                                         ReviewerRank rank) {
    return ctx_.db.transaction<VerificationApplication>(
        [&](Poco::Data::Session& s) -> Result<VerificationApplication> {
            auto found = store_.find(s, caseId);
            if (auto isCase = checkIsCase(found); !isCase) return isCase.error();
            VerificationApplication a = *found;
            if (auto free = checkNoConflictOfInterest(ctx_, s, a, reviewer.accountId); !free) return free.error();
            if (auto may = checkMayReviewFlagged(a, reviewer.accountId, rank); !may) return may.error();
            const std::int64_t now = ctx_.clock.now();
            ApplicationState from = a.state;
            ApplicationState to = from;
            switch (from) {
                case ApplicationState::Submitted:
                    to = ApplicationState::InReview;
                    if (auto move = checkTransition(from, to); !move) return move.error();
                    break;
                case ApplicationState::InReview:
                case ApplicationState::Flagged:
                    if (claimIsLive(a, now) && a.claimedBy != reviewer.accountId) return claimedByOther();
                    if (!a.claimedBy.empty() && !claimIsLive(a, now)) {
                        // The lapsed claim ends here (a case in review went back to the queue)
                        // and this reviewer's begins.
                        if (auto lapsed = recordLapse(s, a, now); !lapsed) return lapsed.error();
                        if (from == ApplicationState::InReview) from = ApplicationState::Submitted;
                    }
                    break;
                default:
                    return Error::conflict("case_not_claimable", "This case is " + std::string(toString(from)) +
                                                                     " and no longer waits for review.");
            }
            a.state = to;
            a.claimedBy = reviewer.accountId;
            a.claimExpiresAt = now + ctx_.settings.reviewClaimMinutes * 60;
            a.updatedAt = now;
            if (auto updated = asClaimRace(store_.update(s, a)); !updated) return updated.error();
            CaseEvent e;
            e.applicationId = a.id;
            e.at = now;
            e.actor = reviewer.accountId;
            e.event = "claimed";
            e.fromState = toString(from);
            e.toState = toString(to);
            if (auto appended = store_.appendEvent(s, e); !appended) return appended.error();
            if (auto audited = ctx_.audit.append(s, {"review.claimed", reviewer.accountId, a.id,
                                                     reviewer.clientAddress, {{"state", std::string(toString(to))}}});
                !audited)
                return audited.error();
            return a;
        });
}

Result<VerificationApplication> CaseClaims::claimNext(const Actor& reviewer, const QueueFilter& filter) {
    auto rank = reviewerRank(ctx_, reviewer.accountId);
    if (!rank) return rank.error();
    QueuePageRequest request;
    request.filter = filter;
    request.limit = ReviewQueue::kMaxLimit;
    if (request.filter.states.empty()) {
        request.filter.states = {ApplicationState::Submitted, ApplicationState::InReview};
        if (*rank == ReviewerRank::SeniorReviewer) request.filter.states.push_back(ApplicationState::Flagged);
    }
    ReviewQueue queue(ctx_);
    for (int pageNo = 0; pageNo < kClaimNextPages; ++pageNo) {
        auto page = queue.page(reviewer.accountId, request);
        if (!page) return page.error();
        for (const QueueItem& item : page->items) {
            // Cheap skips first; claimChecked decides the rest (conflicts of interest, races).
            if (!item.claimedBy.empty()) continue;
            if (item.state == ApplicationState::Flagged &&
                (*rank != ReviewerRank::SeniorReviewer || item.flaggedBy == reviewer.accountId))
                continue;
            auto claimed = claimChecked(item.id, reviewer, *rank);
            if (claimed) return claimed;
            const ErrorKind kind = claimed.error().kind;
            if (kind != ErrorKind::Conflict && kind != ErrorKind::Forbidden && kind != ErrorKind::NotFound)
                return claimed.error();
        }
        if (page->next.empty()) break;
        request.after = page->next;
    }
    return Error::notFound("queue_empty", "No case is waiting that you can review.");
}

Result<VerificationApplication> CaseClaims::release(const std::string& caseId, const Actor& reviewer) {
    if (auto rank = reviewerRank(ctx_, reviewer.accountId); !rank) return rank.error();
    return ctx_.db.transaction<VerificationApplication>(
        [&](Poco::Data::Session& s) -> Result<VerificationApplication> {
            auto found = store_.find(s, caseId);
            if (auto isCase = checkIsCase(found); !isCase) return isCase.error();
            VerificationApplication a = *found;
            if (a.claimedBy.empty() || a.claimedBy != reviewer.accountId)
                return Error::conflict("claim_required", "You do not hold this case.");
            const std::int64_t now = ctx_.clock.now();
            const ApplicationState from = a.state;
            if (from == ApplicationState::InReview) {
                a.state = ApplicationState::Submitted;
                if (auto move = checkTransition(from, a.state); !move) return move.error();
            }
            a.claimedBy.clear();
            a.claimExpiresAt = 0;
            a.updatedAt = now;
            if (auto updated = store_.update(s, a); !updated) return updated.error();
            CaseEvent e;
            e.applicationId = a.id;
            e.at = now;
            e.actor = reviewer.accountId;
            e.event = "released";
            e.fromState = toString(from);
            e.toState = toString(a.state);
            if (auto appended = store_.appendEvent(s, e); !appended) return appended.error();
            if (auto audited = ctx_.audit.append(s, {"review.released", reviewer.accountId, a.id,
                                                     reviewer.clientAddress, {{"state", std::string(toString(a.state))}}});
                !audited)
                return audited.error();
            return a;
        });
}

int CaseClaims::releaseExpired() {
    const std::int64_t now = ctx_.clock.now();
    std::vector<std::string> ids;
    {
        Poco::Data::Session s = ctx_.db.session();
        Poco::Data::Statement st(s);
        std::string inReview(toString(ApplicationState::InReview)), flagged(toString(ApplicationState::Flagged));
        Poco::Int64 at = now;
        // Few cases are claimed at a time: the queue index's state prefix finds them.
        st << ctx_.db.sql("SELECT id FROM verification_applications WHERE state IN (?, ?) AND claimed_by <> '' "
                          "AND claim_expires_at <= ?"),
            use(inReview), use(flagged), use(at);
        st.execute();
        Poco::Data::RecordSet rs(st);
        for (std::size_t r = 0; r < rs.rowCount(); ++r) ids.push_back(rs.value(0, r).convert<std::string>());
    }
    int released = 0;
    for (const std::string& id : ids) {
        auto done = ctx_.db.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
            auto found = store_.find(s, id);
            // Claimed again, released or decided since the scan: nothing to do.
            if (!found || found->claimedBy.empty() || claimIsLive(*found, now)) return false;
            VerificationApplication a = *found;
            if (auto lapsed = recordLapse(s, a, now); !lapsed) return lapsed.error();
            if (a.state == ApplicationState::InReview) a.state = ApplicationState::Submitted;
            a.claimedBy.clear();
            a.claimExpiresAt = 0;
            a.updatedAt = now;
            if (auto updated = store_.update(s, a); !updated) return updated.error();
            return true;
        });
        if (done && *done) ++released;
    }
    return released;
}

}  // namespace tessera::core
