// ID tokens (OpenID Connect Core §2, §3.1.3.6) as a relying party checks them: signed with the
// service's algorithm by a key of the JWKS, with the protocol claims and no personal claim
// unless the claims parameter asked for it in the ID token.
#include <Poco/JSON/Array.h>

#include <catch2/catch.hpp>

#include "OidcCoreFixture.h"
#include "core/oidc/IdTokenIssuer.h"
#include "infra/Digest.h"
#include "infra/Encoding.h"

using namespace tessera;
using namespace tessera::test;

TEST_CASE("An ID token carries the protocol claims and verifies with the JWKS", "[oidc][id_token]") {
    for (const auto& backend : backends()) {
        for (const char* alg : {"ES256", "RS256"}) {
            DYNAMIC_SECTION(backend << " " << alg) {
                OidcCore oidc(backend);
                auto changes = relyingParty();
                changes.idTokenAlg = std::string(alg);
                auto service = createService(oidc.ctx(), changes).service;
                auto citizen = signedInCitizen(oidc.ctx());
                const auto request = codeRequest(service, citizen, oidc.clock());
                const auto issued = issueCode(oidc.provider(), request);
                const auto tokens = exchangeCode(oidc.provider(), service, issued.code);

                const auto jwt = verifyWithJwks(oidc.provider(), tokens.idToken);
                CHECK(jwt.alg == alg);
                CHECK(jwt.typ == "JWT");
                const auto& c = *jwt.claims;
                CHECK(c.getValue<std::string>("iss") == kTestIssuer);
                CHECK(c.getValue<std::string>("sub") == *oidc.provider().subjects().subjectFor(citizen.account.id, service));
                CHECK(c.getValue<std::string>("aud") == service.clientId);
                CHECK(c.getValue<std::string>("azp") == service.clientId);
                CHECK(c.getValue<Poco::Int64>("iat") == oidc.clock().now());
                CHECK(c.getValue<Poco::Int64>("exp") == oidc.clock().now() + oidc.provider().settings().idTokenSeconds);
                CHECK(c.getValue<Poco::Int64>("auth_time") == request.authTime);
                CHECK(c.getValue<std::string>("nonce") == request.nonce);
                CHECK(c.getValue<std::string>("acr") == request.acr);
                CHECK(c.getValue<std::string>("sid") == issued.sid);
                auto amr = c.getArray("amr");
                REQUIRE(amr);
                REQUIRE(amr->size() == 2);
                CHECK(amr->getElement<std::string>(0) == "pwd");
                CHECK(amr->getElement<std::string>(1) == "otp");
                // at_hash: the left half of SHA-256 of the access token, base64url (§3.1.3.6).
                const auto digest = infra::digest::sha256(tokens.accessToken);
                CHECK(c.getValue<std::string>("at_hash") == infra::encoding::base64url(digest.substr(0, 16)));
                CHECK(c.getValue<std::string>("at_hash").size() == 22);
                // Consented personal claims go to userinfo, not here.
                for (const char* personal : {"name", "email", "email_verified"}) CHECK_FALSE(c.has(personal));
                // An ID token is not an access token.
                CHECK_FALSE(oidc.provider().verifier().verifyAccessToken(tokens.idToken));
            }
        }
    }
}

TEST_CASE("Claims asked for in the ID token are included when consented", "[oidc][id_token]") {
    OidcCore oidc("sqlite");
    auto service = createService(oidc.ctx(), relyingParty()).service;
    auto citizen = signedInCitizen(oidc.ctx());
    auto request = codeRequest(service, citizen, oidc.clock());
    request.claimsRequest = R"({"id_token":{"email":{"essential":true},"birthdate":null,"acr":null},)"
                            R"("userinfo":{"name":null}})";
    request.claims = {"name", "email"};  // birthdate not consented
    request.nonce.clear();
    const auto tokens = exchangeCode(oidc.provider(), service, issueCode(oidc.provider(), request).code);
    const auto c = verifyWithJwks(oidc.provider(), tokens.idToken).claims;
    CHECK(c->getValue<std::string>("email") == citizen.account.email);
    CHECK_FALSE(c->has("birthdate"));
    CHECK_FALSE(c->has("name"));   // asked for at userinfo only
    CHECK_FALSE(c->has("nonce"));  // the request had none
}

TEST_CASE("Without openid there is no ID token", "[oidc][id_token]") {
    OidcCore oidc("sqlite");
    auto service = createService(oidc.ctx(), relyingParty()).service;
    auto citizen = signedInCitizen(oidc.ctx());
    auto request = codeRequest(service, citizen, oidc.clock());
    request.scopes = {"email"};
    const auto tokens = exchangeCode(oidc.provider(), service, issueCode(oidc.provider(), request).code);
    CHECK(tokens.idToken.empty());
    CHECK_FALSE(tokens.accessToken.empty());
}
