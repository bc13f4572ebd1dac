#include <catch2/catch.hpp>

#include "RegisterRows.h"
#include "core/registers/VitalRecordMatcher.h"
#include "support/Paths.h"

using namespace tessera;
using namespace tessera::core;
using infra::RegisterKind;

namespace {

const NameVariants& variants() {
    static const NameVariants v = [] {
        auto loaded = NameVariants::load(test::resourcesDir() + "/registers/name-variants.csv");
        REQUIRE(loaded.ok());
        return std::move(loaded).value();
    }();
    return v;
}

std::unique_ptr<infra::CsvRegister> births() {
    return test::registerOf(RegisterKind::VitalRecords,
                            {"P-1,Morag Elspeth,Campbell,1984-06-12,female,Inverness,MacKinnon",
                             "P-12,Mo,Campbell,1984-06-12,female,Elgin,Grant",
                             "P-2,William Alexander,Fraser,1979-02-03,male,Aberdeen,Ross",
                             "P-3,Catriona Anne,Drummond,1986-04-09,female,Dundee,Menzies",
                             "P-4,Callum James,Brodie,1995-04-17,male,Dundee,Gillespie",
                             "P-5,Callum,Brodie,1995-04-17,male,Ayr,Kennedy",
                             "P-6,John,Smith,1970-01-01,male,Perth,Hay",
                             "P-7,James,Smith,1970-01-01,male,Perth,Hay",
                             "P-8,Seán Patrick,O'Brien,1988-03-17,male,Glasgow,Gallagher",
                             "P-9,Fiona Grace,MacDonald,1965-12-01,female,Oban,Cameron",
                             "P-10,Ishbel,Grant,1950-05-05,female,,"});
}

VitalRecordClaim claim(std::string given, std::string family, CalendarDate dob, Sex sex) {
    return {std::move(given), std::move(family), dob, sex, "", ""};
}

VitalRecordMatch matched(VitalRecordMatcher& m, const VitalRecordClaim& c) {
    auto r = m.match(c);
    REQUIRE(r.ok());
    return std::move(r).value();
}

const CalendarDate kMorag{1984, 6, 12}, kBill{1979, 2, 3}, kCatriona{1986, 4, 9}, kCallum{1995, 4, 17}, kSmith{1970, 1, 1};

}  // namespace

TEST_CASE("vital records: a strong match gives the person reference and every field matched", "[registers][vital]") {
    auto reg = births();
    VitalRecordMatcher m(*reg, variants());
    auto r = matched(m, claim("Morag Elspeth", "Campbell", kMorag, Sex::Female));
    CHECK(r.outcome == MatchOutcome::Matched);
    CHECK(r.personRef == "P-1");
    CHECK(r.fields == std::vector<FieldResult>{{"givenNames", true}, {"familyName", true}, {"dateOfBirth", true}, {"sex", true}});
}

TEST_CASE("vital records: case, accents, punctuation, Mac/Mc and name variants still match strongly",
          "[registers][vital]") {
    auto reg = births();
    VitalRecordMatcher m(*reg, variants());
    struct Case {
        const char *given, *family;
        CalendarDate dob;
        Sex sex;
        const char* ref;
    };
    const Case cases[] = {
        {"MORAG", "campbell", kMorag, Sex::Female, "P-1"},               // middle name missing on the claim
        {"Morag Elspeth Ann", "Campbell", kMorag, Sex::Female, "P-1"},   // an extra middle name on the claim
        {"Sean", "OBrien", {1988, 3, 17}, Sex::Male, "P-8"},
        {"Seán Patrick", "O Brien", {1988, 3, 17}, Sex::Male, "P-8"},
        {"Fiona", "McDonald", {1965, 12, 1}, Sex::Female, "P-9"},
        {"Bill", "Fraser", kBill, Sex::Male, "P-2"},
        {"Willie Alexander", "FRASER", kBill, Sex::Male, "P-2"},
        {"Bill Sandy", "Fraser", kBill, Sex::Male, "P-2"},               // both names as variants
        {"John", "Smith", kSmith, Sex::Male, "P-6"},                      // the twin brother is no match
        {"Jim", "Smith", kSmith, Sex::Male, "P-7"},
    };
    for (const auto& c : cases) {
        INFO(c.given << " " << c.family);
        auto r = matched(m, claim(c.given, c.family, c.dob, c.sex));
        CHECK(r.outcome == MatchOutcome::Matched);
        CHECK(r.personRef == c.ref);
    }
}

