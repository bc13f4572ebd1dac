// verified_claims at the userinfo endpoint and in ID tokens (OpenID Connect for Identity
// Assurance 1.0) for citizens verified through the real register checks: what was verified
// and how, the claims the registers vouch for, only when asked for and agreed to, never for
// a citizen at LoA 0, never a document number.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <catch2/catch.hpp>

#include <sstream>

#include "OidcCoreFixture.h"
#include "core/oidc/IdentityAssurance.h"
#include "support/AssuranceOidcBuilders.h"

using namespace tessera;
using namespace tessera::test;

namespace {

const std::string kEverything =
    R"({"trust_framework":null,"assurance_level":null,"time":null,"evidence":[)"
    R"({"type":{"value":"electronic_record"},"record":null,"check_details":[{"check_method":null}]},)"
    R"({"type":{"value":"document"},"document_details":null,"check_details":[{"check_method":null}]}]})";
const std::vector<std::string> kAllClaims{"given_name", "family_name", "birthdate", "address"};
const std::vector<std::string> kAllDetails{"verified_given_name", "verified_family_name", "verified_birthdate",
                                           "verified_address"};

core::ServiceChanges verifyingService() {
    auto c = relyingParty("Benefits", "benefits.example");
    c.allowedClaims->push_back("verified_claims");
    return c;
}

SignedInCitizen citizenFor(core::Context& ctx, const TestPerson& person, const std::string& email) {
    SignedInCitizen out;
    out.account = makeCitizen(ctx, person, email);
    out.session = makeSession(ctx, out.account.id, core::SessionStage::Authenticated);
    return out;
}

// What the front channel hands over when the service asks for verified claims and the citizen
// agrees to `consented` (verified_claims and its details, by default all of them).
core::oidc::CodeRequest askingForVerifiedClaims(const core::Service& service, const SignedInCitizen& citizen,
                                                const infra::Clock& clock, const std::string& claimsParameter,
                                                std::vector<std::string> consented = kAllDetails) {
    auto r = codeRequest(service, citizen, clock);
    r.scopes = {"openid"};
    consented.insert(consented.begin(), "verified_claims");
    r.claims = consented;
    r.claimsRequest = claimsParameter;
    return r;
}

Poco::JSON::Object::Ptr userinfo(core::oidc::Provider& provider, const std::string& accessToken) {
    auto claims = provider.userInfo().claimsFor(accessToken);
    if (!claims) FAIL(claims.error().code + ": " + claims.error().message);
    return *claims;
}

std::string text(const Poco::JSON::Object::Ptr& o) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(o, out);
    return out.str();
}

std::vector<std::string> each(const Poco::JSON::Array::Ptr& list, const std::string& path) {
    std::vector<std::string> out;
    for (std::size_t i = 0; list && i < list->size(); ++i) {
        auto o = list->getObject(unsigned(i));
        const auto dot = path.find('.');
        if (dot != std::string::npos) o = o->getObject(path.substr(0, dot));
        out.push_back(o->getValue<std::string>(dot == std::string::npos ? path : path.substr(dot + 1)));
    }
    return out;
}

}  // namespace

TEST_CASE("userinfo carries verified_claims for a verified citizen who agreed to it", "[oidc][ida][userinfo]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AssuranceOidcCore a(backend);
            auto service = createService(a.ctx(), verifyingService()).service;
            const TestPerson morag = moragCampbell();
            auto citizen = citizenFor(a.ctx(), morag, "morag@example.org");
            const std::int64_t verifiedAt = a.clock().now();
            verifyThroughRegisters(a.ctx(), a.parts(), citizen.account.id, morag);
            a.clock().advance(3600);

            auto request = askingForVerifiedClaims(service, citizen, a.clock(),
                                                   verifiedClaimsParameter(kAllClaims, kEverything));
            request.scopes = {"openid", "email"};
            request.claims.push_back("email");
            auto tokens = exchangeCode(a.provider(), service, issueCode(a.provider(), request).code);
            auto info = userinfo(a.provider(), tokens.accessToken);
            CHECK(info->getValue<std::string>("email") == "morag@example.org");  // the plain claims as before
            auto vc = info->getObject("verified_claims");
            REQUIRE(vc);
            auto verification = vc->getObject("verification");
            CHECK(verification->getValue<std::string>("trust_framework") == "uk_tfida");
            CHECK(verification->getValue<std::string>("assurance_level") == "urn:tessera:loa:2");
            CHECK(verification->getValue<std::string>("time") == core::oidc::ida::utcDateTime(verifiedAt));
            auto evidence = verification->getArray("evidence");
            CHECK(each(evidence, "type") ==
                  std::vector<std::string>{"electronic_record", "electronic_record", "electronic_record"});
            CHECK(each(evidence, "record.type") ==
                  std::vector<std::string>{"birth_register", "address_register", "council_tax_register"});
            CHECK(text(evidence->getObject(0)->getArray("check_details")->getObject(0)) == R"({"check_method":"data"})");

            auto claims = vc->getObject("claims");
            CHECK(claims->getValue<std::string>("given_name") == "Morag Elspeth");
            CHECK(claims->getValue<std::string>("family_name") == "Campbell");
            CHECK(claims->getValue<std::string>("birthdate") == "1984-06-12");
            auto address = claims->getObject("address");
            REQUIRE(address);
            CHECK(address->getValue<std::string>("street_address") == "12 Rose Street");
            CHECK(address->getValue<std::string>("locality") == "Edinburgh");
            CHECK(address->getValue<std::string>("postal_code") == "EH2 2PR");

            // Asked for at userinfo only: the ID token carries none of it.
            auto idToken = verifyWithJwks(a.provider(), tokens.idToken).claims;
            CHECK_FALSE(idToken->has("verified_claims"));
        }
    }
}

