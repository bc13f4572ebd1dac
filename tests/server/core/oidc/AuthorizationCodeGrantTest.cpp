// The authorization-code grant's back channel: issue() records the grant, the OP session and a
// hashed single-use code; exchange() checks client, redirect URI, PKCE and expiry, and a code
// used twice revokes everything issued under it.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "OidcCoreFixture.h"
#include "core/oidc/AuthorizationCodeStore.h"
#include "core/oidc/Scope.h"

using namespace tessera;
using namespace tessera::test;
using core::oidc::AuthenticatedClient;
using core::oidc::ClientAuthMethod;

namespace {

void requireRefused(const Result<core::oidc::TokenResponse>& r, const std::string& code) {
    REQUIRE_FALSE(r);
    INFO(r.error().message);
    CHECK(r.error().code == code);
}

bool accessTokenActive(OidcCore& oidc, const core::Service& service, const std::string& token) {
    auto answer = oidc.provider().introspection().introspect(asClient(service), token);
    REQUIRE(answer);
    return (*answer)->getValue<bool>("active");
}

}  // namespace

TEST_CASE("issue records the grant, the OP session and only the hash of the code", "[oidc][code]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto service = createService(oidc.ctx(), relyingParty()).service;
            auto citizen = signedInCitizen(oidc.ctx());
            const auto request = codeRequest(service, citizen, oidc.clock());
            const auto issued = issueCode(oidc.provider(), request);

            CHECK(issued.code.size() == 43);  // 256 bits, base64url
            CHECK(issued.expiresAt == oidc.clock().now() + 60);
            CHECK_FALSE(issued.sid.empty());
            CHECK(rowCount(oidc.db(), "authorization_codes",
                           "code_hash = '" + core::oidc::AuthorizationCodeStore::hashCode(issued.code) + "'") == 1);
            CHECK(rowCount(oidc.db(), "authorization_codes", "code_hash = '" + issued.code + "'") == 0);
            CHECK(rowCount(oidc.db(), "grants",
                           "sid = '" + issued.sid + "' AND scope = 'openid profile email' AND revoked_at = 0") == 1);
            CHECK(rowCount(oidc.db(), "oidc_sessions", "sid = '" + issued.sid + "'") == 1);

            // A second sign-in at the same service in the same portal session keeps the sid;
            // another service gets a sid of its own.
            oidc.clock().advance(30);
            const auto again = issueCode(oidc.provider(), codeRequest(service, citizen, oidc.clock()));
            CHECK(again.sid == issued.sid);
            CHECK(again.code != issued.code);
            CHECK(rowCount(oidc.db(), "oidc_sessions",
                           "sid = '" + issued.sid + "' AND last_auth_at = " + std::to_string(oidc.clock().now())) == 1);
            auto other = createService(oidc.ctx(), relyingParty("Library", "library.example")).service;
            const auto elsewhere = issueCode(oidc.provider(), codeRequest(other, citizen, oidc.clock()));
            CHECK(elsewhere.sid != issued.sid);
            CHECK(rowCount(oidc.db(), "oidc_sessions") == 2);
        }
    }
}

TEST_CASE("issue refuses what the front channel should have stopped, and writes nothing", "[oidc][code]") {
    OidcCore oidc("sqlite");
    auto service = createService(oidc.ctx(), relyingParty()).service;
    auto app = createService(oidc.ctx(), publicApp()).service;
    auto citizen = signedInCitizen(oidc.ctx());

    auto noChallenge = codeRequest(app, citizen, oidc.clock());
    noChallenge.codeChallenge.clear();
    noChallenge.codeChallengeMethod.clear();
    auto plain = codeRequest(service, citizen, oidc.clock());
    plain.codeChallengeMethod = "plain";
    auto unknownService = codeRequest(service, citizen, oidc.clock());
    unknownService.serviceId = "no-such-service";
    auto noRedirect = codeRequest(service, citizen, oidc.clock());
    noRedirect.redirectUri.clear();

    for (const auto& bad : {noChallenge, plain, unknownService, noRedirect}) {
        auto refused = oidc.provider().codeGrant().issue(bad);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == "invalid_request");
    }
    CHECK(rowCount(oidc.db(), "grants") == 0);
    CHECK(rowCount(oidc.db(), "authorization_codes") == 0);
    CHECK(rowCount(oidc.db(), "oidc_sessions") == 0);
}

