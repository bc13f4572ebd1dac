#include <catch2/catch.hpp>

#include <fstream>

#include "infra/registers/CsvRegister.h"
#include "support/Paths.h"
#include "support/TempDir.h"

using namespace tessera;
using namespace tessera::infra;

namespace {

const std::string kVitalHeader = "person_ref,given_names,family_name,date_of_birth,sex,place_of_birth,mothers_maiden_name\n";

std::string writeFile(const test::TempDir& dir, const std::string& name, const std::string& text) {
    const std::string path = dir.path() + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

}  // namespace

TEST_CASE("CSV register: the sample vital records load and answer by date of birth", "[registers][csv]") {
    auto reg = CsvRegister::load(RegisterKind::VitalRecords, test::resourcesDir() + "/registers/vital-records.csv");
    REQUIRE(reg.ok());
    CHECK(reg.value()->name() == "vital_records");
    CHECK(reg.value()->size() == 10);

    auto found = reg.value()->lookup(registers::vitalRecordKey({1984, 6, 12}));
    REQUIRE(found.ok());
    REQUIRE(found->size() == 1);
    CHECK(found->front().at("person_ref") == "P-0001");
    CHECK(found->front().at("given_names") == "Morag Elspeth");
    CHECK(found->front().size() == 7);

    // Two people born the same day come back in file order.
    auto twins = reg.value()->lookup("1995-04-17");
    REQUIRE(twins.ok());
    REQUIRE(twins->size() == 2);
    CHECK(twins->at(0).at("person_ref") == "P-0006");
    CHECK(twins->at(1).at("person_ref") == "P-0007");

    CHECK(reg.value()->lookup("1900-01-01")->empty());
    CHECK(reg.value()->lookup("")->empty());
}

TEST_CASE("CSV register: each register files its rows under registerKey()", "[registers][csv]") {
    const std::string dir = test::resourcesDir() + "/registers/";
    auto addresses = CsvRegister::load(RegisterKind::Addresses, dir + "addresses.csv");
    REQUIRE(addresses.ok());
    auto atRose = addresses.value()->lookup(registers::addressKey("eh2 2pr"));
    REQUIRE(atRose.ok());
    CHECK(atRose->size() == 3);
    CHECK(atRose->at(2).at("line1") == "Flat 1, 12 Rose Street");  // a quoted field with a comma

    auto facts = CsvRegister::load(RegisterKind::KnownFacts, dir + "known-facts.csv");
    REQUIRE(facts.ok());
    auto card = facts.value()->lookup(registers::knownFactKey("entitlement_card_number", "6335970100000001"));
    REQUIRE(card->size() == 1);
    CHECK(card->front().at("person_ref") == "P-0001");

    auto documents = CsvRegister::load(RegisterKind::Documents, dir + "documents.csv");
    REQUIRE(documents.ok());
    auto passport = documents.value()->lookup(registers::documentKey("passport", "561 920 384"));
    REQUIRE(passport->size() == 1);
    CHECK(passport->front().at("status") == "stolen");
    CHECK(documents.value()->lookup(registers::documentKey("driving_licence", "561920384"))->empty());
}

TEST_CASE("CSV register: a missing file is an error value naming the register and file", "[registers][csv]") {
    auto reg = CsvRegister::load(RegisterKind::Documents, "/nonexistent/documents.csv");
    REQUIRE_FALSE(reg.ok());
    CHECK(reg.error().code == "register_file_unreadable");
    CHECK_THAT(reg.error().message, Catch::Contains("documents") && Catch::Contains("/nonexistent/documents.csv"));
}

TEST_CASE("CSV register: a wrong header is refused", "[registers][csv]") {
    test::TempDir dir;
    for (const std::string& text : {std::string(""), std::string("person_ref,given_names\nP-1,Ann\n"),
                                   std::string("uprn,line1,line2,town,postcode\n"),
                                   std::string("given_names,person_ref,family_name,date_of_birth,sex,place_of_birth,mothers_maiden_name\n")}) {
        auto reg = CsvRegister::load(RegisterKind::VitalRecords, writeFile(dir, "v.csv", text));
        REQUIRE_FALSE(reg.ok());
        CHECK(reg.error().code == "register_bad_header");
        CHECK_THAT(reg.error().message, Catch::Contains("v.csv:1") && Catch::Contains(
                                                                         "person_ref,given_names,family_name"));
    }
    // Spaces around the names and CRLF are fine.
    auto spaced = CsvRegister::load(RegisterKind::Addresses,
                                    writeFile(dir, "a.csv", "uprn, line1 ,line2,town,postcode\r\n1,2 High St,,Ayr,KA7 1BX\r\n"));
    REQUIRE(spaced.ok());
    CHECK(spaced.value()->size() == 1);
}

TEST_CASE("CSV register: a bad row is refused with its file and line, never its value", "[registers][csv]") {
    test::TempDir dir;
    struct Case {
        const char* row;
        const char* says;
    };
    const Case cases[] = {
        {"P-9,Ann,Secret,1990-02-30,female,,\n", "date_of_birth"},
        {"P-9,Ann,Secret,1990-02-03,woman,,\n", "sex"},
        {"P-9,Ann,Secret,1990-02-03,female\n", "5 fields"},
        {"P-9,,Secret,1990-02-03,female,,\n", "given_names is empty"},
        {",Ann,Secret,1990-02-03,female,,\n", "person_ref is empty"},
        {"P-9,\"Ann,Secret,1990-02-03,female,,\n", "not closed"},
    };
    for (const auto& c : cases) {
        const std::string text = kVitalHeader + "P-1,Ann,Other,1980-01-01,female,,\n\n" + c.row;
        auto reg = CsvRegister::load(RegisterKind::VitalRecords, writeFile(dir, "vital.csv", text));
        REQUIRE_FALSE(reg.ok());
        CHECK(reg.error().code == "register_bad_row");
        CHECK_THAT(reg.error().message, Catch::Contains("vital.csv") && Catch::Contains(c.says));
        CHECK_THAT(reg.error().message, !Catch::Contains("Secret"));
        if (std::string(c.says) != "not closed") CHECK_THAT(reg.error().message, Catch::Contains("vital.csv:4"));
    }
}

TEST_CASE("CSV register: rows of the other registers are checked too", "[registers][csv]") {
    struct Case {
        RegisterKind kind;
        std::string text;
        const char* says;
    };
    const Case cases[] = {
        {RegisterKind::Addresses, "uprn,line1,line2,town,postcode\n1,2 High St,,Ayr,NOTAPOSTCODE\n", "postcode"},
        {RegisterKind::Addresses, "uprn,line1,line2,town,postcode\n1,,,Ayr,KA7 1BX\n", "line1 is empty"},
        {RegisterKind::KnownFacts, "fact_type,reference,person_ref\nnational_insurance,AB123456C,P-1\n", "fact_type"},
        {RegisterKind::KnownFacts, "fact_type,reference,person_ref\ncouncil_tax_reference, - ,P-1\n", "reference is empty"},
        {RegisterKind::Documents,
         "document_type,number,given_names,family_name,date_of_birth,expiry_date,status\npassport,1,A,B,1990-01-01,2030-01-01,expired\n",
         "status"},
        {RegisterKind::Documents,
         "document_type,number,given_names,family_name,date_of_birth,expiry_date,status\nvisa,1,A,B,1990-01-01,2030-01-01,valid\n",
         "document_type"},
        {RegisterKind::Documents,
         "document_type,number,given_names,family_name,date_of_birth,expiry_date,status\npassport,1,A,B,1990-01-01,2030,valid\n",
         "expiry_date"},
    };
    for (const auto& c : cases) {
        auto reg = CsvRegister::parse(c.kind, c.text, "reg.csv");
        REQUIRE_FALSE(reg.ok());
        CHECK(reg.error().code == "register_bad_row");
        CHECK_THAT(reg.error().message, Catch::Contains("reg.csv:2") && Catch::Contains(c.says));
    }
}

TEST_CASE("CSV register: a header with no rows is an empty register", "[registers][csv]") {
    auto reg = CsvRegister::parse(RegisterKind::VitalRecords, kVitalHeader, "empty.csv");
    REQUIRE(reg.ok());
    CHECK(reg.value()->size() == 0);
    CHECK(reg.value()->lookup("1990-01-01")->empty());
}

TEST_CASE("CSV register: many keys and long chains stay exact", "[registers][csv]") {
    std::string text = kVitalHeader;
    for (int i = 0; i < 5000; ++i) {
        const int day = 1 + i % 28, month = 1 + (i / 28) % 12;
        text += "P-" + std::to_string(i) + ",Ann,Smith,2000-" + (month < 10 ? "0" : "") + std::to_string(month) + "-" +
                (day < 10 ? "0" : "") + std::to_string(day) + ",female,,\n";
    }
    auto reg = CsvRegister::parse(RegisterKind::VitalRecords, text, "many.csv");
    REQUIRE(reg.ok());
    CHECK(reg.value()->size() == 5000);
    std::size_t total = 0;
    for (int month = 1; month <= 12; ++month)
        for (int day = 1; day <= 28; ++day)
            total += reg.value()->lookup(toIsoString({2000, month, day}))->size();
    CHECK(total == 5000);
    auto first = reg.value()->lookup("2000-01-01");
    REQUIRE(first->size() >= 14);
    CHECK(first->at(0).at("person_ref") == "P-0");
    CHECK(first->at(1).at("person_ref") == "P-336");
}