TEST_CASE("The ID token carries verified_claims when the service asks for them there", "[oidc][ida][id_token]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AssuranceOidcCore a(backend);
            auto service = createService(a.ctx(), verifyingService()).service;
            const TestPerson morag = moragCampbell();
            auto citizen = citizenFor(a.ctx(), morag, "morag@example.org");
            verifyThroughRegisters(a.ctx(), a.parts(), citizen.account.id, morag, false);

            auto request = askingForVerifiedClaims(
                service, citizen, a.clock(),
                verifiedClaimsParameter({"given_name", "birthdate"}, R"({"trust_framework":null,"assurance_level":null})",
                                        "id_token"));
            auto tokens = exchangeCode(a.provider(), service, issueCode(a.provider(), request).code);
            auto idToken = verifyWithJwks(a.provider(), tokens.idToken).claims;
            auto vc = idToken->getObject("verified_claims");
            REQUIRE(vc);
            CHECK(text(vc) == R"({"claims":{"birthdate":"1984-06-12","given_name":"Morag Elspeth"},)"
                              R"("verification":{"assurance_level":"urn:tessera:loa:1","trust_framework":"uk_tfida"}})");
            CHECK(idToken->getValue<std::string>("iss") == kTestIssuer);  // registered claims untouched
            CHECK_FALSE(userinfo(a.provider(), tokens.accessToken)->has("verified_claims"));
        }
    }
}

TEST_CASE("A citizen at LoA 0 gets no verified_claims at all – the other claims as usual", "[oidc][ida][userinfo]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AssuranceOidcCore a(backend);
            auto service = createService(a.ctx(), verifyingService()).service;
            auto citizen = citizenFor(a.ctx(), moragCampbell(), "morag@example.org");
            auto request = askingForVerifiedClaims(service, citizen, a.clock(), verifiedClaimsParameter(kAllClaims));
            request.scopes = {"openid", "email"};
            request.claims.push_back("email");
            auto tokens = exchangeCode(a.provider(), service, issueCode(a.provider(), request).code);
            auto info = userinfo(a.provider(), tokens.accessToken);
            CHECK_FALSE(info->has("verified_claims"));
            CHECK(info->has("email"));
        }
    }
}

TEST_CASE("Only the verified details the citizen agreed to are released", "[oidc][ida][userinfo]") {
    AssuranceOidcCore a("sqlite");
    auto service = createService(a.ctx(), verifyingService()).service;
    const TestPerson morag = moragCampbell();
    auto citizen = citizenFor(a.ctx(), morag, "morag@example.org");
    verifyThroughRegisters(a.ctx(), a.parts(), citizen.account.id, morag);

    auto some = askingForVerifiedClaims(service, citizen, a.clock(), verifiedClaimsParameter(kAllClaims),
                                        {"verified_birthdate"});
    auto tokens = exchangeCode(a.provider(), service, issueCode(a.provider(), some).code);
    CHECK(text(userinfo(a.provider(), tokens.accessToken)->getObject("verified_claims")->getObject("claims")) ==
          R"({"birthdate":"1984-06-12"})");

    // verified_claims itself not agreed to: nothing, whatever the details.
    auto request = askingForVerifiedClaims(service, citizen, a.clock(), verifiedClaimsParameter(kAllClaims));
    request.claims.erase(request.claims.begin());
    tokens = exchangeCode(a.provider(), service, issueCode(a.provider(), request).code);
    CHECK_FALSE(userinfo(a.provider(), tokens.accessToken)->has("verified_claims"));
}

