#include <catch2/catch.hpp>

#include <fstream>

#include "core/registers/RegisterSet.h"
#include "infra/registers/CsvRegister.h"
#include "infra/registers/RegisterKey.h"
#include "support/FakeGovernmentRegister.h"
#include "support/Paths.h"
#include "support/TempDir.h"

using namespace tessera;
using namespace tessera::core;

TEST_CASE("register set: empty sources open the sample registers", "[registers][set]") {
    infra::ManualClock clock;
    auto set = RegisterSet::open({}, test::resourcesDir(), {}, clock);
    REQUIRE(set.ok());
    auto& regs = *set.value();
    CHECK(regs.vitalRecords().name() == "vital_records");
    CHECK(regs.addresses().name() == "addresses");
    CHECK(regs.knownFacts().name() == "known_facts");
    CHECK(regs.documents().name() == "documents");
    CHECK(regs.vitalRecords().lookup("1984-06-12")->size() == 1);
    CHECK(regs.addresses().lookup("EH22PR")->size() == 3);
    CHECK(regs.nameVariants().areVariants("bill", "william"));
}

TEST_CASE("register set: csv:PATH and http(s) URLs choose the connector", "[registers][set]") {
    infra::ManualClock clock;
    test::TempDir dir;
    const std::string path = dir.path() + "/facts.csv";
    std::ofstream(path) << "fact_type,reference,person_ref\ncouncil_tax_reference,CT-1,P-77\n";

    auto rows = infra::CsvRegister::load(infra::RegisterKind::Documents, test::resourcesDir() + "/registers/documents.csv");
    REQUIRE(rows.ok());
    test::FakeGovernmentRegister fake(*rows.value());

    RegisterSources sources;
    sources.knownFacts = "csv:" + path;
    sources.documents = fake.baseUrl();
    HttpRegisterOptions http;
    http.retries = 0;
    auto set = RegisterSet::open(sources, test::resourcesDir(), http, clock);
    REQUIRE(set.ok());
    auto fact = set.value()->knownFacts().lookup(infra::registers::knownFactKey("council_tax_reference", "ct1"));
    REQUIRE(fact.ok());
    REQUIRE(fact->size() == 1);
    CHECK(fact->front().at("person_ref") == "P-77");

    auto passport = set.value()->documents().lookup(infra::registers::documentKey("passport", "533401278"));
    REQUIRE(passport.ok());
    REQUIRE(passport->size() == 1);
    CHECK(fake.requests() == 1);
    CHECK(set.value()->documents().name() == "documents");
}

TEST_CASE("register set: a bad source is an error naming the register", "[registers][set]") {
    infra::ManualClock clock;
    struct Case {
        RegisterSources sources;
        const char* code;
        const char* says;
    };
    const Case cases[] = {
        {{"ftp://register.example/", "", "", ""}, "register_source_invalid", "vital_records"},
        {{"", "csv:", "", ""}, "register_source_invalid", "addresses"},
        {{"", "", "/data/facts.csv", "", }, "register_source_invalid", "known_facts"},
        {{"", "", "", "csv:/nonexistent/documents.csv"}, "register_file_unreadable", "documents"},
        {{"", "", "", "http://register.example/documents"}, "register_source_invalid", "documents"},
    };
    for (const auto& c : cases) {
        auto set = RegisterSet::open(c.sources, test::resourcesDir(), {}, clock);
        REQUIRE_FALSE(set.ok());
        CHECK(set.error().code == c.code);
        CHECK_THAT(set.error().message, Catch::Contains(c.says));
    }
    auto noResources = RegisterSet::open({}, "/nonexistent", {}, clock);
    REQUIRE_FALSE(noResources.ok());
    CHECK(noResources.error().code == "register_file_unreadable");
}
