// Decisions: approving gives the citizen the level the evidence supports, rejecting tells them
// why, flagging hands the case to a second senior reviewer; only the reviewer holding the case
// decides, every decision is audited and in the history, and the citizen is emailed.
#include <catch2/catch.hpp>

#include "core/review/CaseClaims.h"
#include "core/review/ReviewDecisions.h"
#include "support/AccountBuilders.h"
#include "support/ReviewBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::DecisionRequest;
using core::EvidenceBundle;
using S = ApplicationState;

namespace {

struct Fixture {
    explicit Fixture(const std::string& backend) : t(backend) {}
    ReviewTestContext t;
    std::vector<std::string> notified;
    core::ReviewDecisions decisions{t.ctx(), t.assurance(),
                                    [this](const core::VerificationApplication& a) { notified.push_back(a.id); }};
    core::CaseClaims claims{t.ctx()};
};

std::vector<core::Evidence> activeEvidence(ReviewTestContext& t, const std::string& accountId) {
    return t.assurance().activeEvidence(accountId);
}

}  // namespace

TEST_CASE("Approving document and video evidence raises the citizen to LoA 3", "[review][decisions]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Fixture f(backend);
            auto& t = f.t;
            auto rita = t.reviewer("rita@example.org");
            auto grace = t.citizen("grace@example.org", Loa::Loa1);
            auto c = makeCase(t, {grace, EvidenceBundle::DocumentVideo});
            REQUIRE(f.claims.claim(c.id, rita));

            auto decided = f.decisions.decide({c.id, "approve", "", "", "Photos and video match."}, rita);
            REQUIRE(decided);
            CHECK(decided->application.state == S::Approved);
            CHECK(decided->application.decidedBy == rita.accountId);
            CHECK(decided->application.decidedAt == t.clock().now());
            CHECK(decided->application.claimedBy.empty());
            CHECK(decided->previousLoa == Loa::Loa1);
            CHECK(decided->loa == Loa::Loa3);
            CHECK(t.loaOf(grace) == 3);
            CHECK(f.notified == std::vector<std::string>{c.id});

            // The evidence names the application and lapses after reviewEvidenceDays at most
            // (the document, valid until 2035, outlasts three years).
            bool found = false;
            for (const auto& e : activeEvidence(t, grace))
                if (e.kind == core::EvidenceKind::DocumentReview && e.reference == c.id) {
                    found = true;
                    CHECK(e.expiresAt == t.clock().now() + t.settings().reviewEvidenceDays * 86400);
                }
            CHECK(found);

            auto history = t.applications().events(c.id);
            REQUIRE(history.size() == 3);
            CHECK(history[2].event == "approved");
            CHECK(history[2].fromState == "in_review");
            CHECK(history[2].toState == "approved");
            CHECK(history[2].note == "Photos and video match.");
            int audited = 0;
            for (const auto& e : t.ctx().audit.entriesFor(c.id))
                if (e.event == "review.decided") {
                    ++audited;
                    CHECK(e.actor == rita.accountId);
                    CHECK(e.details.find("approve") != std::string::npos);
                    CHECK(e.details.find("Photos") == std::string::npos);  // no notes in the audit
                }
            CHECK(audited == 1);

            // Decided: no second decision, no claim.
            CHECK(f.decisions.decide({c.id, "reject", "other", "Again?", ""}, rita).error().code == "claim_required");
            CHECK(f.claims.claim(c.id, rita).error().code == "case_not_claimable");
        }
    }
}

TEST_CASE("Approving document photos gives LoA 2 until the document expires", "[review][decisions]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Fixture f(backend);
            auto& t = f.t;
            t.settings().documentGraceDays = 10;
            auto rita = t.reviewer("rita@example.org");
            auto grace = t.citizen("grace@example.org", Loa::Loa1);
            CaseSpec spec{grace, EvidenceBundle::DocumentPhoto};
            spec.expiryDate = "2027-06-30";  // the clock stands in January 2027
            auto c = makeCase(t, spec);
            REQUIRE(f.claims.claim(c.id, rita));
            auto decided = f.decisions.decide({c.id, "approve", "", "", ""}, rita);
            REQUIRE(decided);
            CHECK(decided->loa == Loa::Loa2);
            const std::int64_t lapses = 1'814'400'000 + 10 * 86400;  // 2027-07-01T00:00Z + grace
            for (const auto& e : activeEvidence(t, grace))
                if (e.kind == core::EvidenceKind::PhotoReview) CHECK(e.expiresAt == lapses);

            t.clock().set(lapses);
            REQUIRE(t.assurance().sweepExpired(t.clock().now()));
            CHECK(t.loaOf(grace) == 1);
        }
    }
}