TEST_CASE("vital records: no match without a candidate, or when sex or names disagree", "[registers][vital]") {
    auto reg = births();
    VitalRecordMatcher m(*reg, variants());

    auto otherDay = matched(m, claim("Morag", "Campbell", {1984, 6, 13}, Sex::Female));
    CHECK(otherDay.outcome == MatchOutcome::NoMatch);
    CHECK(otherDay.personRef.empty());
    CHECK(otherDay.fields == std::vector<FieldResult>{{"givenNames", false}, {"familyName", false}, {"dateOfBirth", false}, {"sex", false}});

    auto otherSex = matched(m, claim("Morag Elspeth", "Campbell", kMorag, Sex::Male));
    CHECK(otherSex.outcome == MatchOutcome::NoMatch);
    CHECK(fieldMatched(otherSex.fields, "dateOfBirth"));
    CHECK(fieldMatched(otherSex.fields, "familyName"));
    CHECK_FALSE(fieldMatched(otherSex.fields, "sex"));

    auto twin = matched(m, claim("Peter", "Smith", kSmith, Sex::Male));
    CHECK(twin.outcome == MatchOutcome::NoMatch);
    auto stranger = matched(m, claim("Ailsa", "Munro", kMorag, Sex::Female));
    CHECK(stranger.outcome == MatchOutcome::NoMatch);
    // Alexander is not Alexandra, though both are "Alex".
    auto alex = matched(m, claim("Alexandra", "Fraser", kBill, Sex::Male));
    CHECK(alex.outcome == MatchOutcome::NoMatch);
}

TEST_CASE("vital records: a weak match asks the fallback questions, and the answer decides", "[registers][vital]") {
    auto reg = births();
    VitalRecordMatcher m(*reg, variants());

    SECTION("married name: given names agree, the family name differs") {
        auto c = claim("Catriona", "Ross", kCatriona, Sex::Female);
        auto weak = matched(m, c);
        CHECK(weak.outcome == MatchOutcome::NeedsFallback);
        CHECK(weak.personRef.empty());
        CHECK(fieldMatched(weak.fields, "givenNames"));
        CHECK_FALSE(fieldMatched(weak.fields, "familyName"));

        c.placeOfBirth = " dundee ";
        auto answered = matched(m, c);
        CHECK(answered.outcome == MatchOutcome::Matched);
        CHECK(answered.personRef == "P-3");
        CHECK(fieldMatched(answered.fields, "placeOfBirth"));

        c.placeOfBirth = "Perth";
        auto wrong = matched(m, c);
        CHECK(wrong.outcome == MatchOutcome::NoMatch);
        CHECK(wrong.personRef.empty());
        CHECK_FALSE(fieldMatched(wrong.fields, "placeOfBirth"));
    }
    SECTION("an initial for the given name") {
        auto c = claim("M", "Campbell", kMorag, Sex::Female);  // P-1 and P-12 both weak
        CHECK(matched(m, c).outcome == MatchOutcome::NeedsFallback);
        c.mothersMaidenName = "McKinnon";
        auto r = matched(m, c);
        CHECK(r.outcome == MatchOutcome::Matched);
        CHECK(r.personRef == "P-1");
        CHECK(r.fields.back() == FieldResult{"mothersMaidenName", true});
    }
    SECTION("a different middle name, or known by the middle name") {
        CHECK(matched(m, claim("Morag Flora", "Campbell", kMorag, Sex::Female)).outcome == MatchOutcome::NeedsFallback);
        CHECK(matched(m, claim("Elspeth", "Campbell", kMorag, Sex::Female)).outcome == MatchOutcome::NeedsFallback);
    }
    SECTION("an answer the register cannot confirm (it holds none) is no match") {
        auto c = claim("I", "Grant", {1950, 5, 5}, Sex::Female);
        CHECK(matched(m, c).outcome == MatchOutcome::NeedsFallback);
        c.placeOfBirth = "Elgin";
        CHECK(matched(m, c).outcome == MatchOutcome::NoMatch);
    }
}

