#pragma once
// What a reviewer decides about a verification application, and the coded reasons that
// go with a rejection or a flag. Codes are stable (API, database, audit); the English
// texts are defaults for people and may be translated by the programs that show them.
#include <optional>
#include <span>
#include <string_view>

#include "tessera/shared/ApplicationState.h"
#include "tessera/shared/Result.h"

namespace tessera {

enum class ReviewDecision { Approve, Reject, Flag };

// "approve", "reject", "flag".
std::string_view toString(ReviewDecision decision);
std::optional<ReviewDecision> reviewDecisionFromString(std::string_view name);
// The state an application under review moves to on this decision.
ApplicationState resultingState(ReviewDecision decision);

enum class DecisionReason {
    DocumentUnreadable,
    DocumentExpired,
    PhotoMismatch,
    VideoUnclear,
    DetailsMismatch,
    SuspectedFraud,
    DuplicatePerson,
    NeedsSeniorReview,
    Other
};

struct DecisionReasonInfo {
    DecisionReason reason;
    std::string_view code;  // "document_unreadable", ...
    std::string_view text;  // one English sentence
    bool forReject;
    bool forFlag;
};

// Every reason, in the order a reviewer sees them.
std::span<const DecisionReasonInfo> allDecisionReasons();
const DecisionReasonInfo& infoFor(DecisionReason reason);

std::string_view toString(DecisionReason reason);
std::string_view describe(DecisionReason reason);
std::optional<DecisionReason> decisionReasonFromString(std::string_view code);

// Approvals take no reason; a reason applies to a rejection, a flag, or both.
bool appliesTo(DecisionReason reason, ReviewDecision decision);

// Checks a decision's reason: none for an approval, one that applies for a rejection or
// a flag. Field errors are reported against `field`.
Status checkDecisionReason(ReviewDecision decision, std::optional<DecisionReason> reason,
                           std::string_view field = "reason");

}  // namespace tessera
