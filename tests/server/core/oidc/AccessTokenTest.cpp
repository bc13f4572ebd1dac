// Access tokens: issued as RFC 9068 JWTs for client credentials, recorded, checked by the
// verifier (signature, issuer, expiry, record, revocation), introspected and revoked only by
// the service they were issued to.
#include <Poco/JSON/Array.h>

#include <catch2/catch.hpp>

#include "OidcCoreFixture.h"
#include "core/oidc/Jws.h"
#include "infra/Encoding.h"

using namespace tessera;
using namespace tessera::test;
using core::oidc::AuthenticatedClient;
using core::oidc::ClientAuthMethod;

namespace {

AuthenticatedClient authenticated(const core::Service& s) { return AuthenticatedClient{s, ClientAuthMethod::SecretBasic}; }

core::oidc::IssuedAccessToken issue(OidcCore& oidc, const core::Service& s, std::optional<std::string> scope = {}) {
    auto issued = oidc.provider().clientCredentials().issue(authenticated(s), scope);
    REQUIRE(issued);
    return *issued;
}

}  // namespace

TEST_CASE("A client credentials token is an at+jwt with the RFC 9068 claims", "[oidc][tokens]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto service = createService(oidc.ctx(), backendService()).service;
            const auto issued = issue(oidc, service);
            auto parsed = core::oidc::jws::parse(issued.token);
            REQUIRE(parsed);
            CHECK(parsed->alg == "ES256");
            CHECK(parsed->typ == "at+jwt");
            CHECK(parsed->kid == oidc.provider().keys().current(core::oidc::JwsAlg::ES256)->kid);
            const auto& c = *parsed->payload;
            CHECK(c.getValue<std::string>("iss") == kTestIssuer);
            CHECK(c.getValue<std::string>("sub") == service.clientId);
            CHECK(c.getValue<std::string>("client_id") == service.clientId);
            CHECK(c.getValue<std::string>("aud") == kTestIssuer);
            CHECK(c.getValue<Poco::Int64>("iat") == oidc.clock().now());
            CHECK(c.getValue<Poco::Int64>("exp") == oidc.clock().now() + oidc.provider().settings().accessTokenSeconds);
            CHECK(c.getValue<std::string>("jti") == issued.jti);
            CHECK_FALSE(c.has("scope"));
            CHECK_FALSE(c.has("acr"));  // no citizen behind it
            CHECK(issued.expiresIn == oidc.provider().settings().accessTokenSeconds);
            auto verified = oidc.provider().verifier().verifyAccessToken(issued.token);
            REQUIRE(verified);
            CHECK(verified->record.serviceId == service.id);
        }
    }
}

TEST_CASE("A service registered for RS256 gets RS256 tokens", "[oidc][tokens]") {
    OidcCore oidc("sqlite");
    auto changes = backendService();
    changes.idTokenAlg = "RS256";
    auto service = createService(oidc.ctx(), changes).service;
    const auto issued = issue(oidc, service);
    auto parsed = core::oidc::jws::parse(issued.token);
    REQUIRE(parsed);
    CHECK(parsed->alg == "RS256");
    CHECK(oidc.provider().verifier().verifyAccessToken(issued.token));
}

TEST_CASE("The client credentials grant is for confidential services allowed it, without citizen scopes",
          "[oidc][tokens]") {
    OidcCore oidc("sqlite");
    SECTION("a service not allowed the grant") {
        auto changes = backendService();
        changes.grantTypes = std::vector<std::string>{"authorization_code"};
        changes.redirectUris = std::vector<std::string>{"https://council.example/callback"};
        changes.allowedScopes = std::vector<std::string>{"openid"};
        auto service = createService(oidc.ctx(), changes).service;
        auto refused = oidc.provider().clientCredentials().issue(authenticated(service), std::nullopt);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == "unauthorized_client");
    }
    SECTION("a public client") {
        auto service = createService(oidc.ctx(), backendService()).service;
        auto refused = oidc.provider().clientCredentials().issue(AuthenticatedClient{service, ClientAuthMethod::None}, std::nullopt);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == "unauthorized_client");
    }
    SECTION("scopes") {
        auto changes = backendService();
        changes.grantTypes = std::vector<std::string>{"authorization_code", "client_credentials"};
        changes.redirectUris = std::vector<std::string>{"https://council.example/callback"};
        changes.allowedScopes = std::vector<std::string>{"openid", "email"};
        auto service = createService(oidc.ctx(), changes).service;
        auto& grant = oidc.provider().clientCredentials();
        for (const char* scope : {"openid", "email", "profile", "openid email", "not-a-scope"}) {
            auto refused = grant.issue(authenticated(service), std::string(scope));
            REQUIRE_FALSE(refused);
            CHECK(refused.error().code == "invalid_scope");
        }
        auto badSyntax = grant.issue(authenticated(service), std::string("a  b"));
        REQUIRE_FALSE(badSyntax);
        CHECK(badSyntax.error().code == "invalid_scope");
    }
}