TEST_CASE("vital records: a strong match outweighs a weak one", "[registers][vital]") {
    auto reg = births();
    VitalRecordMatcher m(*reg, variants());
    auto r = matched(m, claim("Morag", "Campbell", kMorag, Sex::Female));  // P-12 "Mo" is only weak
    CHECK(r.outcome == MatchOutcome::Matched);
    CHECK(r.personRef == "P-1");
}

TEST_CASE("vital records: a wrong fallback answer undoes even a strong match", "[registers][vital]") {
    auto reg = births();
    VitalRecordMatcher m(*reg, variants());
    auto c = claim("Morag Elspeth", "Campbell", kMorag, Sex::Female);
    c.mothersMaidenName = "Robertson";
    auto r = matched(m, c);
    CHECK(r.outcome == MatchOutcome::NoMatch);
    CHECK(r.personRef.empty());
}

TEST_CASE("vital records: two persons matching equally need the fallback to tell them apart", "[registers][vital]") {
    auto reg = births();
    VitalRecordMatcher m(*reg, variants());
    auto c = claim("Callum", "Brodie", kCallum, Sex::Male);
    auto ambiguous = matched(m, c);
    CHECK(ambiguous.outcome == MatchOutcome::NeedsFallback);
    CHECK(ambiguous.personRef.empty());

    c.placeOfBirth = "Dundee";
    CHECK(matched(m, c).personRef == "P-4");
    c.placeOfBirth = "AYR";
    CHECK(matched(m, c).personRef == "P-5");
    c.placeOfBirth = "Perth";
    CHECK(matched(m, c).outcome == MatchOutcome::NoMatch);
    c.placeOfBirth.clear();
    c.mothersMaidenName = "Kennedy";
    CHECK(matched(m, c).personRef == "P-5");
}

TEST_CASE("vital records: still ambiguous after one answer asks the other – after both it is no match",
          "[registers][vital]") {
    auto reg = test::registerOf(RegisterKind::VitalRecords, {"P-1,Ann,Reid,2000-01-01,female,Perth,Hay",
                                                             "P-2,Ann,Reid,2000-01-01,female,Perth,Gunn",
                                                             "P-3,Ann,Reid,2000-01-01,female,Perth,Gunn"});
    VitalRecordMatcher m(*reg, variants());
    auto c = claim("Ann", "Reid", {2000, 1, 1}, Sex::Female);
    c.placeOfBirth = "Perth";
    CHECK(matched(m, c).outcome == MatchOutcome::NeedsFallback);
    c.mothersMaidenName = "Hay";
    auto one = matched(m, c);
    CHECK(one.outcome == MatchOutcome::Matched);
    CHECK(one.personRef == "P-1");
    c.mothersMaidenName = "Gunn";
    CHECK(matched(m, c).outcome == MatchOutcome::NoMatch);
}

TEST_CASE("vital records: one person on two rows is one person, not an ambiguity", "[registers][vital]") {
    auto reg = test::registerOf(RegisterKind::VitalRecords, {"P-1,Ann,Reid,2000-01-01,female,Perth,Hay",
                                                             "P-1,Ann Mary,Reid,2000-01-01,female,Perth,Hay"});
    VitalRecordMatcher m(*reg, variants());
    auto r = matched(m, claim("Ann", "Reid", {2000, 1, 1}, Sex::Female));
    CHECK(r.outcome == MatchOutcome::Matched);
    CHECK(r.personRef == "P-1");
}

TEST_CASE("vital records: names without letters are refused – a register that is down is an error",
          "[registers][vital]") {
    auto reg = births();
    VitalRecordMatcher m(*reg, variants());
    auto noGiven = m.match(claim(" - ", "Campbell", kMorag, Sex::Female));
    REQUIRE_FALSE(noGiven.ok());
    CHECK(noGiven.error().fields.at(0).field == "givenNames");
    auto noFamily = m.match(claim("Morag", "", kMorag, Sex::Female));
    REQUIRE_FALSE(noFamily.ok());
    CHECK(noFamily.error().fields.at(0).field == "familyName");

    test::UnavailableRegister down;
    VitalRecordMatcher offline(down, variants());
    auto r = offline.match(claim("Morag", "Campbell", kMorag, Sex::Female));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::Unavailable);
    CHECK(r.error().code == "register_unavailable");
}