TEST_CASE("A code exchanged with the right client, redirect URI and verifier gives tokens once", "[oidc][code]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto service = createService(oidc.ctx(), relyingParty()).service;
            auto citizen = signedInCitizen(oidc.ctx());
            const auto issued = issueCode(oidc.provider(), codeRequest(service, citizen, oidc.clock()));

            const auto tokens = exchangeCode(oidc.provider(), service, issued.code);
            CHECK(tokens.scope == "openid profile email");
            CHECK(tokens.expiresIn == 600);
            CHECK_FALSE(tokens.idToken.empty());
            CHECK_FALSE(tokens.refreshToken.empty());  // the service is allowed refresh_token
            auto verified = oidc.provider().verifier().verifyAccessToken(tokens.accessToken);
            REQUIRE(verified);
            const auto& claims = *verified->claims;
            CHECK(claims.getValue<std::string>("aud") == kTestIssuer);
            CHECK(claims.getValue<std::string>("client_id") == service.clientId);
            CHECK(claims.getValue<std::string>("acr") == "urn:tessera:loa:0");
            CHECK(claims.getValue<Poco::Int64>("auth_time") == oidc.clock().now() - 5);
            CHECK(claims.getValue<std::string>("sub") ==
                  *oidc.provider().subjects().subjectFor(citizen.account.id, service));
            CHECK(verified->record.accountId == citizen.account.id);
            CHECK_FALSE(verified->record.grantId.empty());
            CHECK(accessTokenActive(oidc, service, tokens.accessToken));
        }
    }
}

TEST_CASE("A service not allowed refresh tokens gets none", "[oidc][code]") {
    OidcCore oidc("sqlite");
    auto changes = relyingParty();
    changes.grantTypes = std::vector<std::string>{"authorization_code"};
    changes.allowedScopes = std::vector<std::string>{"openid", "email"};
    auto service = createService(oidc.ctx(), changes).service;
    auto citizen = signedInCitizen(oidc.ctx());
    auto request = codeRequest(service, citizen, oidc.clock());
    request.scopes = {"openid", "email"};
    const auto tokens = exchangeCode(oidc.provider(), service, issueCode(oidc.provider(), request).code);
    CHECK(tokens.refreshToken.empty());
    CHECK_FALSE(tokens.idToken.empty());
}

TEST_CASE("The exchange refuses a wrong redirect URI, verifier, client or an expired code, and the code survives",
          "[oidc][code]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto service = createService(oidc.ctx(), relyingParty()).service;
            auto other = createService(oidc.ctx(), relyingParty("Library", "library.example")).service;
            auto citizen = signedInCitizen(oidc.ctx());
            auto& grant = oidc.provider().codeGrant();
            const auto code = issueCode(oidc.provider(), codeRequest(service, citizen, oidc.clock())).code;
            const std::string redirect = service.redirectUris.front();

            requireRefused(grant.exchange(asClient(service), code, redirect + "/", kCodeVerifier), "invalid_grant");
            requireRefused(grant.exchange(asClient(service), code, "https://parking.example/callback?x=1", kCodeVerifier),
                           "invalid_grant");
            requireRefused(grant.exchange(asClient(service), code, redirect, ""), "invalid_grant");
            std::string wrong = kCodeVerifier;
            wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
            requireRefused(grant.exchange(asClient(service), code, redirect, wrong), "invalid_grant");
            requireRefused(grant.exchange(asClient(service), code, redirect, "short"), "invalid_grant");
            requireRefused(grant.exchange(asClient(other), code, redirect, kCodeVerifier), "invalid_grant");
            requireRefused(grant.exchange(asClient(service), "not-a-code", redirect, kCodeVerifier), "invalid_grant");
            requireRefused(grant.exchange(asClient(service), "", redirect, kCodeVerifier), "invalid_request");
            requireRefused(grant.exchange(asClient(service), code, "", kCodeVerifier), "invalid_request");
            // None of that used the code or touched the grant.
            CHECK(rowCount(oidc.db(), "authorization_codes", "used_at = 0") == 1);
            CHECK(rowCount(oidc.db(), "grants", "revoked_at = 0") == 1);
            CHECK(rowCount(oidc.db(), "access_tokens") == 0);

            oidc.clock().advance(60);
            requireRefused(grant.exchange(asClient(service), code, redirect, kCodeVerifier), "invalid_grant");
            CHECK(rowCount(oidc.db(), "access_tokens") == 0);

            // One second earlier it would still have worked.
            const auto fresh = issueCode(oidc.provider(), codeRequest(service, citizen, oidc.clock())).code;
            oidc.clock().advance(59);
            CHECK(grant.exchange(asClient(service), fresh, redirect, kCodeVerifier));
        }
    }
}

