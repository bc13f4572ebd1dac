#include <catch2/catch.hpp>

#include <set>
#include <utility>

#include "tessera/shared/ApplicationState.h"

using tessera::ApplicationState;
using S = tessera::ApplicationState;

namespace {

// The allowed moves, written out independently of the implementation's table.
const std::set<std::pair<S, S>> kAllowed{
    {S::Draft, S::Submitted},    {S::Draft, S::Withdrawn},
    {S::Submitted, S::InReview}, {S::Submitted, S::Withdrawn}, {S::Submitted, S::Expired},
    {S::InReview, S::Approved},  {S::InReview, S::Rejected},   {S::InReview, S::Flagged},
    {S::InReview, S::Submitted},
    {S::Flagged, S::InReview},   {S::Flagged, S::Approved},    {S::Flagged, S::Rejected},
    {S::Approved, S::Expired},
};

}  // namespace

TEST_CASE("Application states have stable names", "[application-state]") {
    CHECK(tessera::toString(S::Draft) == "draft");
    CHECK(tessera::toString(S::Submitted) == "submitted");
    CHECK(tessera::toString(S::InReview) == "in_review");
    CHECK(tessera::toString(S::Approved) == "approved");
    CHECK(tessera::toString(S::Rejected) == "rejected");
    CHECK(tessera::toString(S::Flagged) == "flagged");
    CHECK(tessera::toString(S::Withdrawn) == "withdrawn");
    CHECK(tessera::toString(S::Expired) == "expired");
    for (S s : tessera::kAllApplicationStates) CHECK(tessera::applicationStateFromString(tessera::toString(s)) == s);
    CHECK_FALSE(tessera::applicationStateFromString("in-review").has_value());
    CHECK_FALSE(tessera::applicationStateFromString("Approved").has_value());
    CHECK_FALSE(tessera::applicationStateFromString("").has_value());
}

TEST_CASE("Every allowed transition is allowed", "[application-state]") {
    for (const auto& [from, to] : kAllowed) {
        INFO(tessera::toString(from) << " -> " << tessera::toString(to));
        CHECK(tessera::canTransition(from, to));
        CHECK(tessera::checkTransition(from, to).ok());
    }
}

TEST_CASE("Every other transition is refused with a conflict naming both states", "[application-state]") {
    int refused = 0;
    for (S from : tessera::kAllApplicationStates)
        for (S to : tessera::kAllApplicationStates) {
            if (kAllowed.count({from, to})) continue;
            INFO(tessera::toString(from) << " -> " << tessera::toString(to));
            CHECK_FALSE(tessera::canTransition(from, to));
            const auto status = tessera::checkTransition(from, to);
            REQUIRE_FALSE(status.ok());
            CHECK(status.error().kind == tessera::ErrorKind::Conflict);
            CHECK(status.error().code == "invalid_state_transition");
            CHECK_THAT(status.error().message, Catch::Contains(std::string(tessera::toString(from))) &&
                                                   Catch::Contains(std::string(tessera::toString(to))));
            ++refused;
        }
    CHECK(refused == 64 - static_cast<int>(kAllowed.size()));
}

TEST_CASE("Typical forbidden moves", "[application-state]") {
    CHECK_FALSE(tessera::canTransition(S::Draft, S::Approved));       // no review skipped
    CHECK_FALSE(tessera::canTransition(S::Submitted, S::Approved));   // must be claimed first
    CHECK_FALSE(tessera::canTransition(S::Rejected, S::InReview));    // decisions are final
    CHECK_FALSE(tessera::canTransition(S::Approved, S::Rejected));
    CHECK_FALSE(tessera::canTransition(S::Withdrawn, S::Submitted));
    CHECK_FALSE(tessera::canTransition(S::Expired, S::Draft));
    CHECK_FALSE(tessera::canTransition(S::Flagged, S::Submitted));
    CHECK_FALSE(tessera::canTransition(S::InReview, S::InReview));    // staying put is not a move
    CHECK(tessera::checkTransition(S::Approved, S::InReview).error().message ==
          "A verification application cannot move from 'approved' to 'in_review'.");
}

TEST_CASE("allowedTransitions lists exactly the allowed moves", "[application-state]") {
    for (S from : tessera::kAllApplicationStates) {
        std::size_t expected = 0;
        for (const auto& move : kAllowed) expected += move.first == from ? 1 : 0;
        CHECK(tessera::allowedTransitions(from).size() == expected);
        for (S to : tessera::allowedTransitions(from)) CHECK(kAllowed.count({from, to}) == 1);
    }
}

TEST_CASE("Settled outcomes are terminal", "[application-state]") {
    CHECK(tessera::isTerminal(S::Approved));
    CHECK(tessera::isTerminal(S::Rejected));
    CHECK(tessera::isTerminal(S::Withdrawn));
    CHECK(tessera::isTerminal(S::Expired));
    CHECK_FALSE(tessera::isTerminal(S::Draft));
    CHECK_FALSE(tessera::isTerminal(S::Submitted));
    CHECK_FALSE(tessera::isTerminal(S::InReview));
    CHECK_FALSE(tessera::isTerminal(S::Flagged));
    // Terminal states go nowhere, except that an approval lapses when its evidence expires.
    CHECK(tessera::allowedTransitions(S::Rejected).empty());
    CHECK(tessera::allowedTransitions(S::Withdrawn).empty());
    CHECK(tessera::allowedTransitions(S::Expired).empty());
    CHECK(tessera::allowedTransitions(S::Approved).size() == 1);
}
