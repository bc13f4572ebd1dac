// The oidc_sessions table as logout uses it: live rows per portal session, ending that reports
// each row once (so of two enders only one tells the services), and the queue of ended rows
// awaiting their logout token.
#include <catch2/catch.hpp>

#include "LogoutFixture.h"
#include "core/oidc/OidcSessionStore.h"

using namespace tessera;
using namespace tessera::test;
using core::oidc::OidcSession;
using core::oidc::OidcSessionStore;

TEST_CASE("Ending OP sessions reports each row once, and only ended rows with a URI await a token",
          "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto& ctx = oidc.ctx();
            auto council = createService(ctx, signInService("Council tax", "https://council.example/bc"));
            auto library = createService(ctx, signInService("Library", ""));
            auto ada = citizenAtServices(ctx, "ada@example.org", {council.service.id, library.service.id});
            auto bob = citizenAtServices(ctx, "bob@example.org", {council.service.id});
            OidcSessionStore store(ctx.db);
            const std::string pub = ada.session.session.publicId;
            auto end = [&](const std::vector<std::string>& publicIds) {
                return ctx.db.transaction<std::vector<OidcSession>>(
                    [&](Poco::Data::Session& s) -> Result<std::vector<OidcSession>> {
                        return store.endForSessions(s, publicIds, ctx.clock.now());
                    });
            };

            CHECK(store.liveFor(pub).size() == 2);
            CHECK_FALSE(store.pending(ada.sids[0]));  // live: nothing to tell yet
            oidc.clock().advance(5);
            auto ended = end({pub});
            REQUIRE(ended.ok());
            CHECK(ended->size() == 2);
            for (const auto& o : *ended) CHECK(o.endedAt == oidc.clock().now());
            auto again = end({pub});
            REQUIRE(again.ok());
            CHECK(again->empty());
            CHECK(store.liveFor(pub).empty());
            CHECK(store.liveFor(bob.session.session.publicId).size() == 1);

            auto pending = store.pending(ada.sids[0]);
            REQUIRE(pending);
            CHECK(pending->clientId == council.service.clientId);
            CHECK(pending->backchannelLogoutUri == "https://council.example/bc");
            CHECK(pending->idTokenAlg == "ES256");
            CHECK_FALSE(store.pending(ada.sids[1]));  // the library has no back-channel URI
            const std::int64_t now = oidc.clock().now();
            CHECK(store.pendingEndedBetween(now - 60, now, 10).size() == 1);
            CHECK(store.pendingEndedBetween(now - 60, now - 1, 10).empty());

            auto marked = ctx.db.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
                return store.markSent(s, ada.sids[0], now);
            });
            REQUIRE(marked.ok());
            CHECK(*marked);
            auto markedAgain = ctx.db.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
                return store.markSent(s, ada.sids[0], now + 1);
            });
            REQUIRE(markedAgain.ok());
            CHECK_FALSE(*markedAgain);  // the first record stays
            CHECK(opSession(ctx, ada.sids[0]).logoutSentAt == now);
            CHECK_FALSE(store.pending(ada.sids[0]));
            CHECK_FALSE(store.find("no-such-sid"));
        }
    }
}