TEST_CASE("PKCE: a code without a challenge refuses a verifier – a public client always needs one", "[oidc][code]") {
    OidcCore oidc("sqlite");
    auto service = createService(oidc.ctx(), relyingParty()).service;
    auto citizen = signedInCitizen(oidc.ctx());
    auto request = codeRequest(service, citizen, oidc.clock());
    request.codeChallenge.clear();
    request.codeChallengeMethod.clear();
    const std::string redirect = service.redirectUris.front();

    const auto code = issueCode(oidc.provider(), request).code;
    requireRefused(oidc.provider().codeGrant().exchange(asClient(service), code, redirect, kCodeVerifier),
                   "invalid_grant");
    CHECK(oidc.provider().codeGrant().exchange(asClient(service), code, redirect, ""));

    auto app = createService(oidc.ctx(), publicApp()).service;
    const auto appCode = issueCode(oidc.provider(), codeRequest(app, citizen, oidc.clock())).code;
    requireRefused(oidc.provider().codeGrant().exchange(asClient(app), appCode, app.redirectUris.front(), ""),
                   "invalid_grant");
    CHECK(oidc.provider().codeGrant().exchange(asClient(app), appCode, app.redirectUris.front(), kCodeVerifier));
}

TEST_CASE("A reused code revokes the grant and the tokens of the first exchange", "[oidc][code]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto service = createService(oidc.ctx(), relyingParty()).service;
            auto citizen = signedInCitizen(oidc.ctx());
            const auto code = issueCode(oidc.provider(), codeRequest(service, citizen, oidc.clock())).code;
            const auto first = exchangeCode(oidc.provider(), service, code);
            REQUIRE(accessTokenActive(oidc, service, first.accessToken));

            oidc.clock().advance(5);
            requireRefused(oidc.provider().codeGrant().exchange(asClient(service), code, service.redirectUris.front(),
                                                                kCodeVerifier),
                           "invalid_grant");
            CHECK_FALSE(accessTokenActive(oidc, service, first.accessToken));
            CHECK_FALSE(oidc.provider().verifier().verifyAccessToken(first.accessToken));
            CHECK(rowCount(oidc.db(), "grants", "revoked_reason = 'code_reuse'") == 1);
            auto refreshed = oidc.provider().refreshGrant().refresh(asClient(service), first.refreshToken, std::nullopt);
            requireRefused(refreshed, "invalid_grant");
            auto audit = oidc.ctx().audit.entriesFor(citizen.account.id);
            CHECK(std::any_of(audit.begin(), audit.end(),
                              [](const auto& e) { return e.event == "oidc.grant_revoked"; }));
        }
    }
}

