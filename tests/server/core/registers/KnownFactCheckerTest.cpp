#include <catch2/catch.hpp>

#include "RegisterRows.h"
#include "core/registers/KnownFactChecker.h"

using namespace tessera;
using namespace tessera::core;
using infra::RegisterKind;

namespace {

std::unique_ptr<infra::CsvRegister> facts() {
    return test::registerOf(RegisterKind::KnownFacts, {"council_tax_reference,CT-EDN-4000-0101,P-1",
                                                       "entitlement_card_number,6335 9701 0000 0001,P-1",
                                                       "council_tax_reference,CT-GLA-4000-0201,P-2"});
}

}  // namespace

TEST_CASE("known facts: the reference must exist and belong to the person", "[registers][facts]") {
    auto reg = facts();
    KnownFactChecker checker(*reg);

    auto own = checker.check({"council_tax_reference", "ct edn 4000 0101", "P-1"});
    REQUIRE(own.ok());
    CHECK(own->outcome == MatchOutcome::Matched);
    CHECK(own->fields == std::vector<FieldResult>{{"reference", true}});

    auto card = checker.check({"entitlement_card_number", "6335970100000001", "P-1"});
    REQUIRE(card.ok());
    CHECK(card->outcome == MatchOutcome::Matched);

    // Someone else's reference and one that does not exist look the same.
    auto someoneElses = checker.check({"council_tax_reference", "CT-GLA-4000-0201", "P-1"});
    auto unknown = checker.check({"council_tax_reference", "CT-GLA-4000-9999", "P-1"});
    REQUIRE(someoneElses.ok());
    REQUIRE(unknown.ok());
    CHECK(someoneElses->outcome == MatchOutcome::NoMatch);
    CHECK(unknown->outcome == MatchOutcome::NoMatch);
    CHECK(someoneElses->fields == unknown->fields);

    // The same reference under the other fact type is not it.
    auto wrongType = checker.check({"entitlement_card_number", "CT-EDN-4000-0101", "P-1"});
    REQUIRE(wrongType.ok());
    CHECK(wrongType->outcome == MatchOutcome::NoMatch);
}

TEST_CASE("known facts: bad input is refused before the register is asked", "[registers][facts]") {
    test::UnavailableRegister down;  // would answer an error if asked
    KnownFactChecker checker(down);

    auto badType = checker.check({"national_insurance_number", "AB123456C", "P-1"});
    REQUIRE_FALSE(badType.ok());
    CHECK(badType.error().kind == ErrorKind::Invalid);
    CHECK(badType.error().fields.at(0).field == "factType");
    CHECK(badType.error().fields.at(0).code == "invalid_choice");

    auto noReference = checker.check({"council_tax_reference", " - ", "P-1"});
    REQUIRE_FALSE(noReference.ok());
    CHECK(noReference.error().fields.at(0).field == "reference");

    auto noPerson = checker.check({"council_tax_reference", "CT-1", ""});
    REQUIRE_FALSE(noPerson.ok());
    CHECK(noPerson.error().code == "person_ref_required");

    auto offline = checker.check({"council_tax_reference", "CT-1", "P-1"});
    REQUIRE_FALSE(offline.ok());
    CHECK(offline.error().code == "register_unavailable");
}
