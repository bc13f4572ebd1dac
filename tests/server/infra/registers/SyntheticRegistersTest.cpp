#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include "infra/registers/CsvRegister.h"
#include "infra/registers/SyntheticRegisters.h"
#include "support/TempDir.h"
#include "tessera/shared/DrivingLicence.h"
#include "tessera/shared/Mrz.h"
#include "tessera/shared/Postcode.h"

using namespace tessera;
using namespace tessera::infra;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

TEST_CASE("synthetic registers: the four files load and agree with each other", "[registers][synthetic]") {
    test::TempDir dir;
    auto counts = writeSyntheticRegisters(dir.path(), 500, 42);
    REQUIRE(counts.ok());
    CHECK(counts->people == 500);
    CHECK(counts->addresses == 500);
    CHECK(counts->knownFacts >= 500);
    CHECK(counts->documents > 500);

    std::map<RegisterKind, std::unique_ptr<CsvRegister>> regs;
    for (auto kind : kAllRegisterKinds) {
        auto loaded = CsvRegister::load(kind, dir.path() + "/" + std::string(sampleFileName(kind)));
        REQUIRE(loaded.ok());
        regs[kind] = std::move(loaded).value();
    }
    CHECK(regs[RegisterKind::VitalRecords]->size() == counts->people);
    CHECK(regs[RegisterKind::Addresses]->size() == counts->addresses);
    CHECK(regs[RegisterKind::KnownFacts]->size() == counts->knownFacts);
    CHECK(regs[RegisterKind::Documents]->size() == counts->documents);

    std::set<std::string> refs;
    for (std::uint64_t i = 0; i < 500; ++i) {
        const auto p = syntheticPerson(42, i);
        CHECK(refs.insert(p.personRef).second);
        CHECK(validate::ukPostcode(p.postcode).ok());

        auto births = regs[RegisterKind::VitalRecords]->lookup(registers::vitalRecordKey(p.dateOfBirth));
        REQUIRE(births.ok());
        CHECK(std::any_of(births->begin(), births->end(), [&](const RegisterRecord& r) {
            return r.at("person_ref") == p.personRef && r.at("family_name") == p.familyName;
        }));
        auto homes = regs[RegisterKind::Addresses]->lookup(registers::addressKey(p.postcode));
        CHECK(std::any_of(homes->begin(), homes->end(), [&](const RegisterRecord& r) { return r.at("uprn") == p.uprn; }));
        auto tax = regs[RegisterKind::KnownFacts]->lookup(registers::knownFactKey("council_tax_reference", p.councilTaxReference));
        REQUIRE(tax->size() == 1);
        CHECK(tax->front().at("person_ref") == p.personRef);

        if (p.passport) {
            CHECK(validate::passportNumber(p.passport->number, std::to_string(*mrz::checkDigit(p.passport->number))).ok());
            auto found = regs[RegisterKind::Documents]->lookup(registers::documentKey("passport", p.passport->number));
            REQUIRE(found->size() == 1);
            CHECK(found->front().at("status") == p.passport->status);
        }
        if (p.drivingLicence) {
            CHECK(validate::drivingLicenceMatches(p.drivingLicence->number, p.familyName, p.dateOfBirth, p.sex).ok());
            auto found = regs[RegisterKind::Documents]->lookup(registers::documentKey("driving_licence", p.drivingLicence->number));
            CHECK(found->size() == 1);
        }
    }
}

TEST_CASE("synthetic registers: one seed, the same bytes – another seed, other people", "[registers][synthetic]") {
    test::TempDir a, b, c;
    REQUIRE(writeSyntheticRegisters(a.path(), 200, 7).ok());
    REQUIRE(writeSyntheticRegisters(b.path(), 200, 7).ok());
    REQUIRE(writeSyntheticRegisters(c.path(), 200, 8).ok());
    for (auto kind : kAllRegisterKinds) {
        const std::string file = "/" + std::string(sampleFileName(kind));
        CHECK(slurp(a.path() + file) == slurp(b.path() + file));
        CHECK(slurp(a.path() + file) != slurp(c.path() + file));
    }
}

TEST_CASE("synthetic registers: an unwritable folder is an error", "[registers][synthetic]") {
    auto r = writeSyntheticRegisters("/nonexistent/registers", 10, 1);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "register_write_failed");
}