TEST_CASE("An address changed since the match is no longer vouched for", "[oidc][ida][userinfo]") {
    AssuranceOidcCore a("sqlite");
    auto service = createService(a.ctx(), verifyingService()).service;
    const TestPerson morag = moragCampbell();
    auto citizen = citizenFor(a.ctx(), morag, "morag@example.org");
    verifyThroughRegisters(a.ctx(), a.parts(), citizen.account.id, morag);
    auto moved = a.ctx().db.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
        auto account = a.ctx().accounts.findById(s, citizen.account.id);
        account->address = williamFraser().address;
        if (Status st = a.ctx().accounts.update(s, *account, a.clock().now()); !st) return st.error();
        return true;
    });
    REQUIRE(moved);

    auto request = askingForVerifiedClaims(service, citizen, a.clock(), verifiedClaimsParameter(kAllClaims));
    auto tokens = exchangeCode(a.provider(), service, issueCode(a.provider(), request).code);
    auto claims = userinfo(a.provider(), tokens.accessToken)->getObject("verified_claims")->getObject("claims");
    CHECK_FALSE(claims->has("address"));
    CHECK(claims->getValue<std::string>("family_name") == "Campbell");
}

TEST_CASE("A reviewed document is evidence of type document: type, issuer and expiry, never its number",
          "[oidc][ida][userinfo]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AssuranceOidcCore a(backend);
            auto service = createService(a.ctx(), verifyingService()).service;
            const TestPerson morag = moragCampbell();
            auto citizen = citizenFor(a.ctx(), morag, "morag@example.org");
            verifyThroughRegisters(a.ctx(), a.parts(), citizen.account.id, morag, false);
            ApplicationSpec approved;
            approved.state = ApplicationState::Approved;
            approved.person = morag;
            auto application = makeApplication(a.ctx(), *a.parts().blobs, citizen.account.id, approved);
            giveEvidence(a.ctx(), a.parts().policy, citizen.account.id, core::EvidenceKind::DocumentReview, 0,
                         application.id);

            auto request = askingForVerifiedClaims(
                service, citizen, a.clock(),
                verifiedClaimsParameter({"family_name"},
                                        R"({"trust_framework":null,"assurance_level":null,"evidence":[)"
                                        R"({"type":{"value":"document"},"document_details":null,"check_details":null}]})"));
            auto tokens = exchangeCode(a.provider(), service, issueCode(a.provider(), request).code);
            auto info = userinfo(a.provider(), tokens.accessToken);
            auto verification = info->getObject("verified_claims")->getObject("verification");
            CHECK(verification->getValue<std::string>("assurance_level") == "urn:tessera:loa:3");
            auto evidence = verification->getArray("evidence");
            REQUIRE(evidence->size() == 1);
            CHECK(text(evidence->getObject(0)->getObject("document_details")) ==
                  R"({"date_of_expiry":")" + morag.documentExpiry + R"(","issuer":{"country_code":"GBR"},"type":"passport"})");
            CHECK(each(evidence->getObject(0)->getArray("check_details"), "check_method") ==
                  std::vector<std::string>{"vri", "pvr", "data"});
            CHECK(text(info).find(morag.passportNumber) == std::string::npos);
        }
    }
}

TEST_CASE("Configured acr values name the assurance level – no verification set up, no verified_claims",
          "[oidc][ida][loa]") {
    AssuranceOidcCore a("sqlite", policyWithAcrs({"https://id.example.gov/basic", "https://id.example.gov/low",
                                                  "https://id.example.gov/medium", "https://id.example.gov/high"}));
    auto service = createService(a.ctx(), verifyingService()).service;
    const TestPerson morag = moragCampbell();
    auto citizen = citizenFor(a.ctx(), morag, "morag@example.org");
    verifyThroughRegisters(a.ctx(), a.parts(), citizen.account.id, morag);
    auto request = askingForVerifiedClaims(service, citizen, a.clock(),
                                           verifiedClaimsParameter({"birthdate"}, R"({"trust_framework":null,"assurance_level":null})"));
    auto tokens = exchangeCode(a.provider(), service, issueCode(a.provider(), request).code);
    CHECK(userinfo(a.provider(), tokens.accessToken)
              ->getObject("verified_claims")
              ->getObject("verification")
              ->getValue<std::string>("assurance_level") == "https://id.example.gov/medium");

    a.ctx().verification = nullptr;
    CHECK_FALSE(userinfo(a.provider(), tokens.accessToken)->has("verified_claims"));
}
