// Back-channel logout, from the ends of portal sessions to the POSTs a service receives: which
// OP sessions end, who is told (once), what is recorded, retries, giving up, durability across
// a restart, expiry, and that nobody waits for a slow service.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "LogoutFixture.h"
#include "core/accounts/PasswordChangeService.h"
#include "core/sessions/SessionService.h"
#include "core/sessions/SignOutElsewhere.h"
#include "support/LogoutReceiver.h"

using namespace tessera;
using namespace tessera::test;
using core::SessionService;

namespace {

using std::chrono::milliseconds;

// Polls (real time) until `done` holds.
template <class Done>
bool eventually(Done done, milliseconds timeout = std::chrono::seconds(10)) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        if (done()) return true;
        std::this_thread::sleep_for(milliseconds(10));
    }
    return done();
}

int audited(core::Context& ctx, const std::string& accountId, const std::string& event) {
    int n = 0;
    for (const auto& e : ctx.audit.entriesFor(accountId)) n += e.event == event;
    return n;
}

// The logout token a receiver got, verified against the provider's JWKS.
Poco::JSON::Object::Ptr claimsOf(LogoutCore& t, const ReceivedLogout& received) {
    auto verified = verifiedWithJwks(received.logoutToken, *t.oidc().provider().keys().jwks());
    REQUIRE(verified);
    CHECK(verified->typ == "logout+jwt");
    return verified->payload;
}

}  // namespace

TEST_CASE("Signing out ends the session's OP sessions and each service with a back-channel URI gets one token",
          "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            LogoutCore t(backend);
            auto& ctx = t.ctx();
            LogoutReceiver councilTax, parking;
            auto a = createService(ctx, signInService("Council tax", councilTax.url()));
            auto b = createService(ctx, signInService("Parking permits", parking.url("/bc?tenant=7")));
            auto c = createService(ctx, signInService("Library", ""));  // no back-channel logout
            auto ada = citizenAtServices(ctx, "ada@example.org", {a.service.id, b.service.id, c.service.id});
            auto adaPhone = anotherSessionAt(ctx, ada.account, {a.service.id});
            auto bob = citizenAtServices(ctx, "bob@example.org", {a.service.id});
            t.clock().advance(7);
            const std::int64_t signedOutAt = t.clock().now();

            REQUIRE(SessionService(ctx).signOut(callerFor(ada.session)).ok());

            for (const auto& sid : ada.sids) CHECK(opSession(ctx, sid).endedAt == signedOutAt);
            CHECK(opSession(ctx, adaPhone.sids[0]).endedAt == 0);  // another session of the same citizen
            CHECK(opSession(ctx, bob.sids[0]).endedAt == 0);

            REQUIRE(councilTax.waitFor(1));
            REQUIRE(parking.waitFor(1));
            REQUIRE(eventually([&] {
                return opSession(ctx, ada.sids[0]).logoutSentAt != 0 && opSession(ctx, ada.sids[1]).logoutSentAt != 0;
            }));
            CHECK(opSession(ctx, ada.sids[0]).logoutSentAt == signedOutAt);
            CHECK(opSession(ctx, ada.sids[2]).logoutSentAt == 0);  // nobody to tell
            CHECK(eventually([&] { return t.logout().backchannel().waiting() == 0; }));

            const auto got = councilTax.received().at(0);
            CHECK(got.method == "POST");
            CHECK(got.path == "/backchannel-logout");
            CHECK(got.contentType == "application/x-www-form-urlencoded");
            auto claims = claimsOf(t, got);
            CHECK(claims->getValue<std::string>("aud") == a.service.clientId);
            CHECK(claims->getValue<std::string>("sid") == ada.sids[0]);
            CHECK(claims->getValue<std::string>("sub") == opSession(ctx, ada.sids[0]).subject);
            CHECK(parking.received().at(0).path == "/bc?tenant=7");
            auto parkingClaims = claimsOf(t, parking.received().at(0));
            CHECK(parkingClaims->getValue<std::string>("aud") == b.service.clientId);
            CHECK(parkingClaims->getValue<std::string>("sid") == ada.sids[1]);

            // Told once: no repeat on later scans.
            std::this_thread::sleep_for(milliseconds(500));
            CHECK(councilTax.count() == 1);
            CHECK(parking.count() == 1);
            CHECK(audited(ctx, ada.account.id, "oidc.backchannel_logout.sent") == 2);
            // The audit names service and sid, never the token.
            for (const auto& e : ctx.audit.entriesFor(ada.account.id))
                CHECK(e.details.find(got.logoutToken) == std::string::npos);
        }
    }
}

