// Verified identity at the OpenID Connect front and back channels, over HTTP: the acr values a
// deployment configured (asked for with acr_values, carried by ID tokens, refreshed and
// introspected tokens), and verified_claims for a citizen verified against the sample
// registers (the consent page names it, userinfo carries it).
#include <Poco/JSON/Object.h>

#include <catch2/catch.hpp>

#include <regex>

#include "core/oidc/ConsentService.h"
#include "core/oidc/Jws.h"
#include "server/web/oidc/AuthorizeWebFixture.h"
#include "server/web/oidc/OidcWebFixture.h"
#include "support/AssuranceOidcBuilders.h"

using namespace tessera;
using namespace tessera::test;

namespace {

const std::string kLow = "https://id.example.gov/low";
const std::string kMedium = "https://id.example.gov/medium";

void customAcrs(infra::Settings& s) {
    s.acrLoa0 = "https://id.example.gov/basic";
    s.acrLoa1 = kLow;
    s.acrLoa2 = kMedium;
    s.acrLoa3 = "https://id.example.gov/high";
}

std::string pendingIn(const std::string& html) {
    static const std::regex field(R"re(name="pending" value="([^"]*)")re");
    std::smatch m;
    return std::regex_search(html, m, field) ? m[1].str() : std::string();
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

// The code in the service's answer (a 302, or the page that refreshes to it after a form).
std::string codeIn(const ApiResponse& r) {
    const std::string to = destination(r);
    INFO(r.status << " " << to);
    REQUIRE(withoutQuery(to) == kServiceRedirect);
    return queryOf(to)["code"];
}

Poco::JSON::Object::Ptr tokensFor(ApiClient& client, const core::ServiceWithSecret& service, const std::string& code) {
    auto r = postForm(client, "/oauth2/token",
                      form({{"grant_type", "authorization_code"}, {"code", code}, {"redirect_uri", kServiceRedirect},
                            {"code_verifier", kPkceVerifier}}),
                      {{"Authorization", basicAuth(service.service.clientId, service.clientSecret)}});
    INFO(r.body);
    REQUIRE(r.status == 200);
    return r.json();
}

// The payload of a JWT the server issued (its signature is the token endpoint tests' concern).
Poco::JSON::Object::Ptr payloadOf(const std::string& jwt) {
    auto parsed = core::oidc::jws::parse(jwt);
    REQUIRE(parsed);
    return parsed->payload;
}

// Morag Elspeth Campbell, P-0001 in the sample registers (resources/registers/README.md).
TestPerson sampleMorag() {
    TestPerson p;
    p.personRef = "P-0001";
    p.givenNames = "Morag Elspeth";
    p.familyName = "Campbell";
    p.dateOfBirth = "1984-06-12";
    p.sex = "female";
    p.address = {"12 Rose Street", "", "Edinburgh", "EH2 2PR"};
    p.councilTaxReference = "CT-EDN-4000-0101";
    return p;
}

}  // namespace

TEST_CASE("Configured acr names: a custom acr_values steps up – codes, ID tokens, refresh and introspection carry it",
          "[web][oidc][loa]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthorizeServer s(backend, customAcrs);
            auto council = makeService(s.services(), signInService());
            auto ada = makeAccount(s.services(), activeWithTotp());
            PortalClient browser(s.port());
            REQUIRE(signInWithTotp(browser.api(), s.clock(), ada).status == 200);
            core::oidc::ConsentAnswer agreed;
            agreed.accountId = ada.id;
            agreed.service = &council.service;
            agreed.scopes = {"openid", "profile", "email"};
            agreed.claims = {"name", "email", "email_verified", "birthdate"};
            agreed.language = "en";
            REQUIRE(core::oidc::ConsentService(s.services()).give(agreed));

            const auto wantsMedium = with(authorizeParameters(council.service), "acr_values", kMedium);
            auto stepUp = browser.get(authorizePath(wantsMedium));
            REQUIRE(stepUp.status == 200);
            CHECK(contains(stepUp.body, "What Council tax needs: level 2"));
            // The default names mean nothing here: ignored, so the service's minimum (0) applies.
            auto unknown = browser.get(authorizePath(with(authorizeParameters(council.service), "acr_values",
                                                          "urn:tessera:loa:2")));
            CHECK(unknown.status == 302);

            setAccountLoa(s.services(), ada.id, 2);
            auto tokens = tokensFor(browser.api(), council, codeIn(browser.get(authorizePath(wantsMedium))));
            CHECK(payloadOf(tokens->getValue<std::string>("id_token"))->getValue<std::string>("acr") == kMedium);
            CHECK(payloadOf(tokens->getValue<std::string>("access_token"))->getValue<std::string>("acr") == kMedium);

            auto introspected = introspect(browser.api(), {council.service.id, council.service.clientId, council.clientSecret},
                                           tokens->getValue<std::string>("access_token"));
            REQUIRE(introspected.status == 200);
            CHECK(introspected.json()->getValue<std::string>("acr") == kMedium);

            REQUIRE(tokens->has("refresh_token"));
            auto refreshed = refreshOverHttp(browser.api(), {council.service.id, council.service.clientId, council.clientSecret},
                                             tokens->getValue<std::string>("refresh_token"));
            INFO(refreshed.body);
            REQUIRE(refreshed.status == 200);
            // OpenID Connect Core §12.2: the same acr as at sign-in.
            CHECK(payloadOf(refreshed.json()->getValue<std::string>("id_token"))->getValue<std::string>("acr") == kMedium);
        }
    }
}

TEST_CASE("A verified citizen agrees to share verified_claims: the consent page names it, userinfo carries it",
          "[web][oidc][ida]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthorizeServer s(backend);
            auto changes = signInService("Benefits");
            changes.allowedClaims->push_back("verified_claims");
            auto benefits = makeService(s.services(), changes);
            const TestPerson morag = sampleMorag();
            auto account = makeCitizen(s.services(), morag, "morag@example.org");
            REQUIRE(s.services().verification);
            verifyThroughRegisters(s.services(), *s.services().verification, account.id, morag);
            PortalClient browser(s.port());
            REQUIRE(signInWithTotp(browser.api(), s.clock(), account).status == 200);

            const std::string verification = R"({"trust_framework":null,"assurance_level":null})";
            const auto asked = with(with(authorizeParameters(benefits.service), "scope", "openid"), "claims",
                                    verifiedClaimsParameter({"given_name", "family_name", "birthdate"}, verification));
            auto consent = browser.get(authorizePath(asked));
            REQUIRE(consent.status == 200);
            CHECK(contains(consent.body, "that your identity was verified, and how"));
            CHECK(contains(consent.body, "your first names, as confirmed when we verified your identity"));
            CHECK(contains(consent.body, "your last name, as confirmed when we verified your identity"));
            CHECK(contains(consent.body, "your date of birth, as confirmed when we verified your identity"));
            CHECK_FALSE(contains(consent.body, "your address, as confirmed"));  // not asked for
            auto allowed = browser.submit("/oauth2/authorize/consent", {{"pending", pendingIn(consent.body)}, {"decision", "allow"}});
            REQUIRE(allowed.status == 200);
            auto tokens = tokensFor(browser.api(), benefits, codeIn(allowed));

            auto info = browser.api().request("GET", "/oauth2/userinfo", "", "",
                                              {{"Authorization", "Bearer " + tokens->getValue<std::string>("access_token")}});
            INFO(info.body);
            REQUIRE(info.status == 200);
            auto vc = info.json()->getObject("verified_claims");
            REQUIRE(vc);
            CHECK(vc->getObject("verification")->getValue<std::string>("trust_framework") == "uk_tfida");
            CHECK(vc->getObject("verification")->getValue<std::string>("assurance_level") == "urn:tessera:loa:2");
            auto claims = vc->getObject("claims");
            CHECK(claims->getValue<std::string>("given_name") == "Morag Elspeth");
            CHECK(claims->getValue<std::string>("family_name") == "Campbell");
            CHECK(claims->getValue<std::string>("birthdate") == "1984-06-12");

            auto stored = core::oidc::ConsentService(s.services()).inForce(account.id, benefits.service.id);
            REQUIRE(stored);
            CHECK(stored->claims == std::vector<std::string>{"verified_claims", "verified_given_name",
                                                             "verified_family_name", "verified_birthdate"});

            // Asking for one more verified detail asks again, marking only it as new.
            auto more = browser.get(authorizePath(
                with(asked, "claims",
                     verifiedClaimsParameter({"given_name", "family_name", "birthdate", "address"}, verification))));
            REQUIRE(more.status == 200);
            CHECK(occurrences(more.body, ">New</strong>") == 1);
            CHECK(contains(more.body, "your address, as confirmed when we verified your identity"));
        }
    }
}
