// Mapping acr values to levels of assurance, and the level a request requires.
#include <catch2/catch.hpp>

#include "core/oidc/AcrPolicy.h"
#include "core/oidc/ClaimsParameter.h"
#include "support/AuthBuilders.h"

using namespace tessera;
using namespace tessera::core::oidc;

namespace {

const AcrValues defaults;

// A deployment that names its levels itself (assurance.acr_loa0..3).
AcrValues custom() {
    auto policy = core::AssurancePolicy::parse(
        {"vital_record+address", "loa1+known_fact|loa1+photo_review", "loa1+document_review"},
        {"https://id.example.gov/basic", "https://id.example.gov/low", "https://id.example.gov/medium",
         "https://id.example.gov/high"});
    REQUIRE(policy);
    return AcrValues(*policy);
}

}  // namespace

TEST_CASE("acr values map to levels – the lowest known one is what a list asks for", "[oidc][loa]") {
    CHECK(acr::lowestKnown(defaults, {"urn:tessera:loa:2"}) == Loa::Loa2);
    CHECK(acr::lowestKnown(defaults, {"urn:tessera:loa:3", "urn:tessera:loa:1"}) == Loa::Loa1);
    CHECK(acr::lowestKnown(defaults, {"urn:other", "urn:tessera:loa:3"}) == Loa::Loa3);
    CHECK_FALSE(acr::lowestKnown(defaults, {"urn:other", "loa2", "urn:tessera:loa:9"}).has_value());
    CHECK_FALSE(acr::lowestKnown(defaults, {}).has_value());
}

TEST_CASE("The required level is never below the service's minimum", "[oidc][loa]") {
    CHECK(acr::requiredLoa(defaults, 0, {}, {}) == Loa::Loa0);
    CHECK(acr::requiredLoa(defaults, 2, {}, {}) == Loa::Loa2);
    CHECK(acr::requiredLoa(defaults, 2, {"urn:tessera:loa:1"}, {}) == Loa::Loa2);
    CHECK(acr::requiredLoa(defaults, 1, {"urn:tessera:loa:3"}, {}) == Loa::Loa3);
    CHECK(acr::requiredLoa(defaults, 0, {"urn:unknown"}, {}) == Loa::Loa0);
    CHECK(acr::requiredLoa(defaults, 0, {"urn:tessera:loa:1"}, {"urn:tessera:loa:2"}) == Loa::Loa2);
    CHECK(acr::requiredLoa(defaults, 7, {}, {}) == Loa::Loa3);  // a stored minimum out of range counts as the nearest level
    CHECK(acr::requiredLoa(defaults, -1, {}, {}) == Loa::Loa0);
}

TEST_CASE("A citizen's level as the acr value a code carries", "[oidc][loa]") {
    CHECK(acr::forLevel(defaults, 0) == "urn:tessera:loa:0");
    CHECK(acr::forLevel(defaults, 3) == "urn:tessera:loa:3");
}

TEST_CASE("Configured acr values replace the defaults everywhere a level is named", "[oidc][loa]") {
    const AcrValues names = custom();
    CHECK(names.all() == std::vector<std::string>{"https://id.example.gov/basic", "https://id.example.gov/low",
                                                  "https://id.example.gov/medium", "https://id.example.gov/high"});
    CHECK(acr::lowestKnown(names, {"https://id.example.gov/high", "https://id.example.gov/medium"}) == Loa::Loa2);
    // The defaults mean nothing to a deployment that configured its own names.
    CHECK_FALSE(acr::lowestKnown(names, {"urn:tessera:loa:3"}).has_value());
    CHECK(acr::requiredLoa(names, 0, {"https://id.example.gov/medium"}, {}) == Loa::Loa2);
    CHECK(acr::requiredLoa(names, 0, {}, {"https://id.example.gov/high"}) == Loa::Loa3);
    CHECK(acr::requiredLoa(names, 1, {"urn:tessera:loa:3"}, {}) == Loa::Loa1);
    CHECK(acr::forLevel(names, 2) == "https://id.example.gov/medium");
    CHECK(names.loaFor("https://id.example.gov/basic") == Loa::Loa0);
    CHECK_FALSE(names.loaFor("https://id.example.gov/").has_value());
}

TEST_CASE("Without identity verification set up, the shared default acr values apply", "[oidc][loa]") {
    test::AuthTestContext auth("sqlite");
    auth.settings().acrLoa2 = "https://id.example.gov/medium";  // read through the policy, which is not there
    REQUIRE(auth.ctx().verification == nullptr);
    CHECK(AcrValues::of(auth.ctx()).forLoa(Loa::Loa2) == "urn:tessera:loa:2");
}

TEST_CASE("The claims parameter: names and an essential acr", "[oidc][authorize]") {
    auto parsed = parseClaimsParameter(
        R"({"userinfo":{"email":null,"verified_claims":{"verification":{"trust_framework":null},)"
        R"("claims":{"given_name":null}}},)"
        R"("id_token":{"email":{"essential":true},"acr":{"essential":true,"value":"urn:tessera:loa:2"}},"other":1})");
    REQUIRE(parsed);
    CHECK(parsed->names == std::vector<std::string>{"email", "verified_claims", "acr"});
    CHECK(parsed->essentialAcrValues == std::vector<std::string>{"urn:tessera:loa:2"});

    auto voluntary = parseClaimsParameter(R"({"id_token":{"acr":{"values":["urn:tessera:loa:1"]}}})");
    REQUIRE(voluntary);
    CHECK(voluntary->essentialAcrValues.empty());

    for (const std::string bad : {"", "null", "[]", "{", R"({"userinfo":1})", R"({"id_token":{"email":"x"}})",
                                  R"({"id_token":{"email":{"essential":1}}})", R"({"id_token":{"acr":{"value":2}}})",
                                  R"({"id_token":{"email":{"values":"x"}}})", R"({"userinfo":{"verified_claims":1}})"}) {
        INFO(bad);
        auto refused = parseClaimsParameter(bad);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == "invalid_request");
    }
}
