// A decision's draft is checked with the server's rules before it leaves the workstation.
#include <catch2/catch.hpp>

#include "review/DecisionDraft.h"
#include "support/QStringPrinting.h"

using namespace tessera;
using namespace tessera::reviewer;

TEST_CASE("a draft says what is missing for each decision", "[review][decision]") {
    CHECK(draftProblem({ReviewDecision::Approve, std::nullopt, {}, {}}).isEmpty());
    CHECK_FALSE(draftProblem({ReviewDecision::Approve, DecisionReason::Other, {}, {}}).isEmpty());

    CHECK_FALSE(draftProblem({ReviewDecision::Reject, std::nullopt, "Please send a clearer photo.", {}}).isEmpty());
    CHECK(draftProblem({ReviewDecision::Reject, DecisionReason::DocumentUnreadable, " ", {}}).contains("message"));
    CHECK(draftProblem({ReviewDecision::Reject, DecisionReason::DocumentUnreadable, "Please send a clearer photo.", {}})
              .isEmpty());
    // A reason for flags only does not fit a rejection.
    CHECK_FALSE(draftProblem({ReviewDecision::Reject, DecisionReason::NeedsSeniorReview, "Sorry.", {}}).isEmpty());

    CHECK(draftProblem({ReviewDecision::Flag, DecisionReason::NeedsSeniorReview, {}, {}}).contains("note"));
    CHECK(draftProblem({ReviewDecision::Flag, DecisionReason::NeedsSeniorReview, {}, "Second opinion."}).isEmpty());
}

TEST_CASE("a draft longer than the server accepts says how long it may be", "[review][decision]") {
    const QString longMessage(kCitizenMessageMaxChars + 1, QLatin1Char('a'));
    CHECK(draftProblem({ReviewDecision::Reject, DecisionReason::Other, longMessage, {}}).contains("1000"));
    CHECK(draftProblem({ReviewDecision::Reject, DecisionReason::Other, longMessage.left(kCitizenMessageMaxChars), {}})
              .isEmpty());
    const QString longNote(kNoteMaxChars + 1, QLatin1Char('n'));
    CHECK(draftProblem({ReviewDecision::Approve, std::nullopt, {}, longNote}).contains("4000"));
}
