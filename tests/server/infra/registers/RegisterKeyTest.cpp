#include <catch2/catch.hpp>

#include "infra/registers/RegisterKey.h"

using namespace tessera;
using namespace tessera::infra;

TEST_CASE("register keys: one function for queries and rows", "[registers][keys]") {
    CHECK(registers::vitalRecordKey({1984, 6, 12}) == "1984-06-12");
    CHECK(registers::addressKey("eh2 2pr") == "EH22PR");
    CHECK(registers::addressKey(" EH2  2PR ") == "EH22PR");
    CHECK(registers::knownFactKey("council_tax_reference", "ct-edn 4000/0101") == "council_tax_reference:CTEDN40000101");
    CHECK(registers::documentKey("passport", " 533 401 278 ") == "passport:533401278");
    CHECK(registers::documentKey("driving_licence", "campb856124me9ab") == "driving_licence:CAMPB856124ME9AB");

    const RegisterRecord row{{"fact_type", "entitlement_card_number"}, {"reference", "6335 9701 0000 0001"}, {"person_ref", "P-1"}};
    CHECK(registerKey(RegisterKind::KnownFacts, row) == registers::knownFactKey("entitlement_card_number", "6335970100000001"));
    CHECK(registerKey(RegisterKind::VitalRecords, RegisterRecord{{"date_of_birth", "1990-11-23"}}) == "1990-11-23");
    CHECK(registerKey(RegisterKind::Addresses, RegisterRecord{}) == "");
}

TEST_CASE("register names, files and columns", "[registers][keys]") {
    CHECK(toString(RegisterKind::VitalRecords) == "vital_records");
    CHECK(toString(RegisterKind::Documents) == "documents");
    CHECK(sampleFileName(RegisterKind::KnownFacts) == "known-facts.csv");
    CHECK(registerColumns(RegisterKind::Addresses) == std::vector<std::string>{"uprn", "line1", "line2", "town", "postcode"});
    CHECK(isFactType("council_tax_reference"));
    CHECK_FALSE(isFactType("passport"));
    CHECK(isDocumentType("driving_licence"));
    CHECK_FALSE(isDocumentType("Passport"));
}
