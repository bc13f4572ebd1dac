#include <catch2/catch.hpp>

#include "core/registers/NameComparison.h"
#include "core/registers/TextFolding.h"

using namespace tessera::core;
using A = GivenNamesAgreement;

namespace {

A compare(std::string_view claimed, std::string_view held) {
    static const NameVariants variants = [] {
        auto v = NameVariants::parse("William, Bill\nAlexander, Alex, Sandy\nAlexandra, Alex\n", "test");
        REQUIRE(v.ok());
        return std::move(v).value();
    }();
    return compareGivenNames(text::tokens(claimed), text::tokens(held), variants);
}

}  // namespace

TEST_CASE("given names: full agreement", "[registers][names]") {
    CHECK(compare("Morag", "Morag") == A::Full);
    CHECK(compare("Morag", "Morag Elspeth") == A::Full);            // a middle name missing on the claim
    CHECK(compare("Morag Elspeth", "Morag") == A::Full);            // ... or in the register
    CHECK(compare("Bill Sandy", "William Alexander") == A::Full);   // variants, name by name
    CHECK(compare("Ann Mary Jane", "Ann Jane") == A::Full);         // the fewer found in order
    CHECK(compare("mary-jane", "Mary Jane") == A::Full);
}

TEST_CASE("given names: partial agreement", "[registers][names]") {
    CHECK(compare("M", "Morag") == A::Partial);                     // an initial
    CHECK(compare("Kath", "Katherine") == A::Partial);              // a shortening
    CHECK(compare("Morag Flora", "Morag Elspeth") == A::Partial);   // a middle name differs
    CHECK(compare("Ann Jane Mary", "Ann Mary Jane") == A::Partial); // out of order
    CHECK(compare("Elspeth", "Morag Elspeth") == A::Partial);       // known by the middle name
    CHECK(compare("Morag Elspeth", "Elspeth") == A::Partial);
}

TEST_CASE("given names: no agreement", "[registers][names]") {
    CHECK(compare("John", "James") == A::None);
    CHECK(compare("Alexander", "Alexandra") == A::None);  // both "Alex", not each other
    CHECK(compare("", "Morag") == A::None);
    CHECK(compare("Morag", "") == A::None);
}
