#include "tessera/shared/DecisionReason.h"

#include <array>
#include <string>

namespace tessera {
namespace {

using R = DecisionReason;

// In enum order, so infoFor can index it.
constexpr std::array<DecisionReasonInfo, 9> kReasons{{
    {R::DocumentUnreadable, "document_unreadable",
     "The document photos cannot be read clearly.", true, false},
    {R::DocumentExpired, "document_expired", "The document has expired.", true, false},
    {R::PhotoMismatch, "photo_mismatch",
     "The person in the selfie video does not match the document photo.", true, true},
    {R::VideoUnclear, "video_unclear",
     "The selfie video is too dark, blurred or short to compare.", true, false},
    {R::DetailsMismatch, "details_mismatch",
     "The details on the document do not match the details given.", true, true},
    {R::SuspectedFraud, "suspected_fraud",
     "The document or video may have been forged or altered.", true, true},
    {R::DuplicatePerson, "duplicate_person",
     "Another account already holds this person's identity.", true, true},
    {R::NeedsSeniorReview, "needs_senior_review",
     "The case needs a senior reviewer's judgement.", false, true},
    {R::Other, "other", "Another reason, explained in the note.", true, true},
}};

constexpr std::array<std::string_view, 3> kDecisionNames{"approve", "reject", "flag"};

}  // namespace

std::string_view toString(ReviewDecision decision) {
    return kDecisionNames[static_cast<std::size_t>(decision)];
}

std::optional<ReviewDecision> reviewDecisionFromString(std::string_view name) {
    for (std::size_t i = 0; i < kDecisionNames.size(); ++i)
        if (kDecisionNames[i] == name) return static_cast<ReviewDecision>(i);
    return std::nullopt;
}

ApplicationState resultingState(ReviewDecision decision) {
    switch (decision) {
        case ReviewDecision::Approve: return ApplicationState::Approved;
        case ReviewDecision::Reject: return ApplicationState::Rejected;
        case ReviewDecision::Flag: return ApplicationState::Flagged;
    }
    return ApplicationState::Flagged;  // unreachable; keeps -Wreturn-type quiet
}

std::span<const DecisionReasonInfo> allDecisionReasons() { return kReasons; }

const DecisionReasonInfo& infoFor(DecisionReason reason) { return kReasons[static_cast<std::size_t>(reason)]; }

std::string_view toString(DecisionReason reason) { return infoFor(reason).code; }

std::string_view describe(DecisionReason reason) { return infoFor(reason).text; }

std::optional<DecisionReason> decisionReasonFromString(std::string_view code) {
    for (const auto& info : kReasons)
        if (info.code == code) return info.reason;
    return std::nullopt;
}

bool appliesTo(DecisionReason reason, ReviewDecision decision) {
    switch (decision) {
        case ReviewDecision::Approve: return false;
        case ReviewDecision::Reject: return infoFor(reason).forReject;
        case ReviewDecision::Flag: return infoFor(reason).forFlag;
    }
    return false;
}

Status checkDecisionReason(ReviewDecision decision, std::optional<DecisionReason> reason,
                           std::string_view field) {
    const std::string f(field);
    if (decision == ReviewDecision::Approve) {
        if (reason) return Error::field(f, "not_allowed", "An approval does not take a reason.");
        return Status::success();
    }
    if (!reason) return Error::field(f, "required", "Choose a reason for the decision.");
    if (!appliesTo(*reason, decision)) {
        std::string message = "The reason '";
        message += toString(*reason);
        message += "' cannot be used to ";
        message += toString(decision);
        message += " an application.";
        return Error::field(f, "not_applicable", std::move(message));
    }
    return Status::success();
}

}  // namespace tessera
