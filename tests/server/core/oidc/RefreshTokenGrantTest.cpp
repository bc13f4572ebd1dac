// The refresh_token grant: rotation within a family, reuse revoking the family, scope
// narrowing, and the grant's limits (expiry, other clients, OP session without offline_access).
#include <Poco/Data/Session.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "OidcCoreFixture.h"
#include "core/oidc/OidcSessionStore.h"
#include "core/oidc/RefreshTokenStore.h"

using namespace tessera;
using namespace tessera::test;

namespace {

struct Family {
    core::Service service;
    SignedInCitizen citizen;
    core::oidc::TokenResponse first;
};

Family startFamily(OidcCore& oidc, std::vector<std::string> scopes = {"openid", "profile", "email", "offline_access"}) {
    Family f;
    f.service = createService(oidc.ctx(), relyingParty()).service;
    f.citizen = signedInCitizen(oidc.ctx());
    auto request = codeRequest(f.service, f.citizen, oidc.clock());
    request.scopes = std::move(scopes);
    f.first = exchangeCode(oidc.provider(), f.service, issueCode(oidc.provider(), request).code);
    REQUIRE_FALSE(f.first.refreshToken.empty());
    return f;
}

Result<core::oidc::TokenResponse> refresh(OidcCore& oidc, const core::Service& service, const std::string& token,
                                          std::optional<std::string> scope = std::nullopt) {
    return oidc.provider().refreshGrant().refresh(asClient(service), token, scope);
}

void requireRefused(const Result<core::oidc::TokenResponse>& r, const std::string& code) {
    REQUIRE_FALSE(r);
    INFO(r.error().message);
    CHECK(r.error().code == code);
}

}  // namespace

TEST_CASE("Each refresh rotates the refresh token within its family", "[oidc][refresh]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto f = startFamily(oidc);
            oidc.clock().advance(300);
            auto second = refresh(oidc, f.service, f.first.refreshToken);
            REQUIRE(second);
            CHECK(second->refreshToken != f.first.refreshToken);
            CHECK(second->accessToken != f.first.accessToken);
            CHECK(second->scope == "openid profile email offline_access");
            CHECK_FALSE(second->idToken.empty());
            const auto firstHash = core::oidc::RefreshTokenStore::hashToken(f.first.refreshToken);
            const auto secondHash = core::oidc::RefreshTokenStore::hashToken(second->refreshToken);
            CHECK(rowCount(oidc.db(), "refresh_tokens", "token_hash = '" + firstHash + "' AND used_at <> 0") == 1);
            CHECK(rowCount(oidc.db(), "refresh_tokens",
                           "token_hash = '" + secondHash + "' AND parent_hash = '" + firstHash + "' AND used_at = 0") == 1);

            // The new ID token keeps sub, aud, auth_time, acr and sid, and has no nonce.
            auto before = verifyWithJwks(oidc.provider(), f.first.idToken).claims;
            auto after = verifyWithJwks(oidc.provider(), second->idToken).claims;
            for (const char* name : {"sub", "aud", "acr", "sid", "azp"})
                CHECK(after->getValue<std::string>(name) == before->getValue<std::string>(name));
            CHECK(after->getValue<Poco::Int64>("auth_time") == before->getValue<Poco::Int64>("auth_time"));
            CHECK(before->has("nonce"));
            CHECK_FALSE(after->has("nonce"));
            CHECK(after->getValue<Poco::Int64>("iat") == oidc.clock().now());

            auto third = refresh(oidc, f.service, second->refreshToken);
            REQUIRE(third);
            CHECK(oidc.provider().verifier().verifyAccessToken(third->accessToken));
        }
    }
}

TEST_CASE("A reused refresh token revokes the whole family, the newest token too", "[oidc][refresh]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto f = startFamily(oidc);
            auto second = refresh(oidc, f.service, f.first.refreshToken);
            REQUIRE(second);

            requireRefused(refresh(oidc, f.service, f.first.refreshToken), "invalid_grant");
            requireRefused(refresh(oidc, f.service, second->refreshToken), "invalid_grant");
            CHECK_FALSE(oidc.provider().verifier().verifyAccessToken(second->accessToken));
            CHECK_FALSE(oidc.provider().verifier().verifyAccessToken(f.first.accessToken));
            CHECK(rowCount(oidc.db(), "grants", "revoked_reason = 'refresh_reuse'") == 1);
            CHECK(rowCount(oidc.db(), "refresh_tokens", "revoked_at = 0") == 0);
            auto answer = oidc.provider().introspection().introspect(asClient(f.service), second->refreshToken);
            REQUIRE(answer);
            CHECK_FALSE((*answer)->getValue<bool>("active"));
        }
    }
}

