// Document details as a citizen types them: every field checked at once, each error naming
// its field and saying what to do.
#include <catch2/catch.hpp>

#include "core/verification/DocumentDetails.h"
#include "support/VerificationBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::DocumentEntry;
using core::validateDocument;

namespace {

const CalendarDate kToday{2027, 1, 15};

std::string codeOf(const Error& e, const std::string& field) {
    for (const auto& f : e.fields)
        if (f.field == field) return f.code;
    return "";
}

}  // namespace

TEST_CASE("A valid passport is normalised", "[verification][document]") {
    auto entry = passportEntry(moragCampbell());
    entry.number = " 533 401 278 ";
    entry.issuingCountry = "gbr";
    auto d = validateDocument(entry, kToday);
    REQUIRE(d.ok());
    CHECK(d->documentType == "passport");
    CHECK(d->number == "533401278");
    CHECK(d->issuingCountry == "GBR");
    CHECK(d->givenNames == "Morag Elspeth");
    CHECK(d->familyName == "Campbell");
    CHECK(d->dateOfBirth == "1984-06-12");
    CHECK(d->expiryDate == "2031-05-20");

    entry.checkDigit.clear();  // the check digit is optional
    CHECK(validateDocument(entry, kToday).ok());
}

TEST_CASE("A passport number that does not match its MRZ check digit is refused", "[verification][document]") {
    auto entry = passportEntry(moragCampbell());
    entry.checkDigit = std::string(1, char('0' + (entry.checkDigit[0] - '0' + 1) % 10));
    auto d = validateDocument(entry, kToday);
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().code == "validation_failed");
    CHECK(codeOf(d.error(), "documentNumber") == "check_digit_mismatch");

    entry.checkDigit = "x";
    d = validateDocument(entry, kToday);
    REQUIRE_FALSE(d.ok());
    CHECK(codeOf(d.error(), "checkDigit") == "invalid_check_digit");

    entry = passportEntry(moragCampbell());
    entry.number = "53340-1278";
    entry.checkDigit.clear();
    d = validateDocument(entry, kToday);
    REQUIRE_FALSE(d.ok());
    CHECK(codeOf(d.error(), "documentNumber") == "invalid_format");
}

TEST_CASE("A driving licence must encode the family name, date of birth and sex", "[verification][document]") {
    auto entry = drivingLicenceEntry(moragCampbell());
    REQUIRE(validateDocument(entry, kToday).ok());

    auto other = entry;
    other.familyName = "Fraser";
    auto d = validateDocument(other, kToday);
    REQUIRE_FALSE(d.ok());
    CHECK(codeOf(d.error(), "documentNumber") == "surname_mismatch");

    other = entry;
    other.dateOfBirth = "1984-06-13";
    d = validateDocument(other, kToday);
    REQUIRE_FALSE(d.ok());
    CHECK(codeOf(d.error(), "documentNumber") == "date_of_birth_mismatch");

    other = entry;
    other.sex = "male";
    d = validateDocument(other, kToday);
    REQUIRE_FALSE(d.ok());
    CHECK(codeOf(d.error(), "documentNumber") == "sex_mismatch");

    other = entry;
    other.number = "CAMPB856";
    d = validateDocument(other, kToday);
    REQUIRE_FALSE(d.ok());
    CHECK(codeOf(d.error(), "documentNumber") == "invalid_format");
}

TEST_CASE("An expired document is refused", "[verification][document]") {
    auto entry = passportEntry(moragCampbell());
    entry.expiryDate = "2027-01-15";  // today: no longer valid for a new application
    auto d = validateDocument(entry, kToday);
    REQUIRE_FALSE(d.ok());
    CHECK(codeOf(d.error(), "expiryDate") == "expired");
    CHECK(d.error().fields.at(0).message.find("still valid") != std::string::npos);
    entry.expiryDate = "2027-02-30";
    d = validateDocument(entry, kToday);
    REQUIRE_FALSE(d.ok());
    CHECK(codeOf(d.error(), "expiryDate") == "invalid_date");
}

TEST_CASE("Every problem is reported at once", "[verification][document]") {
    DocumentEntry entry;
    entry.documentType = "library_card";
    entry.issuingCountry = "UK";
    entry.expiryDate = "2020-01-01";
    entry.givenNames = "Morag";
    entry.dateOfBirth = "2030-01-01";
    auto d = validateDocument(entry, kToday);
    REQUIRE_FALSE(d.ok());
    CHECK(codeOf(d.error(), "documentType") == "invalid_choice");
    CHECK(codeOf(d.error(), "issuingCountry") == "invalid_format");
    CHECK(codeOf(d.error(), "expiryDate") == "expired");
    CHECK(codeOf(d.error(), "familyName") == "required");
    CHECK(codeOf(d.error(), "dateOfBirth") == "in_future");
    CHECK(codeOf(d.error(), "givenNames").empty());
    for (const auto& f : d.error().fields) CHECK_FALSE(f.message.empty());
}

TEST_CASE("A national identity card number is letters and digits", "[verification][document]") {
    auto entry = passportEntry(moragCampbell());
    entry.documentType = "national_identity_card";
    entry.issuingCountry = "IRL";
    entry.number = "ab 1234567";
    entry.checkDigit.clear();
    auto d = validateDocument(entry, kToday);
    REQUIRE(d.ok());
    CHECK(d->number == "AB1234567");
    entry.number = "AB/1234567";
    d = validateDocument(entry, kToday);
    REQUIRE_FALSE(d.ok());
    CHECK(codeOf(d.error(), "documentNumber") == "invalid_format");
}
