// Claiming cases: one reviewer at a time, for a while; never one's own case; flagged cases for
// a second senior reviewer; lapsed claims free for others; everything in the history and audit.
#include <catch2/catch.hpp>

#include <thread>

#include "core/requests/IdempotentRequests.h"
#include "core/review/CaseClaims.h"
#include "core/review/ReviewSweeper.h"
#include "support/ReviewBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::EvidenceBundle;
using S = ApplicationState;

namespace {

int auditCount(core::Context& ctx, const std::string& subject, const std::string& event) {
    int n = 0;
    for (const auto& e : ctx.audit.entriesFor(subject)) n += e.event == event;
    return n;
}

std::vector<std::string> eventNames(ReviewTestContext& t, const std::string& caseId) {
    std::vector<std::string> names;
    for (const auto& e : t.applications().events(caseId)) names.push_back(e.event);
    return names;
}

}  // namespace

TEST_CASE("A reviewer claims a submitted case for a while and releases it", "[review][claims]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            auto rita = t.reviewer("rita@example.org");
            auto grace = t.citizen("grace@example.org");
            auto c = makeCase(t, {grace});
            core::CaseClaims claims(t.ctx());

            auto claimed = claims.claim(c.id, rita);
            REQUIRE(claimed);
            CHECK(claimed->state == S::InReview);
            CHECK(claimed->claimedBy == rita.accountId);
            CHECK(claimed->claimExpiresAt == t.clock().now() + 30 * 60);
            auto stored = t.applications().find(c.id);
            CHECK(stored->state == S::InReview);
            CHECK(eventNames(t, c.id) == std::vector<std::string>{"submitted", "claimed"});
            auto history = t.applications().events(c.id);
            CHECK(history[1].actor == rita.accountId);
            CHECK(history[1].fromState == "submitted");
            CHECK(history[1].toState == "in_review");
            CHECK(auditCount(t.ctx(), c.id, "review.claimed") == 1);

            SECTION("claiming again renews the claim") {
                t.clock().advance(20 * 60);
                auto renewed = claims.claim(c.id, rita);
                REQUIRE(renewed);
                CHECK(renewed->claimExpiresAt == t.clock().now() + 30 * 60);
            }
            SECTION("another reviewer is turned away while the claim holds") {
                auto ben = t.reviewer("ben@example.org");
                auto refused = claims.claim(c.id, ben);
                REQUIRE_FALSE(refused);
                CHECK(refused.error().kind == ErrorKind::Conflict);
                CHECK(refused.error().code == "case_claimed");
                CHECK(t.applications().find(c.id)->claimedBy == rita.accountId);
            }
            SECTION("release puts the case back in the queue") {
                auto ben = t.reviewer("ben@example.org");
                CHECK(claims.release(c.id, ben).error().code == "claim_required");
                auto released = claims.release(c.id, rita);
                REQUIRE(released);
                CHECK(released->state == S::Submitted);
                CHECK(released->claimedBy.empty());
                CHECK(eventNames(t, c.id) == std::vector<std::string>{"submitted", "claimed", "released"});
                CHECK(auditCount(t.ctx(), c.id, "review.released") == 1);
                CHECK(claims.claim(c.id, ben));
            }
            SECTION("a decided case cannot be claimed") {
                auto done = makeCase(t, {t.citizen("old@example.org"), EvidenceBundle::DocumentVideo, S::Approved});
                CHECK(claims.claim(done.id, rita).error().code == "case_not_claimable");
                auto draft = makeCase(t, {t.citizen("draft@example.org"), EvidenceBundle::DocumentVideo, S::Draft});
                CHECK(claims.claim(draft.id, rita).error().code == "case_not_found");
                CHECK(claims.claim("no-such-case", rita).error().code == "case_not_found");
            }
        }
    }
}

