#include <catch2/catch.hpp>

#include "core/registers/NameVariants.h"
#include "support/Paths.h"

using tessera::core::NameVariants;

TEST_CASE("name variants: the shipped list loads and links common forms", "[registers][variants]") {
    auto v = NameVariants::load(tessera::test::resourcesDir() + "/registers/name-variants.csv");
    REQUIRE(v.ok());
    CHECK(v->groupCount() >= 40);
    CHECK(v->areVariants("bill", "william"));
    CHECK(v->areVariants("william", "bill"));
    CHECK(v->areVariants("bob", "robert"));
    CHECK(v->areVariants("kate", "catherine"));
    CHECK(v->areVariants("katherine", "catherine"));
    CHECK(v->areVariants("sandy", "alexander"));
    CHECK(v->areVariants("sandy", "alexandra"));
    CHECK(v->areVariants("iain", "ian"));
    CHECK(v->areVariants("sean", "shaun"));
    CHECK(v->areVariants("hamish", "james"));
    CHECK(v->areVariants("zebedee", "zebedee"));  // equal names always are
    // Sharing a variant is not enough: Alexander and Alexandra are different names.
    CHECK_FALSE(v->areVariants("alexander", "alexandra"));
    CHECK_FALSE(v->areVariants("william", "robert"));
    CHECK_FALSE(v->areVariants("zebedee", "william"));
}

TEST_CASE("name variants: entries are folded – comments and blank lines are skipped", "[registers][variants]") {
    auto v = NameVariants::parse("# a comment\n\nSeán, Shaun  # Irish\r\n  MÁIRE ,Mary\n", "test");
    REQUIRE(v.ok());
    CHECK(v->groupCount() == 2);
    CHECK(v->areVariants("sean", "shaun"));
    CHECK(v->areVariants("maire", "mary"));
    CHECK_FALSE(v->areVariants("mary", "shaun"));
}

TEST_CASE("name variants: a bad entry or a missing file is an error", "[registers][variants]") {
    auto twoWords = NameVariants::parse("William, Bill\nMary Ann, Marian\n", "variants.csv");
    REQUIRE_FALSE(twoWords.ok());
    CHECK(twoWords.error().code == "name_variants_invalid");
    CHECK_THAT(twoWords.error().message, Catch::Contains("variants.csv:2"));

    auto empty = NameVariants::parse("William,,Bill\n", "variants.csv");
    REQUIRE_FALSE(empty.ok());
    CHECK_THAT(empty.error().message, Catch::Contains("variants.csv:1"));

    auto missing = NameVariants::load("/nonexistent/name-variants.csv");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "name_variants_unreadable");

    NameVariants none;
    CHECK(none.areVariants("ann", "ann"));
    CHECK_FALSE(none.areVariants("bill", "william"));
}
