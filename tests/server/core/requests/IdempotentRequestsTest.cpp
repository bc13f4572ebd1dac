// Idempotency-Key: a repeated request gets the first answer, a different request under the same
// key is refused, a request still running is never run twice, and answers lapse after 24 h.
#include <catch2/catch.hpp>

#include <Poco/Data/Session.h>

#include <atomic>
#include <functional>
#include <optional>
#include <thread>

#include "core/requests/IdempotentRequests.h"
#include "support/AccountBuilders.h"
#include "support/AuthBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::IdempotencyScope;
using core::IdempotencyToken;
using core::IdempotentRequests;
using core::Replay;

namespace {

const IdempotencyScope kScope{"account-1", "POST", "/api/v1/review/cases/c1/decision"};

// Runs `action` as a request under `key`: its answer stored in the same transaction. No
// assertions here (Catch2 assertions are not thread-safe): nullopt when a step failed.
std::optional<core::StoredResponse> tryOnce(IdempotentRequests& requests, store::Database& db,
                                            const IdempotencyScope& scope, const std::string& key,
                                            const std::string& body, const std::function<int()>& action) {
    auto begun = requests.begin(scope, key, IdempotentRequests::hashBody(body));
    if (!begun) return std::nullopt;
    if (auto* replay = std::get_if<Replay>(&*begun)) return replay->response;
    auto token = std::get<IdempotencyToken>(*begun);
    core::StoredResponse answer{200, "{\"n\":" + std::to_string(action()) + "}"};
    auto done = db.transaction<void>(
        [&](Poco::Data::Session& s) -> Status { return requests.complete(s, token, answer.status, answer.body); });
    if (!done) return std::nullopt;
    return answer;
}

core::StoredResponse runOnce(IdempotentRequests& requests, store::Database& db, const IdempotencyScope& scope,
                             const std::string& key, const std::string& body, const std::function<int()>& action) {
    auto answer = tryOnce(requests, db, scope, key, body, action);
    REQUIRE(answer);
    return *answer;
}

}  // namespace

TEST_CASE("Idempotency keys are 1 to 255 visible ASCII characters", "[idempotency]") {
    CHECK(IdempotentRequests::checkKey("a"));
    CHECK(IdempotentRequests::checkKey("3f1c2a9e-5b7d-4c1e-9a2b-8d7e6f5a4b3c"));
    CHECK(IdempotentRequests::checkKey(std::string(255, 'k')));
    for (const std::string& bad : {std::string(), std::string(256, 'k'), std::string("has space"),
                                  std::string("tab\there"), std::string("caf\xc3\xa9"), std::string("nul\0x", 5)}) {
        auto checked = IdempotentRequests::checkKey(bad);
        REQUIRE_FALSE(checked);
        CHECK(checked.error().code == "idempotency_key_invalid");
    }
}

TEST_CASE("A repeated request gets the first answer and does not run again", "[idempotency]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            IdempotentRequests requests(t.db(), t.clock());
            int runs = 0;
            auto action = [&] { return ++runs; };
            auto first = runOnce(requests, t.db(), kScope, "key-1", "{\"decision\":\"approve\"}", action);
            auto again = runOnce(requests, t.db(), kScope, "key-1", "{\"decision\":\"approve\"}", action);
            CHECK(runs == 1);
            CHECK(again.status == first.status);
            CHECK(again.body == first.body);

            // Another key, another caller or another route is another request.
            runOnce(requests, t.db(), kScope, "key-2", "{\"decision\":\"approve\"}", action);
            runOnce(requests, t.db(), {"account-2", "POST", kScope.route}, "key-1", "{\"decision\":\"approve\"}", action);
            runOnce(requests, t.db(), {"account-1", "POST", "/api/v1/review/cases/c2/decision"}, "key-1",
                    "{\"decision\":\"approve\"}", action);
            CHECK(runs == 4);

            SECTION("a different body under the same key is refused and changes nothing") {
                auto begun = requests.begin(kScope, "key-1", IdempotentRequests::hashBody("{\"decision\":\"reject\"}"));
                REQUIRE_FALSE(begun);
                CHECK(begun.error().kind == ErrorKind::Conflict);
                CHECK(begun.error().code == "idempotency_key_reused");
                auto replay = runOnce(requests, t.db(), kScope, "key-1", "{\"decision\":\"approve\"}", action);
                CHECK(replay.body == first.body);
            }
            SECTION("the key is not stored in clear") {
                CHECK(countRows(t.db(), "idempotent_requests", "scope_key = 'key-1'") == 0);
                CHECK(countRows(t.db(), "idempotent_requests",
                                "scope_key = '" + IdempotentRequests::scopeKeyOf(kScope, "key-1") + "'") == 1);
            }
            SECTION("after 24 hours the answer is gone and the key may be used afresh") {
                t.clock().advance(24 * 3600 - 1);
                runOnce(requests, t.db(), kScope, "key-1", "{\"decision\":\"approve\"}", action);
                CHECK(runs == 4);
                t.clock().advance(1);
                auto fresh = runOnce(requests, t.db(), kScope, "key-1", "{\"decision\":\"reject\"}", action);
                CHECK(runs == 5);
                CHECK(fresh.body == "{\"n\":5}");
            }
            SECTION("purging deletes only answers past their expiry") {
                t.clock().advance(24 * 3600);
                runOnce(requests, t.db(), kScope, "key-9", "{}", action);
                CHECK(requests.purgeExpired() == 4);
                CHECK(countRows(t.db(), "idempotent_requests") == 1);
            }
        }
    }
}

