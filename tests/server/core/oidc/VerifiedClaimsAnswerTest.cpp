// What a service gets for a verified_claims request (OpenID Connect for Identity Assurance 1.0
// §6): only what it asked for and the citizen agreed to, nothing that does not meet its
// constraints, and nothing at all rather than an empty answer.
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <catch2/catch.hpp>

#include <sstream>

#include "core/oidc/VerifiedClaims.h"

using namespace tessera;
using namespace tessera::core::oidc;

namespace {

constexpr std::int64_t kVerifiedAt = 1'700'000'000;  // 2023-11-14T22:13:20Z
const std::vector<std::string> kAllDetails{"verified_given_name", "verified_family_name", "verified_birthdate",
                                           "verified_address"};

Poco::JSON::Object::Ptr json(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

std::string text(const Poco::Dynamic::Var& v) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(v, out);
    return out.str();
}

VerifiedIdentity citizenAtLoa2() {
    VerifiedIdentity v;
    v.level = Loa::Loa2;
    v.assuranceLevel = "urn:tessera:loa:2";
    v.verifiedAt = kVerifiedAt;
    v.evidence->add(json(R"({"type":"electronic_record","time":"2023-11-14T22:13:20Z",)"
                         R"("check_details":[{"check_method":"data","time":"2023-11-14T22:13:20Z"}],)"
                         R"("record":{"type":"birth_register","source":{"country_code":"GBR"}}})"));
    v.evidence->add(json(R"({"type":"document","time":"2023-11-14T22:13:20Z",)"
                         R"("check_details":[{"check_method":"vri","time":"2023-11-14T22:13:20Z"}],)"
                         R"("document_details":{"type":"passport","issuer":{"country_code":"GBR"},)"
                         R"("date_of_expiry":"2031-05-20"}})"));
    v.claims->set("given_name", "Morag Elspeth");
    v.claims->set("family_name", "Campbell");
    v.claims->set("birthdate", "1984-06-12");
    v.claims->set("address", json(R"({"postal_code":"EH2 2PR","country":"GB"})"));
    return v;
}

Poco::Dynamic::Var answer(const std::string& verifiedClaims, const VerifiedIdentity& identity = citizenAtLoa2(),
                          const std::vector<std::string>& consented = kAllDetails,
                          std::int64_t now = kVerifiedAt + 60) {
    const std::string stored = R"({"userinfo":{"verified_claims":)" + verifiedClaims + "}}";
    auto request = verifiedClaimsRequestIn(stored, "userinfo");
    REQUIRE(request);
    return answerVerifiedClaims(*request, identity, consented, "uk_tfida", now);
}

}  // namespace

TEST_CASE("Only what the service asked for: the trust framework always, other members when named", "[oidc][ida]") {
    CHECK(text(answer(R"({"verification":{"trust_framework":null},"claims":{"given_name":null}})")) ==
          R"({"claims":{"given_name":"Morag Elspeth"},"verification":{"trust_framework":"uk_tfida"}})");
    CHECK(text(answer(R"({"verification":{"trust_framework":null,"assurance_level":null,"time":null},)"
                      R"("claims":{"family_name":null,"birthdate":null,"address":null}})")) ==
          R"({"claims":{"address":{"country":"GB","postal_code":"EH2 2PR"},"birthdate":"1984-06-12",)"
          R"("family_name":"Campbell"},"verification":{"assurance_level":"urn:tessera:loa:2",)"
          R"("time":"2023-11-14T22:13:20Z","trust_framework":"uk_tfida"}})");
    // Members Tessera has nothing for (verification_process) are left out, not sent empty.
    CHECK(text(answer(R"({"verification":{"trust_framework":null,"verification_process":null},)"
                      R"("claims":{"given_name":null}})")) ==
          R"({"claims":{"given_name":"Morag Elspeth"},"verification":{"trust_framework":"uk_tfida"}})");
}

