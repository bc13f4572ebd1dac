#include "core/review/ReviewDecisions.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>

#include <algorithm>
#include <sstream>
#include <vector>

#include "core/review/DocumentExpiry.h"
#include "core/review/ReviewText.h"
#include "core/review/ReviewerAccess.h"
#include "core/verification/VerificationMail.h"

namespace tessera::core {

namespace {

struct ParsedDecision {
    ReviewDecision decision = ReviewDecision::Approve;
    std::optional<DecisionReason> reason;
    std::string message, note;
};

// Every field problem at once, as a form would show them.
Result<ParsedDecision> parse(const DecisionRequest& r) {
    std::vector<FieldError> errors;
    auto take = [&](const Error& e) {
        for (const auto& f : e.fields) errors.push_back(f);
    };
    ParsedDecision p;
    auto decision = reviewDecisionFromString(r.decision);
    if (!decision) {
        errors.push_back({"decision", "invalid", "Choose approve, reject or flag."});
        return Error::invalid("validation_failed", "Some fields need to be corrected.", std::move(errors));
    }
    p.decision = *decision;
    if (!r.reason.empty()) {
        p.reason = decisionReasonFromString(r.reason);
        if (!p.reason) errors.push_back({"reason", "unknown", "Choose one of the listed reasons."});
    }
    if (r.reason.empty() || p.reason)
        if (auto ok = checkDecisionReason(p.decision, p.reason); !ok) take(ok.error());
    const bool reject = p.decision == ReviewDecision::Reject, flag = p.decision == ReviewDecision::Flag;
    if (!reject && !r.message.empty()) {
        errors.push_back({"message", "not_allowed", "Only a rejection carries a message to the citizen."});
    } else {
        auto message = checkReviewText(r.message, "message", kCitizenMessageMaxChars, reject);
        if (message) p.message = *message; else take(message.error());
    }
    auto note = checkReviewText(r.note, "note", kNoteMaxChars, flag);
    if (note) p.note = *note; else take(note.error());
    if (!errors.empty()) return Error::invalid("validation_failed", "Some fields need to be corrected.", std::move(errors));
    return p;
}

std::string eventFor(ReviewDecision d) {
    switch (d) {
        case ReviewDecision::Approve: return "approved";
        case ReviewDecision::Reject: return "rejected";
        case ReviewDecision::Flag: return "flagged";
    }
    return "flagged";
}

std::string json(const Poco::JSON::Object& o) {
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

std::string personRefOf(const Evidence& e) {
    try {
        auto o = Poco::JSON::Parser().parse(e.details).extract<Poco::JSON::Object::Ptr>();
        return o->optValue<std::string>("personRef", "");
    } catch (const std::exception&) {
        return {};
    }
}

}  // namespace

ReviewDecisions::ReviewDecisions(Context& ctx, AssuranceService& assurance, Notifier notify)
    : ctx_(ctx), assurance_(assurance), notify_(std::move(notify)), store_(ctx.db, ctx.dataKey) {
    if (!notify_)
        notify_ = [&ctx](const VerificationApplication& a) {
            if (auto sent = notifyDecision(ctx, a); !sent)
                Poco::Logger::get("tessera.review")
                    .warning("decision mail for case " + a.id + " not sent: " + sent.error().code);
        };
}

Result<DecisionOutcome> ReviewDecisions::decide(const DecisionRequest& request, const Actor& reviewer) {
    return decideWith(request, reviewer, {});
}

Result<IdempotentAnswer> ReviewDecisions::decideOnce(
    const DecisionRequest& request, const Actor& reviewer, IdempotentRequests& requests,
    const IdempotencyScope& scope, std::string_view key, std::string_view requestHash,
    const std::function<StoredResponse(const DecisionOutcome&)>& render) {
    auto begun = requests.begin(scope, key, requestHash);
    if (!begun) return begun.error();
    if (auto* replay = std::get_if<Replay>(&*begun)) return IdempotentAnswer{replay->response, true};
    const IdempotencyToken token = std::get<IdempotencyToken>(*begun);
    StoredResponse answer;
    auto decided = decideWith(request, reviewer, [&](Poco::Data::Session& s, const DecisionOutcome& o) -> Status {
        answer = render(o);
        return requests.complete(s, token, answer.status, answer.body);
    });
    if (!decided) {
        requests.abandon(token);
        return decided.error();
    }
    return IdempotentAnswer{answer, false};
}

Result<DecisionOutcome> ReviewDecisions::decideWith(const DecisionRequest& request, const Actor& reviewer,
                                                    const Recorder& record) {
    auto rank = reviewerRank(ctx_, reviewer.accountId);
    if (!rank) return rank.error();
    auto parsed = parse(request);
    if (!parsed) return parsed.error();
    const ParsedDecision& p = *parsed;

    auto decided = ctx_.db.transaction<DecisionOutcome>([&](Poco::Data::Session& s) -> Result<DecisionOutcome> {
        auto found = store_.find(s, request.caseId);
        if (auto isCase = checkIsCase(found); !isCase) return isCase.error();
        VerificationApplication a = *found;
        if (auto free = checkNoConflictOfInterest(ctx_, s, a, reviewer.accountId); !free) return free.error();
        if (auto may = checkMayReviewFlagged(a, reviewer.accountId, *rank); !may) return may.error();
        const std::int64_t now = ctx_.clock.now();
        if (auto holds = checkHoldsClaim(a, reviewer.accountId, now); !holds) return holds.error();
        const ApplicationState from = a.state, to = resultingState(p.decision);
        if (auto move = checkTransition(from, to); !move) return move.error();

        auto account = ctx_.accounts.findById(s, a.accountId);
        if (!account) return Error::notFound("account_not_found", "The citizen's account no longer exists.");
        DecisionOutcome outcome;
        outcome.previousLoa = loaFromInt(account->loa).value_or(Loa::Loa0);
        outcome.loa = outcome.previousLoa;

        a.state = to;
        a.claimedBy.clear();
        a.claimExpiresAt = 0;
        a.updatedAt = now;
        const std::string reasonCode = p.reason ? std::string(toString(*p.reason)) : std::string();
        if (p.decision == ReviewDecision::Flag) {
            a.flaggedBy = reviewer.accountId;
            a.flagReason = reasonCode;
        } else {
            a.decisionReason = reasonCode;
            a.decisionMessage = p.message;
            a.decidedBy = reviewer.accountId;
            a.decidedAt = now;
        }
        if (auto updated = store_.update(s, a); !updated) return updated.error();
        CaseEvent e;
        e.applicationId = a.id;
        e.at = now;
        e.actor = reviewer.accountId;
        e.event = eventFor(p.decision);
        e.fromState = toString(from);
        e.toState = toString(to);
        e.reason = reasonCode;
        e.note = p.note;
        if (auto appended = store_.appendEvent(s, e); !appended) return appended.error();
        if (p.decision == ReviewDecision::Approve) {
            auto change = applyApproval(s, a, reviewer, now);
            if (!change) return change.error();
            outcome.loa = change->to;
        }
        std::map<std::string, std::string> details{{"decision", std::string(toString(p.decision))},
                                                   {"state", std::string(toString(to))}};
        if (!reasonCode.empty()) details["reason"] = reasonCode;
        if (auto audited = ctx_.audit.append(s, {"review.decided", reviewer.accountId, a.id, reviewer.clientAddress,
                                                 std::move(details)});
            !audited)
            return audited.error();
        outcome.application = a;
        if (record)
            if (auto recorded = record(s, outcome); !recorded) return recorded.error();
        return outcome;
    });
    if (decided && decided->application.state != ApplicationState::Flagged) {
        try {
            notify_(decided->application);
        } catch (const std::exception& e) {
            Poco::Logger::get("tessera.review").warning("decision notification failed for case " +
                                                        decided->application.id + ": " + e.what());
        }
    }
    return decided;
}

Result<LevelChange> ReviewDecisions::applyApproval(Poco::Data::Session& s, const VerificationApplication& a,
                                                   const Actor& reviewer, std::int64_t now) {
    if (a.bundle == EvidenceBundle::DuplicatePerson) return movePersonLink(s, a, reviewer, now);
    auto document = store_.document(a.id);
    if (!document) return Error::conflict("document_missing", "The case has no identity document to approve.");
    auto lapses = documentLapsesAt(document->expiryDate);
    if (!lapses || *lapses <= now)
        return Error::conflict("document_expired",
                               "The document has expired: reject the case with the reason document_expired.");
    Evidence e;
    e.accountId = a.accountId;
    e.kind = a.bundle == EvidenceBundle::DocumentVideo ? EvidenceKind::DocumentReview : EvidenceKind::PhotoReview;
    e.reference = a.id;
    e.verifiedAt = now;
    e.expiresAt = std::min(*lapses + ctx_.settings.documentGraceDays * 86400,
                           now + ctx_.settings.reviewEvidenceDays * 86400);
    Poco::JSON::Object details;
    details.set("application", a.id);
    details.set("bundle", std::string(toString(a.bundle)));
    details.set("documentType", document->documentType);
    details.set("reviewer", reviewer.accountId);
    e.details = json(details);
    return assurance_.addEvidence(s, e, reviewer.accountId);
}

Result<LevelChange> ReviewDecisions::movePersonLink(Poco::Data::Session& s, const VerificationApplication& a,
                                                    const Actor& reviewer, std::int64_t now) {
    // The case names the account that holds the person (core/verification IdentityChecks); that
    // account's vital-record evidence holds the person reference (sealed at rest).
    const std::string holder = linkedAccountOf(a);
    std::optional<std::string> personRef;
    std::vector<std::string> toRevoke;
    if (!holder.empty() && holder != a.accountId) {
        for (const Evidence& e : assurance_.evidence().activeFor(s, holder, now)) {
            if (e.kind != EvidenceKind::VitalRecord && e.kind != EvidenceKind::KnownFact) continue;
            const std::string ref = personRefOf(e);
            if (e.kind == EvidenceKind::VitalRecord && !ref.empty()) personRef = ref;
            // Known facts were checked as belonging to that person: they go with the link.
            toRevoke.push_back(e.id);
        }
    }
    PersonLinks& links = assurance_.personLinks();
    auto owner = personRef ? links.accountFor(s, *personRef) : std::nullopt;
    if (!personRef || owner != holder) {
        // The other account no longer holds the person (it was closed or unlinked since): there
        // is nothing to move; the citizen's next register check links the person normally.
        return assurance_.recompute(s, a.accountId, reviewer.accountId);
    }
    if (!links.unlink(s, holder)) return Error::conflict("application_changed", "The person link changed meanwhile.");
    for (const std::string& id : toRevoke) {
        auto revoked = assurance_.revokeEvidence(s, holder, id, "duplicate_person_resolved", reviewer.accountId);
        if (!revoked) return revoked.error();
    }
    if (auto linked = links.link(s, a.accountId, *personRef, now); !linked) return linked.error();
    Evidence e;
    e.accountId = a.accountId;
    e.kind = EvidenceKind::VitalRecord;
    e.reference = links.keyFor(*personRef);  // as IdentityChecks records it: never the reference in clear
    Poco::JSON::Object details;
    details.set("personRef", *personRef);
    details.set("matchedFields", Poco::JSON::Array());
    details.set("resolvedByCase", a.id);
    e.details = json(details);
    e.verifiedAt = now;
    e.expiresAt = ctx_.settings.registerEvidenceDays > 0 ? now + ctx_.settings.registerEvidenceDays * 86400 : 0;
    auto change = assurance_.addEvidence(s, e, reviewer.accountId);
    if (!change) return change.error();
    if (auto audited = ctx_.audit.append(s, {"review.person_link_moved", reviewer.accountId, a.id,
                                             reviewer.clientAddress, {{"from", holder}, {"to", a.accountId}}});
        !audited)
        return audited.error();
    return change;
}

}  // namespace tessera::core