TEST_CASE("Every way a portal session ends tells the services of that session", "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            LogoutCore t(backend);
            auto& ctx = t.ctx();
            LogoutReceiver receiver;
            auto service = createService(ctx, signInService("Council tax", receiver.url()));
            auto ada = citizenAtServices(ctx, "ada@example.org", {service.service.id});
            auto laptop = anotherSessionAt(ctx, ada.account, {service.service.id});

            SECTION("ending one session from another") {
                REQUIRE(SessionService(ctx).endOne(callerFor(ada.session), laptop.session.session.publicId).ok());
                REQUIRE(receiver.waitFor(1));
                CHECK(claimsOf(t, receiver.received()[0])->getValue<std::string>("sid") == laptop.sids[0]);
                CHECK(opSession(ctx, ada.sids[0]).endedAt == 0);
            }
            SECTION("signing out everywhere") {
                REQUIRE(SessionService(ctx).endEverywhere(callerFor(ada.session)).ok());
                REQUIRE(receiver.waitFor(2));
                CHECK(opSession(ctx, ada.sids[0]).endedAt != 0);
                CHECK(opSession(ctx, laptop.sids[0]).endedAt != 0);
            }
            SECTION("signing out everywhere else") {
                REQUIRE(core::SignOutElsewhere(ctx).endOthers(callerFor(ada.session)).ok());
                REQUIRE(receiver.waitFor(1));
                CHECK(claimsOf(t, receiver.received()[0])->getValue<std::string>("sid") == laptop.sids[0]);
                CHECK(opSession(ctx, ada.sids[0]).endedAt == 0);
            }
            SECTION("a password change, which ends the other sessions") {
                REQUIRE(core::PasswordChangeService(ctx)
                            .change(ada.account.id, ada.session.session.publicId, ada.account.password,
                                    "another long and private passphrase", "127.0.0.1")
                            .ok());
                REQUIRE(receiver.waitFor(1));
                CHECK(claimsOf(t, receiver.received()[0])->getValue<std::string>("sid") == laptop.sids[0]);
                CHECK(opSession(ctx, ada.sids[0]).endedAt == 0);
            }
            // Nothing more arrives than the sessions that ended.
            std::this_thread::sleep_for(milliseconds(300));
            const std::size_t expected = opSession(ctx, ada.sids[0]).endedAt != 0 ? 2 : 1;
            CHECK(receiver.count() == expected);
        }
    }
}

TEST_CASE("An end that is rolled back ends no OP session and tells no service", "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            auto settings = quickBackchannel();
            settings.commitWait = milliseconds(300);
            LogoutCore t(backend, settings);
            auto& ctx = t.ctx();
            LogoutReceiver receiver;
            auto service = createService(ctx, signInService("Council tax", receiver.url()));
            auto ada = citizenAtServices(ctx, "ada@example.org", {service.service.id});

            auto rolledBack = ctx.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
                if (auto ended = ctx.sessions.endByToken(s, ada.session.token); !ended) return ended;
                return Error::conflict("changed_mind", "Something later in the transaction failed.");
            });
            REQUIRE_FALSE(rolledBack.ok());

            CHECK(opSession(ctx, ada.sids[0]).endedAt == 0);
            CHECK(ctx.sessions.find(ada.session.token, false).has_value());
            CHECK(eventually([&] { return t.logout().backchannel().waiting() == 0; }));
            CHECK(receiver.count() == 0);
        }
    }
}

