// Mapping acr values to levels of assurance, and the level a request requires.
#include <catch2/catch.hpp>

#include "core/oidc/AcrPolicy.h"
#include "core/oidc/ClaimsParameter.h"

using namespace tessera;
using namespace tessera::core::oidc;

TEST_CASE("acr values map to levels; the lowest known one is what a list asks for", "[oidc][loa]") {
    CHECK(acr::lowestKnown({"urn:tessera:loa:2"}) == Loa::Loa2);
    CHECK(acr::lowestKnown({"urn:tessera:loa:3", "urn:tessera:loa:1"}) == Loa::Loa1);
    CHECK(acr::lowestKnown({"urn:other", "urn:tessera:loa:3"}) == Loa::Loa3);
    CHECK_FALSE(acr::lowestKnown({"urn:other", "loa2", "urn:tessera:loa:9"}).has_value());
    CHECK_FALSE(acr::lowestKnown({}).has_value());
}

TEST_CASE("The required level is never below the service's minimum", "[oidc][loa]") {
    CHECK(acr::requiredLoa(0, {}, {}) == Loa::Loa0);
    CHECK(acr::requiredLoa(2, {}, {}) == Loa::Loa2);
    CHECK(acr::requiredLoa(2, {"urn:tessera:loa:1"}, {}) == Loa::Loa2);
    CHECK(acr::requiredLoa(1, {"urn:tessera:loa:3"}, {}) == Loa::Loa3);
    CHECK(acr::requiredLoa(0, {"urn:unknown"}, {}) == Loa::Loa0);
    CHECK(acr::requiredLoa(0, {"urn:tessera:loa:1"}, {"urn:tessera:loa:2"}) == Loa::Loa2);
    CHECK(acr::requiredLoa(7, {}, {}) == Loa::Loa3);  // a stored minimum out of range counts as the nearest level
    CHECK(acr::requiredLoa(-1, {}, {}) == Loa::Loa0);
}

TEST_CASE("A citizen's level as the acr value a code carries", "[oidc][loa]") {
    CHECK(acr::forLevel(0) == "urn:tessera:loa:0");
    CHECK(acr::forLevel(3) == "urn:tessera:loa:3");
}

TEST_CASE("The claims parameter: names and an essential acr", "[oidc][authorize]") {
    auto parsed = parseClaimsParameter(
        R"({"userinfo":{"email":null,"verified_claims":{"claims":{"given_name":null}}},)"
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