TEST_CASE("Verification refuses expired, revoked, unknown, foreign and tampered tokens", "[oidc][tokens]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto& verifier = oidc.provider().verifier();
            auto service = createService(oidc.ctx(), backendService()).service;

            const auto issued = issue(oidc, service);
            oidc.clock().advance(oidc.provider().settings().accessTokenSeconds - 1);
            CHECK(verifier.verifyAccessToken(issued.token));
            oidc.clock().advance(1);
            auto expired = verifier.verifyAccessToken(issued.token);
            REQUIRE_FALSE(expired);
            CHECK(expired.error().code == "invalid_token");

            const auto second = issue(oidc, service);
            REQUIRE(oidc.provider().introspection().revoke(authenticated(service), second.token));
            CHECK_FALSE(verifier.verifyAccessToken(second.token));

            // A token this server signed but never recorded (e.g. a forged jti) is unknown.
            Poco::JSON::Object claims;
            claims.set("iss", kTestIssuer);
            claims.set("sub", service.clientId);
            claims.set("client_id", service.clientId);
            claims.set("jti", "never-issued");
            claims.set("iat", Poco::Int64(oidc.clock().now()));
            claims.set("exp", Poco::Int64(oidc.clock().now() + 60));
            auto unrecorded = oidc.provider().issuer().sign(core::oidc::JwsAlg::ES256, "at+jwt", claims);
            REQUIRE(unrecorded);
            CHECK_FALSE(verifier.verifyAccessToken(*unrecorded));
            // ...and another issuer's claim is refused.
            claims.set("iss", "https://elsewhere.example");
            CHECK_FALSE(verifier.verifyAccessToken(*oidc.provider().issuer().sign(core::oidc::JwsAlg::ES256, "at+jwt", claims)));
            // ID tokens and other JWTs are not access tokens.
            const auto third = issue(oidc, service);
            auto parsed = core::oidc::jws::parse(third.token);
            auto asIdToken = oidc.provider().issuer().sign(core::oidc::JwsAlg::ES256, "JWT", *parsed->payload);
            CHECK_FALSE(verifier.verifyAccessToken(*asIdToken));
            CHECK(verifier.verifyAccessToken(third.token));
            // One changed character anywhere breaks it.
            std::string tampered = third.token;
            const auto dot = tampered.find('.');
            tampered[dot + 5] = tampered[dot + 5] == 'A' ? 'B' : 'A';
            CHECK_FALSE(verifier.verifyAccessToken(tampered));
        }
    }
}

TEST_CASE("Introspection and revocation only concern the caller's own tokens", "[oidc][tokens]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto mine = createService(oidc.ctx(), backendService("Mine")).service;
            auto theirs = createService(oidc.ctx(), backendService("Theirs")).service;
            const auto token = issue(oidc, mine);
            auto& introspection = oidc.provider().introspection();

            auto own = introspection.introspect(authenticated(mine), token.token);
            REQUIRE(own);
            CHECK((*own)->getValue<bool>("active"));
            CHECK((*own)->getValue<std::string>("client_id") == mine.clientId);
            CHECK((*own)->getValue<std::string>("token_type") == "Bearer");

            auto other = introspection.introspect(authenticated(theirs), token.token);
            REQUIRE(other);
            CHECK_FALSE((*other)->getValue<bool>("active"));
            CHECK((*other)->size() == 1);  // nothing but active:false
            REQUIRE(introspection.revoke(authenticated(theirs), token.token));
            CHECK((*introspection.introspect(authenticated(mine), token.token))->getValue<bool>("active"));

            auto publicCaller = introspection.introspect(AuthenticatedClient{mine, ClientAuthMethod::None}, token.token);
            REQUIRE_FALSE(publicCaller);
            CHECK(publicCaller.error().code == "invalid_client");

            // A disabled service's tokens are inactive.
            REQUIRE(core::ServiceRegistry(oidc.ctx()).disable(mine.id, {"admin", ""}));
            CHECK_FALSE((*introspection.introspect(authenticated(mine), token.token))->getValue<bool>("active"));
        }
    }
}

TEST_CASE("Housekeeping deletes the records of expired tokens", "[oidc][tokens]") {
    OidcCore oidc("sqlite");
    auto service = createService(oidc.ctx(), backendService()).service;
    const auto token = issue(oidc, service);
    core::oidc::AccessTokenStore store(oidc.db());
    REQUIRE(store.find(token.jti));
    oidc.clock().advance(oidc.provider().settings().accessTokenSeconds + 120);
    oidc.provider().housekeeping();
    CHECK_FALSE(store.find(token.jti));
}
