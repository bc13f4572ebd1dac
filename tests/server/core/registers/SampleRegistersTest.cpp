// The sample registers under resources/registers are what the demo accounts verify
// against: these tests walk the journeys the README promises, and check that every
// document number in them is one the document-details form accepts.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/registers/AddressMatcher.h"
#include "core/registers/DocumentRegisterCheck.h"
#include "core/registers/KnownFactChecker.h"
#include "core/registers/RegisterSet.h"
#include "core/registers/VitalRecordMatcher.h"
#include "infra/registers/CsvReader.h"
#include "support/Paths.h"
#include "tessera/shared/DrivingLicence.h"
#include "tessera/shared/Mrz.h"

using namespace tessera;
using namespace tessera::core;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::unique_ptr<RegisterSet> samples(infra::Clock& clock) {
    auto set = RegisterSet::open({}, test::resourcesDir(), {}, clock);
    REQUIRE(set.ok());
    return std::move(set).value();
}

VitalRecordMatch person(RegisterSet& regs, VitalRecordClaim claim) {
    VitalRecordMatcher m(regs.vitalRecords(), regs.nameVariants());
    auto r = m.match(claim);
    REQUIRE(r.ok());
    return std::move(r).value();
}

}  // namespace

TEST_CASE("sample registers: every document number passes the form's checks", "[registers][samples]") {
    const std::string text = slurp(test::resourcesDir() + "/registers/documents.csv");
    const std::string readme = slurp(test::resourcesDir() + "/registers/README.md");
    infra::CsvReader reader(text);
    std::vector<std::string> f;
    REQUIRE(*reader.next(f));  // header
    int passports = 0, licences = 0;
    while (*reader.next(f)) {
        INFO(f[1]);
        const auto dob = parseIsoDate(f[4]);
        REQUIRE(dob);
        if (f[0] == "passport") {
            const auto digit = mrz::checkDigit(f[1]);
            REQUIRE(digit);
            CHECK(validate::passportNumber(f[1], std::to_string(*digit)).ok());
            // The README tells demo users the check digit to type.
            CHECK_THAT(readme, Catch::Contains("`" + f[1] + "` check digit `" + std::to_string(*digit) + "`"));
            ++passports;
        } else {
            CHECK(validate::drivingLicenceMatches(f[1], f[3], *dob).ok());
            CHECK_THAT(readme, Catch::Contains("`" + f[1] + "`"));
            ++licences;
        }
    }
    CHECK(passports >= 5);
    CHECK(licences >= 8);
}

TEST_CASE("sample registers: the clean person reaches every check", "[registers][samples]") {
    infra::ManualClock clock;
    auto regs = samples(clock);
    auto morag = person(*regs, {"Morag Elspeth", "Campbell", {1984, 6, 12}, Sex::Female, "", ""});
    CHECK(morag.outcome == MatchOutcome::Matched);
    CHECK(morag.personRef == "P-0001");

    AddressMatcher addresses(regs->addresses());
    auto home = addresses.match({"12 Rose Street", "", "Edinburgh", "EH2 2PR"});
    REQUIRE(home.ok());
    CHECK(home->outcome == MatchOutcome::Matched);
    CHECK(home->uprn == "906700000101");

    KnownFactChecker facts(regs->knownFacts());
    CHECK(facts.check({"council_tax_reference", "CT-EDN-4000-0101", "P-0001"})->outcome == MatchOutcome::Matched);
    CHECK(facts.check({"entitlement_card_number", "6335 9701 0000 0001", "P-0001"})->outcome == MatchOutcome::Matched);

    DocumentRegisterCheck documents(regs->documents(), regs->nameVariants());
    auto passport = documents.check({"passport", "533401278", "Morag Elspeth", "Campbell", {1984, 6, 12}, {2031, 5, 20}});
    REQUIRE(passport.ok());
    CHECK(passport->status == DocumentStatus::Valid);
    for (const auto& field : passport->fields) CHECK(field.matched);
    auto licence = documents.check({"driving_licence", "CAMPB856124ME9AB", "Morag", "Campbell", {1984, 6, 12}, {2032, 6, 11}});
    REQUIRE(licence.ok());
    CHECK(licence->status == DocumentStatus::Valid);
}

TEST_CASE("sample registers: the other demo journeys", "[registers][samples]") {
    infra::ManualClock clock;
    auto regs = samples(clock);

    // Name variant, and a flat written on the first line.
    CHECK(person(*regs, {"Bill", "Fraser", {1979, 2, 3}, Sex::Male, "", ""}).personRef == "P-0002");
    AddressMatcher addresses(regs->addresses());
    CHECK(addresses.match({"Flat 2/1, 45 Great Western Rd", "", "Glasgow", "G12 8HN"})->uprn == "906700000201");

    // Stolen passport.
    DocumentRegisterCheck documents(regs->documents(), regs->nameVariants());
    CHECK(documents.check({"passport", "561920384", "Eilidh", "MacLeod", {1990, 11, 23}, {2030, 3, 1}})->status ==
          DocumentStatus::Stolen);

    // The duplicate: the register matches anyone who claims Hamish; the server stops the second account.
    CHECK(person(*regs, {"Hamish", "Stewart", {1972, 8, 30}, Sex::Male, "", ""}).personRef == "P-0004");

    // Married name: a fallback question settles it.
    VitalRecordClaim catriona{"Catriona", "Ross", {1986, 4, 9}, Sex::Female, "", ""};
    CHECK(person(*regs, catriona).outcome == MatchOutcome::NeedsFallback);
    catriona.placeOfBirth = "Dundee";
    CHECK(person(*regs, catriona).personRef == "P-0005");

    // Two Callum Brodies born the same day.
    VitalRecordClaim callum{"Callum", "Brodie", {1995, 4, 17}, Sex::Male, "", ""};
    CHECK(person(*regs, callum).outcome == MatchOutcome::NeedsFallback);
    callum.placeOfBirth = "Ayr";
    CHECK(person(*regs, callum).personRef == "P-0007");

    // Accents, apostrophes, Mac/Mc, hyphens.
    CHECK(person(*regs, {"Sean", "OBrien", {1988, 3, 17}, Sex::Male, "", ""}).personRef == "P-0008");
    CHECK(person(*regs, {"Fiona", "McDonald", {1965, 12, 1}, Sex::Female, "", ""}).personRef == "P-0009");
    CHECK(person(*regs, {"Zoe", "Ferguson Reid", {2001, 7, 7}, Sex::Female, "", ""}).personRef == "P-0010");
    CHECK(documents.check({"passport", "512649083", "Zoe", "Ferguson-Reid", {2001, 7, 7}, {2034, 7, 1}})->status ==
          DocumentStatus::Lost);
}
