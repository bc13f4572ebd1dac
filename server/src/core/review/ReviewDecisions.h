#pragma once
// A reviewer's decision on a case they hold: approve, reject (with a reason from shared/ and a
// message to the citizen) or flag for a senior reviewer (with a reason and a note). Rules:
//  - only the reviewer holding a live claim decides (Conflict "claim_required" / "claim_expired");
//  - a flagged case only by a senior reviewer other than the one who flagged it;
//  - never on one's own application or evidence one uploaded (Forbidden "conflict_of_interest");
//  - the moves are those of shared/ApplicationState.h, the reasons those of DecisionReason.h.
// Approval records the evidence the level of assurance is derived from, in the same
// transaction: document + video -> document_review, document photos -> photo_review, lapsing
// at the document's expiry (plus settings documentGraceDays) or after reviewEvidenceDays,
// whichever is sooner; an expired document is refused (reject it instead). A duplicate-person
// case approved means "this account is the person": the person link moves to it from the
// account that held it, with the vital-record evidence (and the known facts resting on the
// person), and both levels are recomputed; if the other account no longer holds the person,
// approval only closes the case (the citizen's next register check links it). Rejected, the
// case closes and the holder keeps the person.
// Every decision is audited ("review.decided": case, decision, reason; nothing personal) and
// in the case history; the citizen is emailed after the commit (approvals and rejections).
//
// With an Idempotency-Key (decideOnce) the answer is stored in the decision's transaction, so
// a repeat gets the first answer and the decision is never applied twice.
#include <Poco/Data/Session.h>

#include <functional>
#include <optional>
#include <string>

#include "core/Context.h"
#include "core/assurance/AssuranceService.h"
#include "core/requests/IdempotentRequests.h"
#include "core/services/Actor.h"
#include "core/verification/ApplicationStore.h"
#include "tessera/shared/DecisionReason.h"
#include "tessera/shared/Loa.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct DecisionRequest {
    std::string caseId;
    std::string decision;  // "approve" | "reject" | "flag"
    std::string reason;    // a DecisionReason code; empty for an approval
    std::string message;   // to the citizen: required for a rejection, not allowed otherwise
    std::string note;      // for the case history: required for a flag, optional otherwise
};

struct DecisionOutcome {
    VerificationApplication application;  // as decided
    Loa loa = Loa::Loa0;                  // the account's level after the decision
    Loa previousLoa = Loa::Loa0;
};

struct IdempotentAnswer {
    StoredResponse response;
    bool replayed = false;  // the stored answer of an earlier identical request
};

class ReviewDecisions {
public:
    // Called after a decision commits (default: verification's notifyDecision, which emails the
    // citizen on approval and rejection). Its failure never undoes the decision.
    using Notifier = std::function<void(const VerificationApplication&)>;

    ReviewDecisions(Context& ctx, AssuranceService& assurance, Notifier notify = {});

    // Forbidden "role_required" | "conflict_of_interest" | "senior_reviewer_required" |
    // "second_opinion_required"; NotFound "case_not_found"; Conflict "claim_required" |
    // "claim_expired" | "invalid_state_transition" | "document_expired" | "application_changed";
    // Invalid with field errors (decision, reason, message, note) listed together.
    Result<DecisionOutcome> decide(const DecisionRequest& request, const Actor& reviewer);

    // decide() under an Idempotency-Key: `render` turns the outcome into the answer to store and
    // return. The errors of IdempotentRequests::begin, then those of decide() (not stored: a
    // refused decision changed nothing and may be sent again).
    Result<IdempotentAnswer> decideOnce(const DecisionRequest& request, const Actor& reviewer,
                                        IdempotentRequests& requests, const IdempotencyScope& scope,
                                        std::string_view key, std::string_view requestHash,
                                        const std::function<StoredResponse(const DecisionOutcome&)>& render);

private:
    using Recorder = std::function<Status(Poco::Data::Session&, const DecisionOutcome&)>;
    Result<DecisionOutcome> decideWith(const DecisionRequest& request, const Actor& reviewer, const Recorder& record);
    // The evidence an approval gives, and the new level; for a duplicate case, the link move.
    Result<LevelChange> applyApproval(Poco::Data::Session& s, const VerificationApplication& a, const Actor& reviewer,
                                      std::int64_t now);
    Result<LevelChange> movePersonLink(Poco::Data::Session& s, const VerificationApplication& a,
                                       const Actor& reviewer, std::int64_t now);

    Context& ctx_;
    AssuranceService& assurance_;
    Notifier notify_;
    ApplicationStore store_;
};

}  // namespace tessera::core
