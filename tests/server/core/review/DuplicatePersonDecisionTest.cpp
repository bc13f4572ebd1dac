// Duplicate person: a second account matched a person another account holds. A senior reviewer
// decides: approve = "this account is the person" (the link and the evidence resting on it move
// here, both levels recomputed); reject = the case closes and the holder keeps the person.
#include <catch2/catch.hpp>

#include "core/review/CaseClaims.h"
#include "core/review/ReviewDecisions.h"
#include "support/ReviewBuilders.h"

using namespace tessera;
using namespace tessera::test;
using S = ApplicationState;

TEST_CASE("Approving a duplicate-person case moves the person to the claimant", "[review][decisions][duplicate]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            core::ReviewDecisions decisions(t.ctx(), t.assurance(), [](const auto&) {});
            core::CaseClaims claims(t.ctx());
            auto rita = t.reviewer("rita@example.org");
            auto sam = t.seniorReviewer("sam@example.org");
            const auto holder = t.citizenActor("holder@example.org").accountId;
            const auto claimant = t.citizenActor("claimant@example.org").accountId;
            auto c = makeDuplicateCase(t, holder, claimant);
            REQUIRE(t.loaOf(holder) == 2);
            REQUIRE(t.loaOf(claimant) == 0);
            CHECK(claims.claim(c.id, rita).error().code == "senior_reviewer_required");
            REQUIRE(claims.claim(c.id, sam));

            SECTION("approve: the claimant is the person") {
                auto decided = decisions.decide({c.id, "approve", "", "", "Passport seen in person."}, sam);
                REQUIRE(decided);
                CHECK(decided->application.state == S::Approved);
                CHECK(decided->previousLoa == Loa::Loa0);
                CHECK(decided->loa == Loa::Loa1);  // vital record (moved) + address
                CHECK(t.loaOf(claimant) == 1);
                CHECK(t.loaOf(holder) == 0);
                auto session = t.db().session();
                auto& links = t.assurance().personLinks();
                CHECK(links.accountFor(session, "PR-0001") == claimant);
                CHECK_FALSE(links.keyOf(session, holder));
                int moved = 0;
                for (const auto& e : t.ctx().audit.entriesFor(c.id)) moved += e.event == "review.person_link_moved";
                CHECK(moved == 1);
            }
            SECTION("reject: the holder keeps the person") {
                auto decided = decisions.decide(
                    {c.id, "reject", "duplicate_person", "Another account already holds this identity.", ""}, sam);
                REQUIRE(decided);
                CHECK(decided->application.state == S::Rejected);
                CHECK(t.loaOf(holder) == 2);
                CHECK(t.loaOf(claimant) == 0);
                auto session = t.db().session();
                CHECK(t.assurance().personLinks().accountFor(session, "PR-0001") == holder);
            }
        }
    }
}

TEST_CASE("The account holding the person cannot review its own duplicate case", "[review][decisions][duplicate]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            core::CaseClaims claims(t.ctx());
            auto holder = t.seniorReviewer("holder@example.org");
            const auto claimant = t.citizenActor("claimant@example.org").accountId;
            auto c = makeDuplicateCase(t, holder.accountId, claimant);
            CHECK(claims.claim(c.id, holder).error().code == "conflict_of_interest");
        }
    }
}
