// The review queue: reviewers list the cases waiting, filtered and sorted, a page at a time,
// and see how many cases are in each state; the list names no one.
#include <catch2/catch.hpp>

#include <set>

#include "core/review/CaseClaims.h"
#include "core/review/ReviewQueue.h"
#include "support/ReviewBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::EvidenceBundle;
using core::QueueOrder;
using core::QueuePageRequest;
using S = ApplicationState;

namespace {

std::vector<std::string> idsOf(const core::QueuePage& page) {
    std::vector<std::string> ids;
    for (const auto& item : page.items) ids.push_back(item.id);
    return ids;
}

// Every page of the queue, following the cursors.
std::vector<std::string> walk(core::ReviewQueue& queue, const std::string& reviewer, QueuePageRequest request) {
    std::vector<std::string> all;
    for (int guard = 0; guard < 1000; ++guard) {
        auto page = queue.list(reviewer, request);
        REQUIRE(page);
        CHECK(page->items.size() <= std::size_t(request.limit));
        for (const auto& id : idsOf(*page)) all.push_back(id);
        if (page->next.empty()) break;
        request.after = page->next;
    }
    return all;
}

}  // namespace

TEST_CASE("The queue lists waiting cases oldest first, a page at a time", "[review][queue]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            auto reviewer = t.reviewer("rita@example.org");
            auto grace = t.citizen("grace@example.org");
            const std::int64_t start = t.clock().now() - 10'000;
            auto ids = fillQueue(t, grace, 57, start);
            core::ReviewQueue queue(t.ctx());

            QueuePageRequest request;
            request.limit = 10;
            auto first = queue.list(reviewer.accountId, request);
            REQUIRE(first);
            REQUIRE(first->items.size() == 10);
            CHECK(first->items[0].id == ids[0]);
            CHECK(first->items[0].state == S::Submitted);
            CHECK(first->items[0].bundle == EvidenceBundle::DocumentVideo);
            CHECK(first->items[0].targetLoa == 3);
            CHECK(first->items[0].submittedAt == start);
            CHECK(first->items[0].ageSeconds == 10'000);
            CHECK(first->items[0].claimedBy.empty());
            CHECK_FALSE(first->next.empty());

            CHECK(walk(queue, reviewer.accountId, request) == ids);
            request.order = QueueOrder::NewestFirst;
            auto newest = walk(queue, reviewer.accountId, request);
            CHECK(newest == std::vector<std::string>(ids.rbegin(), ids.rend()));

            SECTION("the default page is 25 cases, at most 100") {
                QueuePageRequest byDefault;
                CHECK(queue.list(reviewer.accountId, byDefault)->items.size() == 25);
                for (int bad : {0, -1, 101}) {
                    byDefault.limit = bad;
                    auto refused = queue.list(reviewer.accountId, byDefault);
                    REQUIRE_FALSE(refused);
                    REQUIRE(refused.error().fields.size() == 1);
                    CHECK(refused.error().fields[0].field == "limit");
                }
            }
            SECTION("a forged or foreign cursor is refused") {
                QueuePageRequest bad;
                for (std::string cursor : {std::string("not-a-cursor"), std::string("bzEyMzR8YWJj"), std::string("!!")}) {
                    bad.after = cursor;
                    auto refused = queue.list(reviewer.accountId, bad);
                    REQUIRE_FALSE(refused);
                    CHECK(refused.error().fields.at(0).field == "after");
                }
                // A cursor of the oldest-first order does not page the newest-first one.
                bad.after = first->next;
                bad.order = QueueOrder::NewestFirst;
                CHECK_FALSE(queue.list(reviewer.accountId, bad));
            }
            SECTION("only reviewers see the queue") {
                auto citizen = t.citizenActor("nosy@example.org");
                auto refused = queue.list(citizen.accountId, request);
                REQUIRE_FALSE(refused);
                CHECK(refused.error().code == "role_required");
                CHECK(queue.counts(citizen.accountId).error().code == "role_required");
            }
        }
    }
}

