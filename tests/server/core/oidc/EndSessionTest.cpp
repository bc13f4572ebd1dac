// RP-initiated logout's rules (core/oidc/EndSession): which requests are accepted, where the
// browser may be sent back to (never an unregistered URI), which hints are trusted, when the
// citizen is asked, and that signing out is audited.
#include <catch2/catch.hpp>

#include <algorithm>

#include "LogoutFixture.h"
#include "core/sessions/SessionService.h"

using namespace tessera;
using namespace tessera::test;
using core::oidc::EndSessionRequest;

namespace {

const std::string kReturn = "https://council.example/signed-out";

struct World {
    explicit World(const std::string& backend) : t(backend) {
        council = createService(t.ctx(), signInService("Council tax", "", {kReturn, "https://council.example/bye?x=1"}));
        parking = createService(t.ctx(), signInService("Parking permits", "", {"https://parking.example/done"}));
        native = createService(t.ctx(), signInService("Desktop app", "", {"http://127.0.0.1/logged-out"}));
        ada = citizenAtServices(t.ctx(), "ada@example.org", {council.service.id, parking.service.id});
    }
    std::string hintFor(const core::ServiceWithSecret& service, const std::string& sid, std::int64_t age = 0,
                        const std::string& alg = "ES256") {
        return t.idToken({.clientId = service.service.clientId, .subject = "subject-of-ada", .sid = sid, .alg = alg, .ageSeconds = age});
    }
    Result<core::oidc::EndSessionPlan> check(const EndSessionRequest& request) {
        return t.logout().endSession().check(request);
    }

    LogoutCore t;
    core::ServiceWithSecret council, parking, native;
    CitizenAtServices ada;
};

}  // namespace

TEST_CASE("A valid hint and a registered post-logout URI send the browser back with state", "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            World w(backend);
            auto plan = w.check({w.hintFor(w.council, w.ada.sids[0]), "", kReturn, "af0ifjsldkj"});
            REQUIRE(plan.ok());
            REQUIRE(plan->service);
            CHECK(plan->service->id == w.council.service.id);
            CHECK(plan->hintSid == w.ada.sids[0]);
            CHECK(plan->redirectLocation() == kReturn + "?state=af0ifjsldkj");

            // state is encoded; a registered URI with a query gets &state=.
            auto withQuery = w.check({"", w.council.service.clientId, "https://council.example/bye?x=1", "a b&c=d"});
            REQUIRE(withQuery.ok());
            CHECK(withQuery->redirectLocation() == "https://council.example/bye?x=1&state=a%20b%26c%3Dd");
            // No state, no parameter; no URI, no redirect.
            CHECK(w.check({"", w.council.service.clientId, kReturn, ""})->redirectLocation() == kReturn);
            CHECK(w.check({w.hintFor(w.council, w.ada.sids[0]), "", "", "s"})->redirectLocation().empty());
            // RS256 hints and expired hints are read too: a hint is only a hint.
            CHECK(w.check({w.hintFor(w.council, w.ada.sids[0], 0, "RS256"), "", kReturn, ""}).ok());
            CHECK(w.check({w.hintFor(w.council, w.ada.sids[0], 3600), "", kReturn, ""}).ok());
            // A registered http loopback URI matches on any port (RFC 8252).
            auto loopback = w.check({"", w.native.service.clientId, "http://127.0.0.1:53817/logged-out", ""});
            REQUIRE(loopback.ok());
            CHECK(loopback->redirectLocation() == "http://127.0.0.1:53817/logged-out");
        }
    }
}

TEST_CASE("A post-logout URI the service did not register is refused, never followed", "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            World w(backend);
            const std::string hint = w.hintFor(w.council, w.ada.sids[0]);
            const std::vector<std::string> refusedUris{
                "https://evil.example/",
                "https://parking.example/done",           // another service's
                kReturn + "/more",                          // extra path
                kReturn + "?next=https://evil.example",     // extra query
                kReturn + "#fragment",
                "https://council.example/signed-out/",      // trailing slash
                "https://COUNCIL.example/signed-out",       // not exactly as registered
                "http://council.example/signed-out",        // another scheme
                "https://council.example:8443/signed-out",  // another port
                "https://council.example.evil.example/signed-out",
                "//evil.example/signed-out",
                "/signed-out",
                "http://127.0.0.1/logged-out",              // the native app's, not this service's
            };
            for (const auto& uri : refusedUris) {
                INFO(uri);
                auto plan = w.check({hint, "", uri, "s"});
                REQUIRE_FALSE(plan.ok());
                CHECK(plan.error().code == "unregistered_post_logout_redirect_uri");
            }
            // Without a hint or client_id there is no service to hold the URI to.
            auto anonymous = w.check({"", "", kReturn, "s"});
            REQUIRE_FALSE(anonymous.ok());
            CHECK(anonymous.error().code == "post_logout_redirect_uri_needs_client");
        }
    }
}

