// Logout Tokens as a service receives them: typ logout+jwt, the claims Back-Channel Logout
// 1.0 §2.4 asks for (and no nonce), signed with the service's algorithm by a key of the JWKS.
#include <catch2/catch.hpp>

#include <set>

#include "LogoutFixture.h"
#include "core/oidc/LogoutTokenBuilder.h"

using namespace tessera;
using namespace tessera::test;
using core::oidc::LogoutTokenBuilder;

TEST_CASE("A logout token carries iss, aud, iat, exp, jti, sub, sid and the logout event, and verifies with the JWKS",
          "[core][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto& provider = oidc.provider();
            LogoutTokenBuilder builder(provider.issuer(), oidc.clock(), provider.settings());
            const std::int64_t now = oidc.clock().now();

            for (const std::string alg : {"ES256", "RS256"}) {
                INFO(alg);
                auto token = builder.build({"client-123", "subject-abc", "sid-xyz", alg});
                REQUIRE(token.ok());

                auto verified = verifiedWithJwks(*token, *provider.keys().jwks());
                REQUIRE(verified);
                CHECK(verified->alg == alg);
                CHECK(verified->typ == "logout+jwt");
                const auto& claims = *verified->payload;
                CHECK(claims.getValue<std::string>("iss") == kTestIssuer);
                CHECK(claims.getValue<std::string>("aud") == "client-123");
                CHECK(claims.getValue<std::string>("sub") == "subject-abc");
                CHECK(claims.getValue<std::string>("sid") == "sid-xyz");
                CHECK(claims.getValue<Poco::Int64>("iat") == now);
                // Short-lived: it is posted at once, and every retry gets a new one.
                CHECK(claims.getValue<Poco::Int64>("exp") == now + LogoutTokenBuilder::kDefaultLifetimeSeconds);
                CHECK(claims.getValue<std::string>("jti").size() >= 16);
                CHECK_FALSE(claims.has("nonce"));
                auto events = claims.getObject("events");
                REQUIRE(events);
                CHECK(events->size() == 1);
                auto event = events->getObject("http://schemas.openid.net/event/backchannel-logout");
                REQUIRE(event);
                CHECK(event->size() == 0);
            }
        }
    }
}

TEST_CASE("Every logout token has its own jti", "[core][oidc][logout]") {
    OidcCore oidc("sqlite");
    LogoutTokenBuilder builder(oidc.provider().issuer(), oidc.clock(), oidc.provider().settings());
    std::set<std::string> jtis;
    for (int i = 0; i < 5; ++i) {
        auto token = builder.build({"client-123", "subject-abc", "sid-xyz", "ES256"});
        REQUIRE(token.ok());
        auto parsed = core::oidc::jws::parse(*token);
        REQUIRE(parsed.ok());
        jtis.insert(parsed->payload->getValue<std::string>("jti"));
    }
    CHECK(jtis.size() == 5);
}

TEST_CASE("A logout token is not made for an algorithm the provider does not sign with", "[core][oidc][logout]") {
    OidcCore oidc("sqlite");
    LogoutTokenBuilder builder(oidc.provider().issuer(), oidc.clock(), oidc.provider().settings());
    for (const std::string alg : {"HS256", "none", ""}) {
        auto token = builder.build({"client-123", "subject-abc", "sid-xyz", alg});
        CHECK_FALSE(token.ok());
    }
}