TEST_CASE("Two reviewers claiming the same case at once: exactly one wins", "[review][claims]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            // One process, two request threads: on PostgreSQL each has its own connection, so
            // the two transactions really overlap.
            ReviewTestContext t(backend);
            auto rita = t.reviewer("rita@example.org");
            auto ben = t.reviewer("ben@example.org");
            auto grace = t.citizen("grace@example.org");
            for (int round = 0; round < 5; ++round) {
                auto c = makeCase(t, {grace});
                core::CaseClaims here(t.ctx()), there(t.ctx());
                Result<core::VerificationApplication> results[2]{Error::internal("not run"), Error::internal("not run")};
                std::thread a([&] { results[0] = here.claim(c.id, rita); });
                std::thread b([&] { results[1] = there.claim(c.id, ben); });
                a.join();
                b.join();
                REQUIRE(results[0].ok() != results[1].ok());
                const auto& loser = results[0].ok() ? results[1] : results[0];
                CHECK(loser.error().code == "case_claimed");
                const std::string winner = results[0].ok() ? rita.accountId : ben.accountId;
                CHECK(t.applications().find(c.id)->claimedBy == winner);
                CHECK(eventNames(t, c.id) == std::vector<std::string>{"submitted", "claimed"});
            }
        }
    }
}

TEST_CASE("A lapsed claim is free for others, and the sweep releases it", "[review][claims]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            auto rita = t.reviewer("rita@example.org");
            auto ben = t.reviewer("ben@example.org");
            auto c = makeCase(t, {t.citizen("grace@example.org")});
            core::CaseClaims claims(t.ctx());
            REQUIRE(claims.claim(c.id, rita));
            t.clock().advance(30 * 60 - 1);
            CHECK(claims.claim(c.id, ben).error().code == "case_claimed");
            CHECK(claims.releaseExpired() == 0);
            t.clock().advance(1);

            SECTION("taken over by the next claim") {
                auto taken = claims.claim(c.id, ben);
                REQUIRE(taken);
                CHECK(taken->claimedBy == ben.accountId);
                CHECK(taken->state == S::InReview);
                CHECK(eventNames(t, c.id) ==
                      std::vector<std::string>{"submitted", "claimed", "claim_expired", "claimed"});
                auto history = t.applications().events(c.id);
                CHECK(history[2].actor == "system");
                CHECK(history[3].fromState == "submitted");
                CHECK(auditCount(t.ctx(), c.id, "review.claim_expired") == 1);
            }
            SECTION("released by the sweep") {
                CHECK(claims.releaseExpired() == 1);
                CHECK(claims.releaseExpired() == 0);
                auto swept = t.applications().find(c.id);
                CHECK(swept->state == S::Submitted);
                CHECK(swept->claimedBy.empty());
                CHECK(eventNames(t, c.id) == std::vector<std::string>{"submitted", "claimed", "claim_expired"});
                CHECK(auditCount(t.ctx(), c.id, "review.claim_expired") == 1);
            }
            SECTION("the reviewer whose claim lapsed may still hand it back") {
                auto released = claims.release(c.id, rita);
                REQUIRE(released);
                CHECK(released->state == S::Submitted);
            }
        }
    }
}

TEST_CASE("No one reviews their own case or evidence they sent, and only reviewers review", "[review][claims]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            auto rita = t.reviewer("rita@example.org");
            core::CaseClaims claims(t.ctx());

            auto own = makeCase(t, {rita.accountId});
            auto refused = claims.claim(own.id, rita);
            REQUIRE_FALSE(refused);
            CHECK(refused.error().kind == ErrorKind::Forbidden);
            CHECK(refused.error().code == "conflict_of_interest");

            CaseSpec helped{t.citizen("grace@example.org")};
            helped.uploadedBy = rita.accountId;  // rita uploaded the photos for grace
            auto sent = makeCase(t, helped);
            CHECK(claims.claim(sent.id, rita).error().code == "conflict_of_interest");
            CHECK(t.applications().find(sent.id)->state == S::Submitted);

            auto citizen = t.citizenActor("nosy@example.org");
            CHECK(claims.claim(sent.id, citizen).error().code == "role_required");
            CHECK(claims.claimNext(citizen).error().code == "role_required");

            // claimNext passes over the cases rita may not take.
            CHECK(claims.claimNext(rita).error().code == "queue_empty");
            auto fine = makeCase(t, {t.citizen("ada@example.org")});
            auto next = claims.claimNext(rita);
            REQUIRE(next);
            CHECK(next->id == fine.id);
        }
    }
}

