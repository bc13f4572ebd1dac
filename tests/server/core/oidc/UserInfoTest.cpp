// The userinfo answer: sub plus the consented claims the token's scopes or the claims
// request ask for, nothing else; refused for bad tokens and tokens without openid.
#include <Poco/JSON/Object.h>

#include <catch2/catch.hpp>

#include "OidcCoreFixture.h"

using namespace tessera;
using namespace tessera::test;

namespace {

void giveProfile(core::Context& ctx, const std::string& accountId) {
    auto done = ctx.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        auto account = ctx.accounts.findById(s, accountId);
        account->dateOfBirth = "1815-12-10";
        account->sex = "female";
        account->phone = "+447700900123";
        account->address = {"12 St James's Square", "", "London", "SW1Y 4JH"};
        return ctx.accounts.update(s, *account, ctx.clock.now());
    });
    REQUIRE(done);
}

Poco::JSON::Object::Ptr userinfo(OidcCore& oidc, const std::string& accessToken) {
    auto claims = oidc.provider().userInfo().claimsFor(accessToken);
    if (!claims) FAIL(claims.error().code + ": " + claims.error().message);
    return *claims;
}

std::vector<std::string> names(const Poco::JSON::Object& o) {
    std::vector<std::string> out;
    o.getNames(out);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("userinfo releases only consented claims the scopes or the claims request ask for", "[oidc][userinfo]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto service = createService(oidc.ctx(), relyingParty()).service;
            auto citizen = signedInCitizen(oidc.ctx());
            giveProfile(oidc.ctx(), citizen.account.id);
            const std::string sub = *oidc.provider().subjects().subjectFor(citizen.account.id, service);

            SECTION("profile and email scopes, consent to name and email only") {
                auto request = codeRequest(service, citizen, oidc.clock());
                request.claims = {"name", "email"};
                auto tokens = exchangeCode(oidc.provider(), service, issueCode(oidc.provider(), request).code);
                auto info = userinfo(oidc, tokens.accessToken);
                CHECK(names(*info) == std::vector<std::string>{"email", "name", "sub"});
                CHECK(info->getValue<std::string>("sub") == sub);
                CHECK(info->getValue<std::string>("name") == "Ada Lovelace");
                CHECK(info->getValue<std::string>("email") == citizen.account.email);
            }
            SECTION("consented but not asked for: not released") {
                auto request = codeRequest(service, citizen, oidc.clock());
                request.scopes = {"openid", "email"};
                request.claims = {"email", "email_verified", "birthdate", "address"};
                auto tokens = exchangeCode(oidc.provider(), service, issueCode(oidc.provider(), request).code);
                auto info = userinfo(oidc, tokens.accessToken);
                CHECK(names(*info) == std::vector<std::string>{"email", "email_verified", "sub"});
                CHECK(info->getValue<bool>("email_verified"));
            }
            SECTION("asked for by the claims parameter's userinfo member") {
                auto request = codeRequest(service, citizen, oidc.clock());
                request.scopes = {"openid"};
                request.claimsRequest = R"({"userinfo":{"birthdate":null,"phone_number":{"essential":true}},)"
                                        R"("id_token":{"gender":null}})";
                request.claims = {"birthdate", "phone_number", "gender"};
                auto tokens = exchangeCode(oidc.provider(), service, issueCode(oidc.provider(), request).code);
                auto info = userinfo(oidc, tokens.accessToken);
                CHECK(names(*info) == std::vector<std::string>{"birthdate", "phone_number", "sub"});
                CHECK(info->getValue<std::string>("birthdate") == "1815-12-10");
                CHECK(info->getValue<std::string>("phone_number") == "+447700900123");
            }
            SECTION("every scope and claim: the standard shapes") {
                auto request = codeRequest(service, citizen, oidc.clock());
                request.scopes = {"openid", "profile", "email", "address", "phone"};
                request.claims = {"name", "email", "email_verified", "birthdate", "gender", "address", "phone_number"};
                auto tokens = exchangeCode(oidc.provider(), service, issueCode(oidc.provider(), request).code);
                auto info = userinfo(oidc, tokens.accessToken);
                CHECK(info->getValue<std::string>("gender") == "female");
                auto address = info->getObject("address");
                REQUIRE(address);
                CHECK(address->getValue<std::string>("street_address") == "12 St James's Square");
                CHECK(address->getValue<std::string>("locality") == "London");
                CHECK(address->getValue<std::string>("postal_code") == "SW1Y 4JH");
                CHECK(address->getValue<std::string>("country") == "GB");
                CHECK(address->getValue<std::string>("formatted") ==
                      "12 St James's Square\nLondon\nSW1Y 4JH\nUnited Kingdom");
                CHECK_FALSE(info->has("given_name"));  // never invented from the one name field
                CHECK_FALSE(info->has("phone_number_verified"));
            }
        }
    }
}

TEST_CASE("userinfo refuses tokens without openid, revoked grants and disabled accounts", "[oidc][userinfo]") {
    OidcCore oidc("sqlite");
    auto service = createService(oidc.ctx(), relyingParty()).service;
    auto citizen = signedInCitizen(oidc.ctx());
    auto& userInfo = oidc.provider().userInfo();

    auto request = codeRequest(service, citizen, oidc.clock());
    request.scopes = {"email"};
    auto noOpenid = exchangeCode(oidc.provider(), service, issueCode(oidc.provider(), request).code);
    auto refused = userInfo.claimsFor(noOpenid.accessToken);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "insufficient_scope");

    auto backendSvc = createService(oidc.ctx(), backendService()).service;
    auto cc = oidc.provider().clientCredentials().issue(asClient(backendSvc), std::nullopt);
    REQUIRE(cc);
    CHECK(userInfo.claimsFor(cc->token).error().code == "insufficient_scope");
    CHECK(userInfo.claimsFor("garbage").error().code == "invalid_token");

    auto tokens = exchangeCode(oidc.provider(), service,
                               issueCode(oidc.provider(), codeRequest(service, citizen, oidc.clock())).code);
    REQUIRE(userInfo.claimsFor(tokens.accessToken));
    setAccountStatus(oidc.ctx(), citizen.account.id, core::AccountStatus::Disabled);
    CHECK(userInfo.claimsFor(tokens.accessToken).error().code == "invalid_token");
    setAccountStatus(oidc.ctx(), citizen.account.id, core::AccountStatus::Active);
    REQUIRE(userInfo.claimsFor(tokens.accessToken));

    REQUIRE(oidc.provider().introspection().revoke(asClient(service), tokens.refreshToken, "refresh_token"));
    CHECK(userInfo.claimsFor(tokens.accessToken).error().code == "invalid_token");

    auto later = exchangeCode(oidc.provider(), service,
                              issueCode(oidc.provider(), codeRequest(service, citizen, oidc.clock())).code);
    oidc.clock().advance(600);
    CHECK(userInfo.claimsFor(later.accessToken).error().code == "invalid_token");
}