TEST_CASE("client_id must name a service, and the hint's service when both are sent", "[core][oidc][logout]") {
    World w("sqlite");
    auto unknown = w.check({"", "no-such-client", "", ""});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == "unknown_client");
    auto mismatch = w.check({w.hintFor(w.council, w.ada.sids[0]), w.parking.service.clientId, "", ""});
    REQUIRE_FALSE(mismatch.ok());
    CHECK(mismatch.error().code == "client_mismatch");
    // The other service's URI with its client_id but the council's hint: still refused.
    CHECK_FALSE(w.check({w.hintFor(w.council, w.ada.sids[0]), w.parking.service.clientId, "https://parking.example/done", ""}).ok());
    CHECK(w.check({w.hintFor(w.council, w.ada.sids[0]), w.council.service.clientId, kReturn, ""}).ok());
    // A disabled service is not known.
    REQUIRE(core::ServiceRegistry(w.t.ctx()).disable(w.parking.service.id, {"test-admin", "127.0.0.1"}).ok());
    CHECK(w.check({"", w.parking.service.clientId, "", ""}).error().code == "unknown_client");
    // Too long a parameter.
    CHECK(w.check({"", "", "", std::string(3000, 's')}).error().code == "invalid_request");
}

TEST_CASE("Forged and foreign hints are refused", "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            World w(backend);
            const auto jwks = w.t.oidc().provider().keys().jwks();
            for (const std::string alg : {"ES256", "RS256"}) {
                const std::string hint = w.hintFor(w.council, w.ada.sids[0], 0, alg);
                REQUIRE(w.check({hint, "", kReturn, ""}).ok());
                for (const auto& [what, forged] : forgeriesOf(hint, *jwks)) {
                    INFO(alg << ": " << what);
                    auto plan = w.check({forged, "", kReturn, ""});
                    REQUIRE_FALSE(plan.ok());
                    CHECK(plan.error().code == "invalid_id_token_hint");
                }
            }
            auto refusedHint = [&](const std::string& hint) {
                auto plan = w.check({hint, "", "", ""});
                return !plan.ok() && plan.error().code == "invalid_id_token_hint";
            };
            // Signed by us but for another issuer, for no known service, or not an ID token.
            CHECK(refusedHint(w.t.idToken({.clientId = w.council.service.clientId, .subject = "s", .issuer = "https://other.example"})));
            CHECK(refusedHint(w.t.idToken({.clientId = "no-such-client", .subject = "s"})));
            Poco::JSON::Object accessClaims;
            accessClaims.set("iss", kTestIssuer);
            accessClaims.set("aud", w.council.service.clientId);
            auto accessToken = w.t.signer().issuer().sign(core::oidc::JwsAlg::ES256, "at+jwt", accessClaims);
            REQUIRE(accessToken.ok());
            CHECK(refusedHint(*accessToken));
            // Another provider's key, with a kid we do not publish.
            OidcCore stranger("sqlite");
            Poco::JSON::Object claims;
            claims.set("iss", kTestIssuer);
            claims.set("aud", w.council.service.clientId);
            auto foreign = stranger.provider().issuer().sign(core::oidc::JwsAlg::ES256, "JWT", claims);
            REQUIRE(foreign.ok());
            CHECK(refusedHint(*foreign));
            CHECK(refusedHint("not a token"));
            CHECK(refusedHint("a.b.c"));
        }
    }
}

TEST_CASE("The citizen is asked unless the hint names an OP session of this very browser session",
          "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            World w(backend);
            auto& endSession = w.t.logout().endSession();
            const auto& here = w.ada.session.session;
            auto elsewhere = anotherSessionAt(w.t.ctx(), w.ada.account, {w.council.service.id});

            auto plan = [&](const std::string& hint, const std::string& clientId = "") {
                auto p = w.check({hint, clientId, "", ""});
                REQUIRE(p.ok());
                return *p;
            };
            CHECK(endSession.endsWithoutAsking(plan(w.hintFor(w.council, w.ada.sids[0])), here));
            CHECK(endSession.endsWithoutAsking(plan(w.hintFor(w.parking, w.ada.sids[1])), here));
            // Another session's sid, a sid of another service, no sid, no hint: asked.
            CHECK_FALSE(endSession.endsWithoutAsking(plan(w.hintFor(w.council, elsewhere.sids[0])), here));
            CHECK_FALSE(endSession.endsWithoutAsking(plan(w.hintFor(w.council, w.ada.sids[1])), here));
            CHECK_FALSE(endSession.endsWithoutAsking(plan(w.hintFor(w.council, "")), here));
            CHECK_FALSE(endSession.endsWithoutAsking(plan("", w.council.service.clientId), here));
            CHECK_FALSE(endSession.endsWithoutAsking(plan(""), here));

            auto names = endSession.servicesSignedInThrough(here);
            std::sort(names.begin(), names.end());
            CHECK(names == std::vector<std::string>{"Council tax", "Parking permits"});
        }
    }
}

TEST_CASE("Signing out at a service's request ends the session and its OP sessions, audited", "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            World w(backend);
            auto& ctx = w.t.ctx();
            auto plan = w.check({w.hintFor(w.council, w.ada.sids[0]), "", kReturn, "s"});
            REQUIRE(plan.ok());
            REQUIRE(w.t.logout().endSession().signOut(callerFor(w.ada.session), *plan, /*asked=*/false).ok());

            CHECK_FALSE(ctx.sessions.find(w.ada.session.token, false));
            for (const auto& sid : w.ada.sids) CHECK(opSession(ctx, sid).endedAt != 0);
            bool found = false;
            for (const auto& e : ctx.audit.entriesFor(w.ada.account.id)) {
                if (e.event != "session.ended") continue;
                found = true;
                CHECK(e.details.find("\"reason\":\"rp_initiated_logout\"") != std::string::npos);
                CHECK(e.details.find("\"service\":\"" + w.council.service.id + "\"") != std::string::npos);
                CHECK(e.details.find("\"asked\":\"no\"") != std::string::npos);
            }
            CHECK(found);
        }
    }
}