TEST_CASE("Of two concurrent uses of one refresh token exactly one wins", "[oidc][refresh]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto f = startFamily(oidc);
            std::atomic<int> wins{0};
            std::atomic<bool> go{false};
            auto attempt = [&]() {
                while (!go.load()) std::this_thread::yield();
                if (refresh(oidc, f.service, f.first.refreshToken)) ++wins;
            };
            std::thread a(attempt), b(attempt);
            go = true;
            a.join();
            b.join();
            CHECK(wins.load() == 1);
            // The loser counts as reuse: the family is gone.
            CHECK(rowCount(oidc.db(), "grants", "revoked_reason = 'refresh_reuse'") == 1);
        }
    }
}

TEST_CASE("scope may narrow the refreshed access token, never widen it", "[oidc][refresh]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto f = startFamily(oidc, {"openid", "email", "offline_access"});

            requireRefused(refresh(oidc, f.service, f.first.refreshToken, "openid profile"), "invalid_scope");
            requireRefused(refresh(oidc, f.service, f.first.refreshToken, "openid  email"), "invalid_scope");
            // Refused requests did not use the token.
            auto narrowed = refresh(oidc, f.service, f.first.refreshToken, "email");
            REQUIRE(narrowed);
            CHECK(narrowed->scope == "email");
            CHECK(narrowed->idToken.empty());  // no openid, no ID token
            auto verified = oidc.provider().verifier().verifyAccessToken(narrowed->accessToken);
            REQUIRE(verified);
            CHECK(verified->claims->getValue<std::string>("scope") == "email");

            // The new refresh token still holds the whole grant.
            auto whole = refresh(oidc, f.service, narrowed->refreshToken);
            REQUIRE(whole);
            CHECK(whole->scope == "openid email offline_access");
            CHECK_FALSE(whole->idToken.empty());
        }
    }
}

TEST_CASE("A refresh token works only for its client and within its grant's life", "[oidc][refresh]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto f = startFamily(oidc);
            auto other = createService(oidc.ctx(), relyingParty("Library", "library.example")).service;

            requireRefused(refresh(oidc, other, f.first.refreshToken), "invalid_grant");
            requireRefused(refresh(oidc, f.service, "not-a-refresh-token"), "invalid_grant");
            requireRefused(refresh(oidc, f.service, ""), "invalid_request");
            CHECK(rowCount(oidc.db(), "grants", "revoked_at = 0") == 1);  // another client's try changes nothing

            auto backendSvc = createService(oidc.ctx(), backendService()).service;
            requireRefused(refresh(oidc, backendSvc, f.first.refreshToken), "unauthorized_client");

            oidc.clock().advance(oidc.provider().settings().refreshTokenSeconds);
            requireRefused(refresh(oidc, f.service, f.first.refreshToken), "invalid_grant");
        }
    }
}

TEST_CASE("A refresh is refused once the account is disabled", "[oidc][refresh]") {
    OidcCore oidc("sqlite");
    auto f = startFamily(oidc);
    setAccountStatus(oidc.ctx(), f.citizen.account.id, core::AccountStatus::Disabled);
    requireRefused(refresh(oidc, f.service, f.first.refreshToken), "invalid_grant");
    setAccountStatus(oidc.ctx(), f.citizen.account.id, core::AccountStatus::Active);
    CHECK(refresh(oidc, f.service, f.first.refreshToken));  // nothing was used up
}

TEST_CASE("Without offline_access, refreshing ends with the citizen's OP session", "[oidc][refresh]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto online = startFamily(oidc, {"openid", "email"});
            auto second = refresh(oidc, online.service, online.first.refreshToken);
            REQUIRE(second);

            // An offline grant in the same portal session, at another service.
            auto library = createService(oidc.ctx(), relyingParty("Library", "library.example")).service;
            auto request = codeRequest(library, online.citizen, oidc.clock());
            request.scopes = {"openid", "offline_access"};
            auto offline = exchangeCode(oidc.provider(), library, issueCode(oidc.provider(), request).code);

            auto done = oidc.db().transaction<void>([&](Poco::Data::Session& s) -> Status {
                core::oidc::OidcSessionStore(oidc.db())
                    .endForSessions(s, {online.citizen.session.session.publicId}, oidc.clock().now());
                return {};
            });
            REQUIRE(done);
            requireRefused(refresh(oidc, online.service, second->refreshToken), "invalid_grant");
            CHECK(refresh(oidc, library, offline.refreshToken));
        }
    }
}