TEST_CASE("An expired document cannot be approved", "[review][decisions]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Fixture f(backend);
            auto& t = f.t;
            auto rita = t.reviewer("rita@example.org");
            CaseSpec spec{t.citizen("grace@example.org")};
            spec.expiryDate = "2026-12-31";
            auto c = makeCase(t, spec);
            REQUIRE(f.claims.claim(c.id, rita));
            auto refused = f.decisions.decide({c.id, "approve", "", "", ""}, rita);
            REQUIRE_FALSE(refused);
            CHECK(refused.error().code == "document_expired");
            CHECK(t.applications().find(c.id)->state == S::InReview);
            CHECK(f.decisions.decide({c.id, "reject", "document_expired", "Your passport has expired.", ""}, rita));
        }
    }
}

TEST_CASE("A rejection carries a reason and a message to the citizen", "[review][decisions]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Fixture f(backend);
            auto& t = f.t;
            auto rita = t.reviewer("rita@example.org");
            auto grace = t.citizen("grace@example.org");
            auto c = makeCase(t, {grace});
            REQUIRE(f.claims.claim(c.id, rita));
            const auto version = t.applications().find(c.id)->version;

            auto fieldsOf = [&](const DecisionRequest& r) {
                auto refused = f.decisions.decide(r, rita);
                REQUIRE_FALSE(refused);
                CHECK(refused.error().kind == ErrorKind::Invalid);
                std::vector<std::string> fields;
                for (const auto& e : refused.error().fields) fields.push_back(e.field + ":" + e.code);
                return fields;
            };
            CHECK(fieldsOf({c.id, "maybe", "", "", ""}) == std::vector<std::string>{"decision:invalid"});
            CHECK(fieldsOf({c.id, "reject", "", "", ""}) ==
                  std::vector<std::string>{"reason:required", "message:required"});
            CHECK(fieldsOf({c.id, "reject", "no_such_reason", "Sorry.", ""}) ==
                  std::vector<std::string>{"reason:unknown"});
            CHECK(fieldsOf({c.id, "reject", "needs_senior_review", "Sorry.", ""}) ==
                  std::vector<std::string>{"reason:not_applicable"});
            CHECK(fieldsOf({c.id, "reject", "photo_mismatch", std::string(1001, 'x'), ""}) ==
                  std::vector<std::string>{"message:too_long"});
            CHECK(fieldsOf({c.id, "reject", "photo_mismatch", "Bad\x01text", ""}) ==
                  std::vector<std::string>{"message:invalid_characters"});
            CHECK(fieldsOf({c.id, "approve", "photo_mismatch", "Well done", ""}) ==
                  std::vector<std::string>{"reason:not_allowed", "message:not_allowed"});
            CHECK(fieldsOf({c.id, "flag", "photo_mismatch", "", "  "}) == std::vector<std::string>{"note:required"});
            // Nothing changed by the refusals.
            CHECK(t.applications().find(c.id)->version == version);
            CHECK(t.applications().events(c.id).size() == 2);

            auto decided = f.decisions.decide(
                {c.id, "reject", "photo_mismatch", "  The selfie does not match the passport photo.  ", ""}, rita);
            REQUIRE(decided);
            CHECK(decided->application.state == S::Rejected);
            CHECK(decided->application.decisionReason == "photo_mismatch");
            CHECK(decided->application.decisionMessage == "The selfie does not match the passport photo.");
            CHECK(decided->loa == Loa::Loa1);
            CHECK(t.applications().find(c.id)->decisionMessage == "The selfie does not match the passport photo.");
            CHECK(f.notified == std::vector<std::string>{c.id});
            CHECK(countRows(t.db(), "verification_applications", "decision_message LIKE '%selfie%'") == 0);
        }
    }
}

