// Decisions under an Idempotency-Key: the workstation may send a decision again (a lost answer,
// a retry from its outbox) and gets the first answer; the decision is applied once.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "core/review/CaseClaims.h"
#include "core/review/ReviewDecisions.h"
#include "support/AccountBuilders.h"
#include "support/ReviewBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::DecisionRequest;
using S = ApplicationState;

namespace {

core::StoredResponse render(const core::DecisionOutcome& o) {
    return {200, "{\"id\":\"" + o.application.id + "\",\"state\":\"" + std::string(toString(o.application.state)) +
                     "\",\"loa\":" + std::to_string(toInt(o.loa)) + ",\"version\":" +
                     std::to_string(o.application.version) + "}"};
}

core::IdempotencyScope scopeFor(const core::Actor& reviewer, const std::string& caseId) {
    return {reviewer.accountId, "POST", "/api/v1/review/cases/" + caseId + "/decision"};
}

int decidedEntries(core::Context& ctx, const std::string& caseId) {
    int n = 0;
    for (const auto& e : ctx.audit.entriesFor(caseId)) n += e.event == "review.decided";
    return n;
}

}  // namespace

TEST_CASE("A repeated decision returns the first answer – another decision under its key is refused",
          "[review][decisions][idempotency]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            std::atomic<int> notified{0};
            core::ReviewDecisions decisions(t.ctx(), t.assurance(), [&](const auto&) { ++notified; });
            core::IdempotentRequests requests(t.db(), t.clock());
            core::CaseClaims claims(t.ctx());
            auto rita = t.reviewer("rita@example.org");
            auto grace = t.citizen("grace@example.org");
            auto c = makeCase(t, {grace});
            REQUIRE(claims.claim(c.id, rita));
            const DecisionRequest approve{c.id, "approve", "", "", ""};
            const std::string body = R"({"decision":"approve"})";
            auto hash = core::IdempotentRequests::hashBody(body);

            auto first = decisions.decideOnce(approve, rita, requests, scopeFor(rita, c.id), "k-1", hash, render);
            REQUIRE(first);
            CHECK_FALSE(first->replayed);
            CHECK(first->response.body.find("\"state\":\"approved\"") != std::string::npos);
            CHECK(first->response.body.find("\"loa\":3") != std::string::npos);

            t.clock().advance(3600);  // an hour later, the claim long gone
            auto again = decisions.decideOnce(approve, rita, requests, scopeFor(rita, c.id), "k-1", hash, render);
            REQUIRE(again);
            CHECK(again->replayed);
            CHECK(again->response.status == first->response.status);
            CHECK(again->response.body == first->response.body);
            CHECK(decidedEntries(t.ctx(), c.id) == 1);
            CHECK(notified == 1);

            const DecisionRequest reject{c.id, "reject", "other", "No.", ""};
            auto reused = decisions.decideOnce(reject, rita, requests, scopeFor(rita, c.id), "k-1",
                                               core::IdempotentRequests::hashBody(R"({"decision":"reject"})"), render);
            REQUIRE_FALSE(reused);
            CHECK(reused.error().code == "idempotency_key_reused");
            CHECK(t.applications().find(c.id)->state == S::Approved);

            SECTION("a refused decision is not stored: fixed and sent again, it runs") {
                auto d = makeCase(t, {t.citizen("ada@example.org")});
                REQUIRE(claims.claim(d.id, rita));
                const DecisionRequest incomplete{d.id, "reject", "photo_mismatch", "", ""};
                auto refused = decisions.decideOnce(incomplete, rita, requests, scopeFor(rita, d.id), "k-2",
                                                    core::IdempotentRequests::hashBody("1"), render);
                REQUIRE_FALSE(refused);
                CHECK(refused.error().fields.at(0).field == "message");
                CHECK(countRows(t.db(), "idempotent_requests") == 1);
                auto retried = decisions.decideOnce(incomplete, rita, requests, scopeFor(rita, d.id), "k-2",
                                                    core::IdempotentRequests::hashBody("1"), render);
                CHECK_FALSE(retried);
                const DecisionRequest complete{d.id, "reject", "photo_mismatch", "The photos differ.", ""};
                auto done = decisions.decideOnce(complete, rita, requests, scopeFor(rita, d.id), "k-2",
                                                 core::IdempotentRequests::hashBody("2"), render);
                REQUIRE(done);
                CHECK(t.applications().find(d.id)->state == S::Rejected);
            }
        }
    }
}

TEST_CASE("Identical decisions sent at the same moment are applied once", "[review][decisions][idempotency]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            std::atomic<int> notified{0};
            core::ReviewDecisions decisions(t.ctx(), t.assurance(), [&](const auto&) { ++notified; });
            core::IdempotentRequests requests(t.db(), t.clock());
            core::CaseClaims claims(t.ctx());
            auto rita = t.reviewer("rita@example.org");
            auto grace = t.citizen("grace@example.org");
            for (int round = 0; round < 3; ++round) {
                auto c = makeCase(t, {grace});
                REQUIRE(claims.claim(c.id, rita));
                const DecisionRequest approve{c.id, "approve", "", "", ""};
                const std::string key = "same-key-" + std::to_string(round);
                const auto hash = core::IdempotentRequests::hashBody("{}");
                std::vector<Result<core::IdempotentAnswer>> answers(4, Error::internal("not run"));
                std::vector<std::thread> threads;
                for (std::size_t i = 0; i < answers.size(); ++i)
                    threads.emplace_back([&, i] {
                        answers[i] = decisions.decideOnce(approve, rita, requests, scopeFor(rita, c.id), key, hash,
                                                          render);
                    });
                for (auto& th : threads) th.join();
                int fresh = 0;
                for (const auto& a : answers) {
                    REQUIRE(a);
                    fresh += !a->replayed;
                    CHECK(a->response.body == answers[0]->response.body);
                }
                CHECK(fresh == 1);
                CHECK(decidedEntries(t.ctx(), c.id) == 1);
                int reviews = 0;
                for (const auto& e : t.assurance().activeEvidence(grace)) reviews += e.reference == c.id;
                CHECK(reviews == 1);
            }
            CHECK(notified == 3);
        }
    }
}
