#include <catch2/catch.hpp>

#include "core/sessions/SessionService.h"
#include "support/AuthBuilders.h"

using tessera::core::SessionService;
using tessera::core::SessionStage;
using namespace tessera::test;

namespace {

int endedAudits(tessera::core::Context& ctx, const std::string& accountId, const std::string& reason) {
    int n = 0;
    for (const auto& e : ctx.audit.entriesFor(accountId))
        if (e.event == "session.ended" && e.details.find("\"reason\":\"" + reason + "\"") != std::string::npos) ++n;
    return n;
}

}  // namespace

TEST_CASE("My sessions are listed with the current one marked, and only mine", "[core][sessions]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto& ctx = t.ctx();
            auto ada = makeAccount(ctx, activeWithTotp("ada@example.org"));
            auto bob = makeAccount(ctx, activeWithTotp("bob@example.org"));
            auto here = makeSession(ctx, ada.id, SessionStage::Authenticated);
            t.clock().advance(5);
            auto phone = makeSession(ctx, ada.id, SessionStage::Authenticated);
            makeSession(ctx, bob.id, SessionStage::Authenticated);

            auto mine = SessionService(ctx).listMine(callerFor(here));
            REQUIRE(mine.size() == 2);
            CHECK(mine[0].session.publicId == phone.session.publicId);  // newest first
            CHECK_FALSE(mine[0].current);
            CHECK(mine[1].session.publicId == here.session.publicId);
            CHECK(mine[1].current);
        }
    }
}

TEST_CASE("Ending one session, signing out, and signing out everywhere", "[core][sessions]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto& ctx = t.ctx();
            auto ada = makeAccount(ctx, activeWithTotp("ada@example.org"));
            auto bob = makeAccount(ctx, activeWithTotp("bob@example.org"));
            auto here = makeSession(ctx, ada.id, SessionStage::Authenticated);
            auto laptop = makeSession(ctx, ada.id, SessionStage::Authenticated);
            auto phone = makeSession(ctx, ada.id, SessionStage::Authenticated);
            auto bobs = makeSession(ctx, bob.id, SessionStage::Authenticated);
            SessionService service(ctx);

            // Someone else's session is "not found", not "forbidden": ids reveal nothing.
            auto notMine = service.endOne(callerFor(here), bobs.session.publicId);
            REQUIRE_FALSE(notMine.ok());
            CHECK(notMine.error().code == "session_not_found");
            CHECK(ctx.sessions.find(bobs.token).has_value());

            REQUIRE(service.endOne(callerFor(here), laptop.session.publicId).ok());
            CHECK_FALSE(ctx.sessions.find(laptop.token).has_value());
            CHECK(ctx.sessions.find(here.token).has_value());
            CHECK(endedAudits(ctx, ada.id, "ended_by_owner") == 1);
            CHECK_FALSE(service.endOne(callerFor(here), laptop.session.publicId).ok());  // already ended

            auto everywhere = service.endEverywhere(callerFor(phone));
            REQUIRE(everywhere.ok());
            CHECK(*everywhere == 2);
            CHECK_FALSE(ctx.sessions.find(here.token).has_value());
            CHECK_FALSE(ctx.sessions.find(phone.token).has_value());
            CHECK(ctx.sessions.find(bobs.token).has_value());
            CHECK(endedAudits(ctx, ada.id, "signed_out_everywhere") == 1);

            REQUIRE(service.signOut(callerFor(bobs)).ok());
            CHECK_FALSE(ctx.sessions.find(bobs.token).has_value());
            CHECK(endedAudits(ctx, bob.id, "signed_out") == 1);
        }
    }
}
