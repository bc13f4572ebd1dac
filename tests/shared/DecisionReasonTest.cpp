#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tessera/shared/DecisionReason.h"

using tessera::DecisionReason;
using tessera::ReviewDecision;

TEST_CASE("Review decisions have stable names and resulting states", "[decision]") {
    CHECK(tessera::toString(ReviewDecision::Approve) == "approve");
    CHECK(tessera::toString(ReviewDecision::Reject) == "reject");
    CHECK(tessera::toString(ReviewDecision::Flag) == "flag");
    CHECK(tessera::reviewDecisionFromString("reject") == ReviewDecision::Reject);
    CHECK_FALSE(tessera::reviewDecisionFromString("approved").has_value());
    CHECK(tessera::resultingState(ReviewDecision::Approve) == tessera::ApplicationState::Approved);
    CHECK(tessera::resultingState(ReviewDecision::Reject) == tessera::ApplicationState::Rejected);
    CHECK(tessera::resultingState(ReviewDecision::Flag) == tessera::ApplicationState::Flagged);
    // Every decision is a move the review table allows from in_review.
    for (auto d : {ReviewDecision::Approve, ReviewDecision::Reject, ReviewDecision::Flag})
        CHECK(tessera::canTransition(tessera::ApplicationState::InReview, tessera::resultingState(d)));
}

TEST_CASE("Reason codes are unique, described and round-trip", "[decision]") {
    std::set<std::string> codes;
    for (const auto& info : tessera::allDecisionReasons()) {
        INFO(info.code);
        CHECK(codes.insert(std::string(info.code)).second);
        CHECK_FALSE(info.text.empty());
        CHECK((info.forReject || info.forFlag));
        CHECK(tessera::decisionReasonFromString(info.code) == info.reason);
        CHECK(tessera::toString(info.reason) == info.code);
        CHECK(tessera::describe(info.reason) == info.text);
        CHECK(&tessera::infoFor(info.reason) == &info);
    }
    for (const char* code : {"document_unreadable", "document_expired", "photo_mismatch", "video_unclear",
                             "details_mismatch", "suspected_fraud", "duplicate_person", "other"})
        CHECK(codes.count(code) == 1);
    CHECK_FALSE(tessera::decisionReasonFromString("Photo_Mismatch").has_value());
    CHECK_FALSE(tessera::decisionReasonFromString("").has_value());
}

TEST_CASE("Reasons apply to rejections, flags or both", "[decision]") {
    CHECK(tessera::appliesTo(DecisionReason::DocumentUnreadable, ReviewDecision::Reject));
    CHECK_FALSE(tessera::appliesTo(DecisionReason::DocumentUnreadable, ReviewDecision::Flag));
    CHECK(tessera::appliesTo(DecisionReason::SuspectedFraud, ReviewDecision::Flag));
    CHECK(tessera::appliesTo(DecisionReason::SuspectedFraud, ReviewDecision::Reject));
    CHECK(tessera::appliesTo(DecisionReason::NeedsSeniorReview, ReviewDecision::Flag));
    CHECK_FALSE(tessera::appliesTo(DecisionReason::NeedsSeniorReview, ReviewDecision::Reject));
    for (const auto& info : tessera::allDecisionReasons())
        CHECK_FALSE(tessera::appliesTo(info.reason, ReviewDecision::Approve));
}

TEST_CASE("A decision's reason is checked", "[decision]") {
    CHECK(tessera::checkDecisionReason(ReviewDecision::Approve, std::nullopt).ok());
    CHECK(tessera::checkDecisionReason(ReviewDecision::Reject, DecisionReason::PhotoMismatch).ok());
    CHECK(tessera::checkDecisionReason(ReviewDecision::Flag, DecisionReason::DuplicatePerson).ok());

    const auto approveWithReason = tessera::checkDecisionReason(ReviewDecision::Approve, DecisionReason::Other);
    REQUIRE_FALSE(approveWithReason.ok());
    CHECK(approveWithReason.error().fields.at(0).code == "not_allowed");

    const auto rejectWithout = tessera::checkDecisionReason(ReviewDecision::Reject, std::nullopt);
    REQUIRE_FALSE(rejectWithout.ok());
    CHECK(rejectWithout.error().fields.at(0).field == "reason");
    CHECK(rejectWithout.error().fields.at(0).code == "required");

    const auto wrongKind =
        tessera::checkDecisionReason(ReviewDecision::Flag, DecisionReason::VideoUnclear, "decision.reason");
    REQUIRE_FALSE(wrongKind.ok());
    CHECK(wrongKind.error().kind == tessera::ErrorKind::Invalid);
    CHECK(wrongKind.error().fields.at(0).field == "decision.reason");
    CHECK(wrongKind.error().fields.at(0).code == "not_applicable");
}
