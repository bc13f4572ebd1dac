// Housekeeping, on both backends: drafts left too long are withdrawn, media of settled
// applications are deleted after the retention period (blobs too), and lapsed evidence
// lowers levels.
#include <catch2/catch.hpp>

#include "core/verification/ApplicationStore.h"
#include "core/verification/VerificationSweeper.h"
#include "support/VerificationBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::VerificationSweeper;

namespace {
constexpr std::int64_t kDay = 24 * 60 * 60;
}

TEST_CASE("A draft left longer than the expiry period is withdrawn by the system", "[verification][sweeper]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            v.settings().draftExpiryDays = 30;
            auto citizen = makeCitizenAtLoa1(v, moragCampbell(), "morag@example.org");
            auto other = makeCitizenAtLoa1(v, williamFraser(), "william@example.org");
            ApplicationSpec draft;
            draft.state = ApplicationState::Draft;
            auto old = makeApplication(v, citizen.id, draft);
            v.clock().advance(20 * kDay);
            auto recent = makeApplication(v, other.id, draft);
            v.clock().advance(10 * kDay);

            VerificationSweeper sweeper(v.ctx(), v.blobs(), v.policy());
            auto r = sweeper.run(v.clock().now());
            REQUIRE(r.ok());
            CHECK(r->draftsExpired == 1);
            core::ApplicationStore store(v.db(), v.ctx().dataKey);
            auto expired = store.find(old.id);
            CHECK(expired->state == ApplicationState::Withdrawn);
            CHECK(expired->decidedBy == "system");
            auto history = store.events(old.id);
            CHECK(history.back().event == "expired_draft");
            CHECK(history.back().actor == "system");
            CHECK(store.find(recent.id)->state == ApplicationState::Draft);

            auto again = sweeper.run(v.clock().now());
            REQUIRE(again.ok());
            CHECK(again->draftsExpired == 0);
        }
    }
}

TEST_CASE("Media of decided applications are deleted after the retention period", "[verification][sweeper]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            v.settings().mediaRetentionDays = 90;
            auto citizen = makeCitizenAtLoa1(v, moragCampbell(), "morag@example.org");
            auto other = makeCitizenAtLoa1(v, williamFraser(), "william@example.org");
            ApplicationSpec rejected;
            rejected.state = ApplicationState::Rejected;
            auto decided = makeApplication(v, citizen.id, rejected);
            ApplicationSpec flagged;
            flagged.state = ApplicationState::Flagged;
            auto open = makeApplication(v, other.id, flagged);  // still being reviewed: kept
            CHECK(v.blobFileCount() == 6);

            VerificationSweeper sweeper(v.ctx(), v.blobs(), v.policy());
            auto early = sweeper.run(v.clock().now() + 89 * kDay);
            REQUIRE(early.ok());
            CHECK(early->applicationsPurged == 0);
            CHECK(v.blobFileCount() == 6);

            v.clock().advance(91 * kDay);
            auto r = sweeper.run(v.clock().now());
            REQUIRE(r.ok());
            CHECK(r->applicationsPurged == 1);
            CHECK(r->blobsRemoved == 3);
            CHECK(v.blobFileCount() == 3);
            core::ApplicationStore store(v.db(), v.ctx().dataKey);
            CHECK(store.media(decided.id).empty());
            CHECK(store.find(decided.id)->mediaDeletedAt == v.clock().now());
            CHECK(store.find(decided.id)->state == ApplicationState::Rejected);
            CHECK(store.events(decided.id).back().event == "media_deleted");
            CHECK(store.media(open.id).size() == 3);

            auto again = sweeper.run(v.clock().now() + 60);
            REQUIRE(again.ok());
            CHECK(again->applicationsPurged == 0);
        }
    }
}

TEST_CASE("The sweep lowers the level of an account whose evidence lapsed", "[verification][sweeper]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            auto citizen = makeCitizenAtLoa1(v, moragCampbell(), "morag@example.org");
            giveEvidence(v.ctx(), v.policy(), citizen.id, core::EvidenceKind::KnownFact, v.clock().now() + kDay);
            CHECK(storedLoa(v.ctx(), citizen.id) == 2);
            VerificationSweeper sweeper(v.ctx(), v.blobs(), v.policy());
            v.clock().advance(2 * kDay);
            auto r = sweeper.run(v.clock().now());
            REQUIRE(r.ok());
            CHECK(r->evidenceLapsed == 1);
            CHECK(r->levelsChanged == 1);
            CHECK(storedLoa(v.ctx(), citizen.id) == 1);
        }
    }
}
