#include <catch2/catch.hpp>

#include "tessera/shared/Loa.h"

using tessera::Loa;

TEST_CASE("Levels of assurance convert to and from their numbers", "[loa]") {
    STATIC_REQUIRE(tessera::kLoaCount == 4);
    for (int level = 0; level < tessera::kLoaCount; ++level) {
        const auto loa = tessera::loaFromInt(level);
        REQUIRE(loa.has_value());
        CHECK(tessera::toInt(*loa) == level);
    }
    CHECK_FALSE(tessera::loaFromInt(-1).has_value());
    CHECK_FALSE(tessera::loaFromInt(4).has_value());
}

TEST_CASE("Levels of assurance have stable names", "[loa]") {
    CHECK(tessera::toString(Loa::Loa0) == "loa0");
    CHECK(tessera::toString(Loa::Loa3) == "loa3");
    for (Loa loa : tessera::kAllLoas) CHECK(tessera::loaFromString(tessera::toString(loa)) == loa);
    CHECK(tessera::loaFromString("loa2") == Loa::Loa2);
    CHECK_FALSE(tessera::loaFromString("LOA2").has_value());
    CHECK_FALSE(tessera::loaFromString("loa4").has_value());
    CHECK_FALSE(tessera::loaFromString("2").has_value());
    CHECK_FALSE(tessera::loaFromString("").has_value());
}

TEST_CASE("Each level maps to a default acr value and back", "[loa]") {
    CHECK(tessera::defaultAcr(Loa::Loa0) == "urn:tessera:loa:0");
    CHECK(tessera::defaultAcr(Loa::Loa1) == "urn:tessera:loa:1");
    CHECK(tessera::defaultAcr(Loa::Loa2) == "urn:tessera:loa:2");
    CHECK(tessera::defaultAcr(Loa::Loa3) == "urn:tessera:loa:3");
    for (Loa loa : tessera::kAllLoas) CHECK(tessera::loaFromDefaultAcr(tessera::defaultAcr(loa)) == loa);
    CHECK_FALSE(tessera::loaFromDefaultAcr("urn:tessera:loa:4").has_value());
    CHECK_FALSE(tessera::loaFromDefaultAcr("loa2").has_value());
    CHECK_FALSE(tessera::loaFromDefaultAcr("urn:tessera:loa:2 ").has_value());
}

TEST_CASE("A higher level meets every lower requirement", "[loa]") {
    CHECK(tessera::meets(Loa::Loa3, Loa::Loa2));
    CHECK(tessera::meets(Loa::Loa2, Loa::Loa2));
    CHECK_FALSE(tessera::meets(Loa::Loa1, Loa::Loa2));
    CHECK(tessera::meets(Loa::Loa0, Loa::Loa0));
    CHECK(Loa::Loa1 < Loa::Loa3);
    CHECK(tessera::higherOf(Loa::Loa1, Loa::Loa3) == Loa::Loa3);
    CHECK(tessera::lowerOf(Loa::Loa1, Loa::Loa3) == Loa::Loa1);
    STATIC_REQUIRE(tessera::meets(Loa::Loa3, Loa::Loa0));
}

TEST_CASE("Each level has a distinct description", "[loa]") {
    for (Loa a : tessera::kAllLoas) {
        CHECK_FALSE(tessera::describe(a).empty());
        for (Loa b : tessera::kAllLoas)
            if (a != b) CHECK(tessera::describe(a) != tessera::describe(b));
    }
}