TEST_CASE("A flagged case is claimed only by a senior reviewer who did not flag it", "[review][claims]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            auto rita = t.reviewer("rita@example.org");
            auto sam = t.seniorReviewer("sam@example.org");
            auto sue = t.seniorReviewer("sue@example.org");
            CaseSpec spec{t.citizen("grace@example.org"), EvidenceBundle::DocumentVideo, S::Flagged};
            spec.flaggedBy = sam.accountId;
            auto c = makeCase(t, spec);
            core::CaseClaims claims(t.ctx());

            CHECK(claims.claim(c.id, rita).error().code == "senior_reviewer_required");
            CHECK(claims.claim(c.id, sam).error().code == "second_opinion_required");
            auto claimed = claims.claim(c.id, sue);
            REQUIRE(claimed);
            CHECK(claimed->state == S::Flagged);  // still flagged, now held by sue
            CHECK(claimed->claimedBy == sue.accountId);
            auto released = claims.release(c.id, sue);
            REQUIRE(released);
            CHECK(released->state == S::Flagged);
            CHECK(released->claimedBy.empty());

            // claimNext: a reviewer is never offered it; the flagging senior neither.
            CHECK(claims.claimNext(rita).error().code == "queue_empty");
            CHECK(claims.claimNext(sam).error().code == "queue_empty");
            auto next = claims.claimNext(sue);
            REQUIRE(next);
            CHECK(next->id == c.id);
        }
    }
}

TEST_CASE("claimNext takes the oldest case matching the filter", "[review][claims]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            auto rita = t.reviewer("rita@example.org");
            auto ben = t.reviewer("ben@example.org");
            const std::int64_t now = t.clock().now();
            auto newer = makeCase(t, {t.citizen("a@example.org"), EvidenceBundle::DocumentVideo, S::Submitted, now - 10});
            auto older = makeCase(t, {t.citizen("b@example.org"), EvidenceBundle::DocumentPhoto, S::Submitted, now - 99});
            core::CaseClaims claims(t.ctx());
            core::QueueFilter videos;
            videos.bundle = EvidenceBundle::DocumentVideo;
            CHECK(claims.claimNext(rita, videos)->id == newer.id);
            CHECK(claims.claimNext(ben)->id == older.id);
            CHECK(claims.claimNext(ben).error().code == "queue_empty");
        }
    }
}

TEST_CASE("The review sweep releases lapsed claims and purges old idempotent answers", "[review][claims]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            auto rita = t.reviewer("rita@example.org");
            auto c = makeCase(t, {t.citizen("grace@example.org")});
            REQUIRE(core::CaseClaims(t.ctx()).claim(c.id, rita));
            core::IdempotentRequests requests(t.db(), t.clock());
            REQUIRE(requests.begin({rita.accountId, "POST", "/x"}, "k", "h"));
            core::ReviewSweeper sweeper(t.ctx());
            auto nothing = sweeper.sweep();
            CHECK(nothing.claimsReleased == 0);
            CHECK(nothing.idempotentAnswersPurged == 0);
            t.clock().advance(24 * 3600);
            auto swept = sweeper.sweep();
            CHECK(swept.claimsReleased == 1);
            CHECK(swept.idempotentAnswersPurged == 1);
            CHECK(t.applications().find(c.id)->state == S::Submitted);
        }
    }
}