TEST_CASE("The queue filters by state, evidence bundle and age, and counts per state", "[review][queue]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            auto rita = t.reviewer("rita@example.org");
            auto sam = t.seniorReviewer("sam@example.org");
            const std::int64_t now = t.clock().now();
            std::vector<std::string> citizens;
            for (int i = 0; i < 6; ++i) citizens.push_back(t.citizen("c" + std::to_string(i) + "@example.org"));
            auto oldVideo = makeCase(t, {citizens[0], EvidenceBundle::DocumentVideo, S::Submitted, now - 5 * 86400});
            auto newPhoto = makeCase(t, {citizens[1], EvidenceBundle::DocumentPhoto, S::Submitted, now - 3600});
            CaseSpec inReview{citizens[2], EvidenceBundle::DocumentVideo, S::InReview, now - 2 * 86400};
            inReview.claimedBy = rita.accountId;
            auto claimed = makeCase(t, inReview);
            CaseSpec flagged{citizens[3], EvidenceBundle::DuplicatePerson, S::Flagged, now - 86400};
            flagged.flaggedBy = "system";
            flagged.flagReason = "duplicate_person";
            flagged.withDocumentAndMedia = false;
            auto duplicate = makeCase(t, flagged);
            auto approved = makeCase(t, {citizens[4], EvidenceBundle::DocumentPhoto, S::Approved, now - 9 * 86400});
            auto draft = makeCase(t, {citizens[5], EvidenceBundle::DocumentVideo, S::Draft});
            core::ReviewQueue queue(t.ctx());

            auto list = [&](QueuePageRequest r, const core::Actor& who) {
                auto page = queue.list(who.accountId, r);
                REQUIRE(page);
                return idsOf(*page);
            };
            QueuePageRequest r;
            // By default: the cases to work on (submitted, in review, flagged), oldest first.
            CHECK(list(r, rita) == std::vector<std::string>{oldVideo.id, claimed.id, duplicate.id, newPhoto.id});
            r.filter.states = {S::Flagged};
            CHECK(list(r, rita) == std::vector<std::string>{duplicate.id});
            r.filter.states = {S::Approved, S::Submitted};
            CHECK(list(r, rita) == std::vector<std::string>{approved.id, oldVideo.id, newPhoto.id});
            r.filter.states = {};
            r.filter.bundle = EvidenceBundle::DocumentVideo;
            CHECK(list(r, rita) == std::vector<std::string>{oldVideo.id, claimed.id});
            r.filter.bundle.reset();
            r.filter.submittedBefore = now - 86400 - 1;  // waiting more than a day
            CHECK(list(r, rita) == std::vector<std::string>{oldVideo.id, claimed.id});
            r.filter.submittedBefore.reset();
            r.filter.submittedAfter = now - 86400;  // a day old or newer
            CHECK(list(r, rita) == std::vector<std::string>{duplicate.id, newPhoto.id});
            r.filter.submittedBefore = now - 2 * 86400;
            auto refused = queue.list(rita.accountId, r);
            REQUIRE_FALSE(refused);
            CHECK(refused.error().fields.at(0).field == "submittedAfter");

            SECTION("items show who holds a case, and nothing personal") {
                QueuePageRequest all;
                auto page = queue.list(rita.accountId, all);
                REQUIRE(page);
                for (const auto& item : page->items) {
                    if (item.id == claimed.id) {
                        CHECK(item.claimedBy == rita.accountId);
                        CHECK(item.claimedByMe);
                        CHECK(item.claimExpiresAt == now + t.settings().reviewClaimMinutes * 60);
                    } else {
                        CHECK(item.claimedBy.empty());
                    }
                    if (item.id == duplicate.id) {
                        CHECK(item.flagReason == "duplicate_person");
                        CHECK(item.flaggedBy == "system");
                    }
                }
                auto forSam = queue.list(sam.accountId, all);
                REQUIRE(forSam);
                for (const auto& item : forSam->items)
                    if (item.id == claimed.id) CHECK_FALSE(item.claimedByMe);
                // A lapsed claim shows as free.
                t.clock().advance(t.settings().reviewClaimMinutes * 60);
                auto later = queue.list(sam.accountId, all);
                REQUIRE(later);
                for (const auto& item : later->items) CHECK(item.claimedBy.empty());
            }
            SECTION("counts per state include the empty ones") {
                auto counts = queue.counts(rita.accountId);
                REQUIRE(counts);
                CHECK(counts->size() == kAllApplicationStates.size());
                CHECK(counts->at(S::Submitted) == 2);
                CHECK(counts->at(S::InReview) == 1);
                CHECK(counts->at(S::Flagged) == 1);
                CHECK(counts->at(S::Approved) == 1);
                CHECK(counts->at(S::Draft) == 1);
                CHECK(counts->at(S::Rejected) == 0);
            }
            (void)draft;
        }
    }
}