TEST_CASE("Evidence is filtered by type and shaped by the filter, as a template", "[oidc][ida]") {
    auto documents = answer(R"({"verification":{"trust_framework":null,"evidence":[{"type":{"value":"document"},)"
                            R"("document_details":{"type":null,"issuer":null}}]},"claims":{"given_name":null}})");
    CHECK(text(documents.extract<Poco::JSON::Object::Ptr>()->getObject("verification")->get("evidence")) ==
          R"([{"document_details":{"issuer":{"country_code":"GBR"},"type":"passport"},"type":"document"}])");

    auto everything = answer(R"({"verification":{"trust_framework":null,"evidence":[)"
                             R"({"type":{"value":"electronic_record"},"record":null,"check_details":[{"check_method":null}]},)"
                             R"({"type":{"value":"document"},"time":null,"document_details":null}]},)"
                             R"("claims":{"given_name":null}})");
    CHECK(text(everything.extract<Poco::JSON::Object::Ptr>()->getObject("verification")->get("evidence")) ==
          R"([{"check_details":[{"check_method":"data"}],"record":{"source":{"country_code":"GBR"},"type":"birth_register"},)"
          R"("type":"electronic_record"},{"document_details":{"date_of_expiry":"2031-05-20","issuer":{"country_code":"GBR"},)"
          R"("type":"passport"},"time":"2023-11-14T22:13:20Z","type":"document"}])");

    // A document type the service does not accept selects nothing: no evidence member at all.
    auto idcards = answer(R"({"verification":{"trust_framework":null,"evidence":[{"type":{"value":"document"},)"
                          R"("document_details":{"type":{"value":"idcard"}}}]},"claims":{"given_name":null}})");
    CHECK_FALSE(idcards.extract<Poco::JSON::Object::Ptr>()->getObject("verification")->has("evidence"));
}

TEST_CASE("A request whose verification constraints cannot be met gets nothing", "[oidc][ida]") {
    const std::string claims = R"("claims":{"given_name":null})";
    CHECK(answer(R"({"verification":{"trust_framework":{"value":"eidas"}},)" + claims + "}").isEmpty());
    CHECK_FALSE(answer(R"({"verification":{"trust_framework":{"values":["eidas","uk_tfida"]}},)" + claims + "}").isEmpty());
    CHECK(answer(R"({"verification":{"trust_framework":null,"assurance_level":{"value":"urn:tessera:loa:3"}},)" + claims +
                 "}")
              .isEmpty());
    CHECK_FALSE(answer(R"({"verification":{"trust_framework":null,"assurance_level":{"values":["urn:tessera:loa:2"]}},)" +
                       claims + "}")
                    .isEmpty());
    // Verified a year and a day ago, and the service wants a verification at most a year old.
    const std::string yearOld = R"({"verification":{"trust_framework":null,"time":{"max_age":31536000}},)" + claims + "}";
    CHECK_FALSE(answer(yearOld, citizenAtLoa2(), kAllDetails, kVerifiedAt + 31536000).isEmpty());
    CHECK(answer(yearOld, citizenAtLoa2(), kAllDetails, kVerifiedAt + 31536000 + 86400).isEmpty());
}

TEST_CASE("Claims: only verified, supported, matching and consented ones – none left means no answer", "[oidc][ida]") {
    const std::string verification = R"({"verification":{"trust_framework":null},"claims":)";
    CHECK(text(answer(verification + R"({"given_name":null,"email":null,"place_of_birth":null}})")) ==
          R"({"claims":{"given_name":"Morag Elspeth"},"verification":{"trust_framework":"uk_tfida"}})");
    CHECK(answer(verification + R"({"given_name":{"value":"Moira"}}})").isEmpty());
    CHECK_FALSE(answer(verification + R"({"given_name":{"values":["Moira","Morag Elspeth"]}}})").isEmpty());
    CHECK(text(answer(verification + R"({"given_name":null,"birthdate":null}})", citizenAtLoa2(),
                      {"verified_birthdate"})) ==
          R"({"claims":{"birthdate":"1984-06-12"},"verification":{"trust_framework":"uk_tfida"}})");
    CHECK(answer(verification + R"({"given_name":null}})", citizenAtLoa2(), {"verified_claims"}).isEmpty());
}

TEST_CASE("An array of requests is answered with the ones that can be met – LoA 0 gets nothing", "[oidc][ida]") {
    const std::string both = R"([{"verification":{"trust_framework":{"value":"eidas"}},"claims":{"given_name":null}},)"
                             R"({"verification":{"trust_framework":null},"claims":{"birthdate":null}}])";
    CHECK(text(answer(both)) ==
          R"([{"claims":{"birthdate":"1984-06-12"},"verification":{"trust_framework":"uk_tfida"}}])");
    VerifiedIdentity none = citizenAtLoa2();
    none.level = Loa::Loa0;
    CHECK(answer(both, none).isEmpty());
    CHECK(answer(R"({"verification":{"trust_framework":null},"claims":{"birthdate":null}})", none).isEmpty());
}