TEST_CASE("Of two concurrent exchanges of one code exactly one wins", "[oidc][code]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto service = createService(oidc.ctx(), relyingParty()).service;
            auto citizen = signedInCitizen(oidc.ctx());
            for (int round = 0; round < 3; ++round) {
                const auto code = issueCode(oidc.provider(), codeRequest(service, citizen, oidc.clock())).code;
                std::atomic<int> wins{0}, refusals{0};
                std::atomic<bool> go{false};
                auto attempt = [&]() {
                    while (!go.load()) std::this_thread::yield();
                    auto r = oidc.provider().codeGrant().exchange(asClient(service), code, service.redirectUris.front(),
                                                                  kCodeVerifier);
                    if (r) ++wins;
                    else if (r.error().code == "invalid_grant") ++refusals;
                };
                std::thread a(attempt), b(attempt);
                go = true;
                a.join();
                b.join();
                CHECK(wins.load() == 1);
                CHECK(refusals.load() == 1);
            }
        }
    }
}

TEST_CASE("A code is refused once the account is disabled or the grant revoked", "[oidc][code]") {
    OidcCore oidc("sqlite");
    auto service = createService(oidc.ctx(), relyingParty()).service;
    auto citizen = signedInCitizen(oidc.ctx());
    SECTION("account disabled") {
        const auto code = issueCode(oidc.provider(), codeRequest(service, citizen, oidc.clock())).code;
        setAccountStatus(oidc.ctx(), citizen.account.id, core::AccountStatus::Disabled);
        requireRefused(oidc.provider().codeGrant().exchange(asClient(service), code, service.redirectUris.front(),
                                                            kCodeVerifier),
                       "invalid_grant");
        CHECK(rowCount(oidc.db(), "access_tokens") == 0);
    }
    SECTION("grant revoked") {
        const auto code = issueCode(oidc.provider(), codeRequest(service, citizen, oidc.clock())).code;
        Poco::Data::Session s = oidc.db().session();
        s << "UPDATE grants SET revoked_at = 1, revoked_reason = 'consent_withdrawn'", Poco::Data::Keywords::now;
        requireRefused(oidc.provider().codeGrant().exchange(asClient(service), code, service.redirectUris.front(),
                                                            kCodeVerifier),
                       "invalid_grant");
    }
    SECTION("a service not allowed the grant") {
        auto backend = createService(oidc.ctx(), backendService()).service;
        requireRefused(oidc.provider().codeGrant().exchange(asClient(backend), "x", "https://x.example/", kCodeVerifier),
                       "unauthorized_client");
    }
}

TEST_CASE("Housekeeping deletes dead codes and refresh tokens, keeping used codes while their grant lives",
          "[oidc][code]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto service = createService(oidc.ctx(), relyingParty()).service;
            auto citizen = signedInCitizen(oidc.ctx());
            issueCode(oidc.provider(), codeRequest(service, citizen, oidc.clock()));  // never used
            const auto used = issueCode(oidc.provider(), codeRequest(service, citizen, oidc.clock())).code;
            const auto tokens = exchangeCode(oidc.provider(), service, used);
            REQUIRE(rowCount(oidc.db(), "refresh_tokens") == 1);

            oidc.clock().advance(61);
            oidc.provider().housekeeping();
            CHECK(rowCount(oidc.db(), "authorization_codes") == 1);  // the used one: a replay must still revoke
            CHECK(rowCount(oidc.db(), "refresh_tokens") == 1);

            // Revoking the grant: the used code goes at once, its refresh tokens a day later.
            REQUIRE(oidc.provider().introspection().revoke(asClient(service), tokens.refreshToken));
            oidc.clock().advance(61);
            oidc.provider().housekeeping();
            CHECK(rowCount(oidc.db(), "authorization_codes") == 0);
            CHECK(rowCount(oidc.db(), "refresh_tokens") == 1);
            oidc.clock().advance(24 * 3600);
            oidc.provider().housekeeping();
            CHECK(rowCount(oidc.db(), "refresh_tokens") == 0);
        }
    }
}
