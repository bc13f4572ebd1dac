#include <catch2/catch.hpp>

#include "RegisterRows.h"
#include "core/registers/DocumentRegisterCheck.h"
#include "support/Paths.h"

using namespace tessera;
using namespace tessera::core;
using infra::RegisterKind;

namespace {

std::unique_ptr<infra::CsvRegister> documents() {
    return test::registerOf(RegisterKind::Documents,
                            {"passport,533401278,Morag Elspeth,Campbell,1984-06-12,2031-05-20,valid",
                             "driving_licence,CAMPB856124ME9AB,Morag Elspeth,Campbell,1984-06-12,2032-06-11,valid",
                             "passport,548102936,William Alexander,Fraser,1979-02-03,2029-09-14,lost",
                             "passport,561920384,Eilidh Mairi,MacLeod,1990-11-23,2030-03-01,stolen",
                             "passport,512649083,Zoe,Reid,2001-07-07,2034-07-01,cancelled"});
}

NameVariants variants() {
    auto v = NameVariants::load(test::resourcesDir() + "/registers/name-variants.csv");
    REQUIRE(v.ok());
    return std::move(v).value();
}

}  // namespace

TEST_CASE("documents: a valid document with every field agreeing", "[registers][documents]") {
    auto reg = documents();
    const auto v = variants();
    DocumentRegisterCheck check(*reg, v);
    auto r = check.check({"passport", "533 401 278", "Morag", "CAMPBELL", {1984, 6, 12}, {2031, 5, 20}});
    REQUIRE(r.ok());
    CHECK(r->status == DocumentStatus::Valid);
    CHECK(r->fields == std::vector<FieldResult>{{"documentNumber", true},
                                                {"givenNames", true},
                                                {"familyName", true},
                                                {"dateOfBirth", true},
                                                {"expiryDate", true}});
    auto licence = check.check({"driving_licence", "campb856124me9ab", "Morag Elspeth", "Campbell", {1984, 6, 12}, {2032, 6, 11}});
    REQUIRE(licence.ok());
    CHECK(licence->status == DocumentStatus::Valid);
}

TEST_CASE("documents: the register's status comes back – fields that disagree are marked", "[registers][documents]") {
    auto reg = documents();
    const auto v = variants();
    DocumentRegisterCheck check(*reg, v);

    auto lost = check.check({"passport", "548102936", "Bill", "Fraser", {1979, 2, 3}, {2029, 9, 14}});
    REQUIRE(lost.ok());
    CHECK(lost->status == DocumentStatus::Lost);
    CHECK(fieldMatched(lost->fields, "givenNames"));  // Bill is William

    auto stolen = check.check({"passport", "561920384", "Eilidh", "McLeod", {1990, 11, 24}, {2030, 3, 1}});
    REQUIRE(stolen.ok());
    CHECK(stolen->status == DocumentStatus::Stolen);
    CHECK(fieldMatched(stolen->fields, "familyName"));
    CHECK_FALSE(fieldMatched(stolen->fields, "dateOfBirth"));
    CHECK(fieldMatched(stolen->fields, "expiryDate"));

    auto cancelled = check.check({"passport", "512649083", "Zoë", "Reid", {2001, 7, 7}, {2035, 7, 1}});
    REQUIRE(cancelled.ok());
    CHECK(cancelled->status == DocumentStatus::Cancelled);
    CHECK_FALSE(fieldMatched(cancelled->fields, "expiryDate"));
    CHECK(fieldMatched(cancelled->fields, "givenNames"));

    auto someoneElse = check.check({"passport", "533401278", "Ailsa", "Munro", {1984, 6, 12}, {2031, 5, 20}});
    REQUIRE(someoneElse.ok());
    CHECK(someoneElse->status == DocumentStatus::Valid);
    CHECK_FALSE(fieldMatched(someoneElse->fields, "givenNames"));
    CHECK_FALSE(fieldMatched(someoneElse->fields, "familyName"));
}

TEST_CASE("documents: an unknown number is not found – the type is part of the key", "[registers][documents]") {
    auto reg = documents();
    const auto v = variants();
    DocumentRegisterCheck check(*reg, v);
    auto missing = check.check({"passport", "999999999", "Morag", "Campbell", {1984, 6, 12}, {2031, 5, 20}});
    REQUIRE(missing.ok());
    CHECK(missing->status == DocumentStatus::NotFound);
    CHECK(missing->fields == std::vector<FieldResult>{{"documentNumber", false}});
    auto otherType = check.check({"driving_licence", "533401278", "Morag", "Campbell", {1984, 6, 12}, {2031, 5, 20}});
    REQUIRE(otherType.ok());
    CHECK(otherType->status == DocumentStatus::NotFound);
    CHECK(toString(DocumentStatus::NotFound) == "not_found");
    CHECK(toString(DocumentStatus::Stolen) == "stolen");
}

TEST_CASE("documents: bad input is refused – a register that is down is an error", "[registers][documents]") {
    test::UnavailableRegister down;
    const auto v = variants();
    DocumentRegisterCheck check(down, v);
    auto badType = check.check({"visa", "1", "A", "B", {}, {}});
    REQUIRE_FALSE(badType.ok());
    CHECK(badType.error().fields.at(0).field == "documentType");
    auto noNumber = check.check({"passport", " ", "A", "B", {}, {}});
    REQUIRE_FALSE(noNumber.ok());
    CHECK(noNumber.error().fields.at(0).field == "documentNumber");
    auto offline = check.check({"passport", "533401278", "A", "B", {}, {}});
    REQUIRE_FALSE(offline.ok());
    CHECK(offline.error().code == "register_unavailable");
}