TEST_CASE("A failing service is retried, and a later success records logout_sent_at", "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            LogoutCore t(backend);
            auto& ctx = t.ctx();
            LogoutReceiver receiver;
            receiver.failNext(2, 500);
            auto service = createService(ctx, signInService("Council tax", receiver.url()));
            auto ada = citizenAtServices(ctx, "ada@example.org", {service.service.id});

            REQUIRE(SessionService(ctx).signOut(callerFor(ada.session)).ok());

            REQUIRE(receiver.waitFor(3));
            REQUIRE(eventually([&] { return opSession(ctx, ada.sids[0]).logoutSentAt != 0; }));
            // A fresh token each time, for the same OP session.
            const auto got = receiver.received();
            CHECK(got[0].logoutToken != got[2].logoutToken);
            for (const auto& r : got) CHECK(claimsOf(t, r)->getValue<std::string>("sid") == ada.sids[0]);
            std::this_thread::sleep_for(milliseconds(500));
            CHECK(receiver.count() == 3);
            CHECK(audited(ctx, ada.account.id, "oidc.backchannel_logout.sent") == 1);
            CHECK(audited(ctx, ada.account.id, "oidc.backchannel_logout.failed") == 0);
        }
    }
}

TEST_CASE("A service that keeps failing is given up after its retries, and that is audited", "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            LogoutCore t(backend);
            auto& ctx = t.ctx();
            LogoutReceiver receiver;
            receiver.answer(503);
            auto service = createService(ctx, signInService("Council tax", receiver.url()));
            auto ada = citizenAtServices(ctx, "ada@example.org", {service.service.id});

            REQUIRE(SessionService(ctx).signOut(callerFor(ada.session)).ok());

            // One attempt and one per retry delay (3), then no more: later scans leave it alone.
            REQUIRE(eventually([&] { return audited(ctx, ada.account.id, "oidc.backchannel_logout.failed") == 1; }));
            std::this_thread::sleep_for(milliseconds(600));
            CHECK(receiver.count() == 4);
            CHECK(opSession(ctx, ada.sids[0]).logoutSentAt == 0);
            CHECK(t.logout().backchannel().waiting() == 0);
        }
    }
}

TEST_CASE("Undelivered logouts survive a restart: the ended rows are the queue", "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            LogoutCore t(backend);
            auto& ctx = t.ctx();
            LogoutReceiver receiver;
            auto service = createService(ctx, signInService("Council tax", receiver.url()));
            auto ada = citizenAtServices(ctx, "ada@example.org", {service.service.id});

            // The process stops before it could deliver: its worker is gone, the end commits.
            t.logout().backchannel().stop();
            REQUIRE(SessionService(ctx).signOut(callerFor(ada.session)).ok());
            t.dropLogout();
            std::this_thread::sleep_for(milliseconds(300));
            REQUIRE(receiver.count() == 0);
            REQUIRE(opSession(ctx, ada.sids[0]).endedAt != 0);

            // A new process leaves fresh rows to the process that ended them for a grace period...
            auto restarted = t.another();
            restarted->start();
            std::this_thread::sleep_for(milliseconds(500));
            CHECK(receiver.count() == 0);
            // ...then delivers them.
            t.clock().advance(quickBackchannel().scanGraceSeconds + 1);
            restarted->backchannel().scanSoon();
            REQUIRE(receiver.waitFor(1));
            CHECK(claimsOf(t, receiver.received()[0])->getValue<std::string>("sid") == ada.sids[0]);
            CHECK(eventually([&] { return opSession(ctx, ada.sids[0]).logoutSentAt != 0; }));
        }
    }
}