TEST_CASE("The citizen is emailed the decision by default", "[review][decisions]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            core::ReviewDecisions decisions(t.ctx(), t.assurance());
            core::CaseClaims claims(t.ctx());
            auto rita = t.reviewer("rita@example.org");
            auto c = makeCase(t, {t.citizen("grace@example.org")});
            REQUIRE(claims.claim(c.id, rita));
            const auto before = t.mailer().sent().size();
            REQUIRE(decisions.decide({c.id, "reject", "video_unclear", "The video is too dark.", ""}, rita));
            REQUIRE(t.mailer().sent().size() == before + 1);
            CHECK(t.mailer().sent().back().to.find("grace@example.org") != std::string::npos);
        }
    }
}

TEST_CASE("Only the reviewer holding the case decides it", "[review][decisions]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Fixture f(backend);
            auto& t = f.t;
            auto rita = t.reviewer("rita@example.org");
            auto ben = t.reviewer("ben@example.org");
            auto grace = t.citizen("grace@example.org");
            auto c = makeCase(t, {grace});
            const DecisionRequest approve{c.id, "approve", "", "", ""};
            CHECK(f.decisions.decide(approve, rita).error().code == "claim_required");
            REQUIRE(f.claims.claim(c.id, rita));
            CHECK(f.decisions.decide(approve, ben).error().code == "claim_required");
            t.clock().advance(30 * 60);
            auto lapsed = f.decisions.decide(approve, rita);
            REQUIRE_FALSE(lapsed);
            CHECK(lapsed.error().kind == ErrorKind::Conflict);
            CHECK(lapsed.error().code == "claim_expired");
            CHECK(t.loaOf(grace) == 1);
            CHECK(f.decisions.decide(approve, t.citizenActor("x@example.org")).error().code == "role_required");
            CHECK(f.decisions.decide({"nope", "approve", "", "", ""}, rita).error().code == "case_not_found");
            CHECK(f.notified.empty());
        }
    }
}

TEST_CASE("A flagged case is decided by a second senior reviewer", "[review][decisions]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            Fixture f(backend);
            auto& t = f.t;
            auto rita = t.reviewer("rita@example.org");
            auto sam = t.seniorReviewer("sam@example.org");
            auto sue = t.seniorReviewer("sue@example.org");
            auto grace = t.citizen("grace@example.org");
            auto c = makeCase(t, {grace});
            REQUIRE(f.claims.claim(c.id, rita));
            auto flagged = f.decisions.decide({c.id, "flag", "suspected_fraud", "", "The hologram looks printed."}, rita);
            REQUIRE(flagged);
            CHECK(flagged->application.state == S::Flagged);
            CHECK(flagged->application.flaggedBy == rita.accountId);
            CHECK(flagged->application.flagReason == "suspected_fraud");
            CHECK(flagged->application.claimedBy.empty());
            CHECK(f.notified.empty());  // nothing to tell the citizen yet

            // rita (not senior) can no longer work on it.
            CHECK(f.claims.claim(c.id, rita).error().code == "senior_reviewer_required");
            REQUIRE(f.claims.claim(c.id, sam));
            auto refused = f.decisions.decide({c.id, "flag", "suspected_fraud", "", "again"}, sam);
            REQUIRE_FALSE(refused);
            CHECK(refused.error().code == "invalid_state_transition");
            auto flaggedAgain = f.decisions.decide({c.id, "reject", "suspected_fraud", "We could not verify it.", ""}, sam);
            REQUIRE(flaggedAgain);
            CHECK(flaggedAgain->application.state == S::Rejected);
            CHECK(flaggedAgain->application.decidedBy == sam.accountId);

            SECTION("the senior who flagged a case cannot decide it") {
                auto d = makeCase(t, {t.citizen("ada@example.org")});
                REQUIRE(f.claims.claim(d.id, sam));
                REQUIRE(f.decisions.decide({d.id, "flag", "needs_senior_review", "", "Second opinion please."}, sam));
                CHECK(f.claims.claim(d.id, sam).error().code == "second_opinion_required");
                REQUIRE(f.claims.claim(d.id, sue));
                // Even if sam's role changes nothing: sue holds it, sam cannot decide.
                CHECK(f.decisions.decide({d.id, "approve", "", "", ""}, sam).error().code == "second_opinion_required");
                auto approved = f.decisions.decide({d.id, "approve", "", "", ""}, sue);
                REQUIRE(approved);
                CHECK(approved->loa == Loa::Loa3);
            }
        }
    }
}
