// Back-channel logout through the real server: signing out in the portal or over the REST
// API ends the session's OP sessions, and each service's loopback endpoint receives one
// Logout Token that verifies with the published JWKS — without the citizen waiting for it.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "LogoutWebFixture.h"
#include "support/LogoutReceiver.h"

using namespace tessera;
using namespace tessera::test;

namespace {

template <class Done>
bool eventually(Done done, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return done();
}

// The claims of the one token `receiver` got, checked against the server's JWKS.
Poco::JSON::Object::Ptr onlyToken(TestServer& server, const LogoutReceiver& receiver) {
    const auto got = receiver.received();
    REQUIRE(got.size() == 1);
    CHECK(got[0].method == "POST");
    CHECK(got[0].contentType == "application/x-www-form-urlencoded");
    auto verified = verifiedWithJwks(got[0].logoutToken, *fetchJwks(server));
    REQUIRE(verified);
    CHECK(verified->typ == "logout+jwt");
    CHECK(verified->payload->getValue<std::string>("iss") == kIssuer);
    CHECK_FALSE(verified->payload->has("nonce"));
    return verified->payload;
}

}  // namespace

TEST_CASE("Signing out in the portal tells each service of the session, once, with its sid and sub",
          "[web][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            LogoutReceiver councilTax, parking;
            auto a = createSignInService(server, "Council tax", councilTax.url());
            auto b = createSignInService(server, "Parking permits", parking.url());
            auto c = createSignInService(server, "Library", "");
            PortalClient browser(server.port());
            auto ada = signInBrowser(server, browser, "ada@example.org", {a.id, b.id, c.id});
            PortalClient phone(server.port());
            auto adaPhone = signInAgain(server, phone, ada.account, {a.id});

            REQUIRE(browser.get("/sign-out").status == 200);
            auto signedOut = browser.submit("/sign-out", {});
            REQUIRE(signedOut.status == 303);

            REQUIRE(councilTax.waitFor(1));
            REQUIRE(parking.waitFor(1));
            auto& ctx = server.services();
            auto aClaims = onlyToken(server, councilTax);
            CHECK(aClaims->getValue<std::string>("aud") == a.clientId);
            CHECK(aClaims->getValue<std::string>("sid") == ada.sids[0]);
            CHECK(aClaims->getValue<std::string>("sub") == opSession(ctx, ada.sids[0]).subject);
            auto bClaims = onlyToken(server, parking);
            CHECK(bClaims->getValue<std::string>("aud") == b.clientId);
            CHECK(bClaims->getValue<std::string>("sid") == ada.sids[1]);

            for (const auto& sid : ada.sids) CHECK(opSession(ctx, sid).endedAt != 0);
            CHECK(opSession(ctx, adaPhone.sids[0]).endedAt == 0);
            CHECK(eventually([&] { return opSession(ctx, ada.sids[1]).logoutSentAt != 0; }));
            CHECK(eventually([&] { return opSession(ctx, ada.sids[0]).logoutSentAt != 0; }));
            CHECK(opSession(ctx, ada.sids[2]).logoutSentAt == 0);  // no back-channel URI: skipped
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            CHECK(councilTax.count() == 1);
            CHECK_FALSE(cookieStillWorks(server, ada.cookie));
            CHECK(cookieStillWorks(server, adaPhone.cookie));
        }
    }
}

TEST_CASE("Ending sessions over the REST API tells the services of each ended session", "[web][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            LogoutReceiver receiver;
            auto service = createSignInService(server, "Council tax", receiver.url());
            PortalClient laptop(server.port()), phone(server.port());
            auto onLaptop = signInBrowser(server, laptop, "ada@example.org", {service.id});
            auto onPhone = signInAgain(server, phone, onLaptop.account, {service.id});

            // DELETE /api/v1/sessions/{id}: the laptop ends the phone's session.
            auto ended = laptop.api().del("/api/v1/sessions/" + onPhone.sessionPublicId);
            REQUIRE(ended.status == 204);
            REQUIRE(receiver.waitFor(1));
            CHECK(onlyToken(server, receiver)->getValue<std::string>("sid") == onPhone.sids[0]);
            CHECK(opSession(server.services(), onLaptop.sids[0]).endedAt == 0);

            // DELETE /api/v1/sessions: everywhere, the laptop included.
            REQUIRE(laptop.api().del("/api/v1/sessions").status == 204);
            REQUIRE(receiver.waitFor(2));
            auto verified = verifiedWithJwks(receiver.received()[1].logoutToken, *fetchJwks(server));
            REQUIRE(verified);
            CHECK(verified->payload->getValue<std::string>("sid") == onLaptop.sids[0]);
            CHECK_FALSE(cookieStillWorks(server, onLaptop.cookie));
        }
    }
}

TEST_CASE("Signing out answers at once even when a service hangs", "[web][oidc][logout]") {
    TestServer server("sqlite", oidcServerSettings);
    auto hanging = std::make_unique<LogoutReceiver>();  // destroyed (released) before the server stops
    hanging->hang();
    LogoutReceiver healthy;
    auto slow = createSignInService(server, "Slow council", hanging->url());
    auto fine = createSignInService(server, "Parking permits", healthy.url());
    PortalClient browser(server.port());
    auto ada = signInBrowser(server, browser, "ada@example.org", {slow.id, fine.id});
    REQUIRE(browser.get("/sign-out").status == 200);

    const auto started = std::chrono::steady_clock::now();
    auto signedOut = browser.submit("/sign-out", {});
    const auto took = std::chrono::steady_clock::now() - started;
    CHECK(signedOut.status == 303);
    CHECK(took < std::chrono::seconds(1));
    CHECK_FALSE(cookieStillWorks(server, ada.cookie));

    REQUIRE(hanging->waitFor(1));
    // The other service is told once the hung delivery times out (5 s), not after the retries.
    CHECK(healthy.waitFor(1, std::chrono::seconds(8)));
    hanging.reset();
}