TEST_CASE("Rows that ended longer ago than the give-up time are not delivered any more", "[core][oidc][logout]") {
    LogoutCore t("sqlite");
    auto& ctx = t.ctx();
    LogoutReceiver receiver;
    auto service = createService(ctx, signInService("Council tax", receiver.url()));
    auto ada = citizenAtServices(ctx, "ada@example.org", {service.service.id});
    t.logout().backchannel().stop();
    REQUIRE(SessionService(ctx).signOut(callerFor(ada.session)).ok());
    t.dropLogout();

    t.clock().advance(quickBackchannel().giveUpSeconds + 60);
    auto restarted = t.another();
    restarted->start();
    std::this_thread::sleep_for(milliseconds(600));
    CHECK(receiver.count() == 0);
}

TEST_CASE("Sessions that expired are noticed: their OP sessions end and the services are told", "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            LogoutCore t(backend);
            auto& ctx = t.ctx();
            LogoutReceiver receiver;
            auto service = createService(ctx, signInService("Council tax", receiver.url()));
            auto idle = citizenAtServices(ctx, "ada@example.org", {service.service.id});
            auto busy = citizenAtServices(ctx, "bob@example.org", {service.service.id});

            SECTION("idle too long") {
                t.clock().advance(ctx.settings.sessionIdleSeconds - 120);
                REQUIRE(ctx.sessions.find(busy.session.token, /*touch=*/true));  // Bob is active
                t.clock().advance(121);
                t.logout().backchannel().scanSoon();
                REQUIRE(receiver.waitFor(1));
                CHECK(claimsOf(t, receiver.received()[0])->getValue<std::string>("sid") == idle.sids[0]);
                CHECK(opSession(ctx, idle.sids[0]).endedAt == t.clock().now());
                CHECK(opSession(ctx, busy.sids[0]).endedAt == 0);
            }
            SECTION("past the absolute limit, however active") {
                for (std::int64_t s = 0; s < ctx.settings.sessionAbsoluteSeconds; s += 600) {
                    t.clock().advance(600);
                    ctx.sessions.find(idle.session.token, /*touch=*/true);
                    ctx.sessions.find(busy.session.token, /*touch=*/true);
                }
                t.logout().backchannel().scanSoon();
                REQUIRE(receiver.waitFor(2));
                CHECK(opSession(ctx, idle.sids[0]).endedAt != 0);
                CHECK(opSession(ctx, busy.sids[0]).endedAt != 0);
            }
            CHECK(eventually([&] { return opSession(ctx, idle.sids[0]).logoutSentAt != 0; }));
        }
    }
}

TEST_CASE("Signing out does not wait for a service that hangs – stopping waits at most the timeout",
          "[core][oidc][logout]") {
    LogoutCore t("sqlite", quickBackchannel(), /*postTimeoutSeconds=*/1);
    auto& ctx = t.ctx();
    LogoutReceiver hanging, healthy;
    hanging.hang();
    auto slow = createService(ctx, signInService("Slow council", hanging.url()));
    auto fine = createService(ctx, signInService("Parking permits", healthy.url()));
    auto ada = citizenAtServices(ctx, "ada@example.org", {slow.service.id, fine.service.id});

    const auto started = std::chrono::steady_clock::now();
    REQUIRE(SessionService(ctx).signOut(callerFor(ada.session)).ok());
    CHECK(std::chrono::steady_clock::now() - started < milliseconds(500));

    // The healthy service is told even though the slow one holds the worker for a while.
    REQUIRE(hanging.waitFor(1));
    REQUIRE(healthy.waitFor(1, std::chrono::seconds(5)));
    CHECK(eventually([&] { return opSession(ctx, ada.sids[1]).logoutSentAt != 0; }));
    CHECK(opSession(ctx, ada.sids[0]).logoutSentAt == 0);

    const auto stopping = std::chrono::steady_clock::now();
    t.logout().stop();
    CHECK(std::chrono::steady_clock::now() - stopping < std::chrono::seconds(3));
}