TEST_CASE("A request still running is not run twice", "[idempotency]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            IdempotentRequests requests(t.db(), t.clock());
            const std::string hash = IdempotentRequests::hashBody("{}");
            auto first = requests.begin(kScope, "key", hash);
            REQUIRE(first);
            auto token = std::get<IdempotencyToken>(*first);

            SECTION("the twin waits briefly, then is told to come back") {
                auto twin = requests.begin(kScope, "key", hash, 50);
                REQUIRE_FALSE(twin);
                CHECK(twin.error().code == "request_in_progress");
            }
            SECTION("the twin gets the answer once the first completes") {
                bool completed = false;
                std::thread finisher([&] {
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
                    auto done = t.db().transaction<void>(
                        [&](Poco::Data::Session& s) -> Status { return requests.complete(s, token, 201, "made"); });
                    completed = done.ok();
                });
                auto twin = requests.begin(kScope, "key", hash, 5000);
                finisher.join();
                CHECK(completed);
                REQUIRE(twin);
                REQUIRE(std::holds_alternative<Replay>(*twin));
                CHECK(std::get<Replay>(*twin).response.status == 201);
                CHECK(std::get<Replay>(*twin).response.body == "made");
            }
            SECTION("an abandoned request frees the key for a retry") {
                requests.abandon(token);
                auto retry = requests.begin(kScope, "key", hash, 0);
                REQUIRE(retry);
                CHECK(std::holds_alternative<IdempotencyToken>(*retry));
            }
            SECTION("a request that died mid-action holds the key for a minute only") {
                t.clock().advance(IdempotentRequests::kDefaultInFlightSeconds);
                auto retry = requests.begin(kScope, "key", hash, 0);
                REQUIRE(retry);
                REQUIRE(std::holds_alternative<IdempotencyToken>(*retry));
                // The late original can no longer complete: its action must roll back.
                auto late = t.db().transaction<void>(
                    [&](Poco::Data::Session& s) -> Status { return requests.complete(s, token, 200, "late"); });
                REQUIRE_FALSE(late);
                CHECK(late.error().code == "request_in_progress");
            }
        }
    }
}

TEST_CASE("Of two identical requests at the same moment, one runs and both get its answer", "[idempotency]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            IdempotentRequests requests(t.db(), t.clock());
            std::atomic<int> runs{0};
            std::optional<core::StoredResponse> answers[2];
            std::thread threads[2];
            for (int i = 0; i < 2; ++i)
                threads[i] = std::thread([&, i] {
                    answers[i] = tryOnce(requests, t.db(), kScope, "same", "{}", [&] {
                        std::this_thread::sleep_for(std::chrono::milliseconds(50));
                        return ++runs;
                    });
                });
            for (auto& th : threads) th.join();
            CHECK(runs == 1);
            REQUIRE(answers[0]);
            REQUIRE(answers[1]);
            CHECK(answers[0]->body == answers[1]->body);
        }
    }
}
