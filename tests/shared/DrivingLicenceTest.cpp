#include <catch2/catch.hpp>

#include "FieldErrorCode.h"
#include "tessera/shared/DrivingLicence.h"

using tessera::CalendarDate;
using tessera::Sex;
using tessera::test::fieldCode;
namespace validate = tessera::validate;

// The DVLA's own example: Sarah Meredyth Morgan, born 11 March 1976.
constexpr const char* kMorgan = "MORGA753116SM9IJ";
constexpr CalendarDate kMorganBirth{1976, 3, 11};

TEST_CASE("Surname codes follow the DVLA rules", "[driving-licence]") {
    CHECK(tessera::drivingLicenceSurnameCode("Morgan") == "MORGA");
    CHECK(tessera::drivingLicenceSurnameCode("Fox") == "FOX99");
    CHECK(tessera::drivingLicenceSurnameCode("Ng") == "NG999");
    CHECK(tessera::drivingLicenceSurnameCode("O'Brien") == "OBRIE");
    CHECK(tessera::drivingLicenceSurnameCode("Smith-Jones") == "SMITH");
    CHECK(tessera::drivingLicenceSurnameCode("de la Cruz") == "DELAC");
    CHECK(tessera::drivingLicenceSurnameCode("MacDonald") == "MCDON");
    CHECK(tessera::drivingLicenceSurnameCode("McDonald") == "MCDON");
    CHECK(tessera::drivingLicenceSurnameCode("M\xC3\xBCller") == "MULLE");        // Müller
    CHECK(tessera::drivingLicenceSurnameCode("\xC5\x81ukaszewski") == "LUKAS");   // Łukaszewski
    CHECK(tessera::drivingLicenceSurnameCode("\xC3\x86thelred") == "AETHE");     // Æthelred
}

TEST_CASE("Driving licence numbers are checked for structure", "[driving-licence]") {
    CHECK(validate::drivingLicenceNumber(kMorgan).value() == kMorgan);
    CHECK(validate::drivingLicenceNumber(" morga 753116 sm9ij ").value() == kMorgan);
    CHECK(validate::drivingLicenceNumber("FOX99710018J99AB").ok());   // short surname, one initial
    CHECK(validate::drivingLicenceNumber("SMITH802290JA9XY").ok());   // 29 February
    CHECK(validate::drivingLicenceNumber("SMITH862312JA9XY").ok());   // 31 December, female

    const char* invalid[] = {
        "MORGA753116SM9I",    // 15 characters
        "MORGA753116SM9IJK",  // 17 characters
        "9ORGA753116SM9IJ",   // surname starts with padding
        "FO9X9710018J99AB",   // letter after padding
        "MORG1753116SM9IJ",   // digit in the surname
        "MORGAX53116SM9IJ",   // decade not a digit
        "MORGA713116SM9IJ",   // month 13
        "MORGA700116SM9IJ",   // month 00
        "MORGA750116SM9IJ",   // month 50
        "MORGA763116SM9IJ",   // month 63
        "MORGA753326SM9IJ",   // 32nd day
        "MORGA753006SM9IJ",   // day 00
        "MORGA704316SM9IJ",   // 31 April
        "MORGA702306SM9IJ",   // 30 February
        "9MORGA753116SMIJ",   // surname shifted by a leading 9
        "MORGA753116SMXIJ",   // 14th character not a digit
        "MORGA7531169M9IJ",   // no first initial
        "MORGA753116SM91J",   // check characters not letters
        "MORGA753116SM9\xC3\x89",  // non-ASCII
    };
    for (const char* number : invalid) {
        INFO(number);
        CHECK(fieldCode(validate::drivingLicenceNumber(number)) == "invalid_format");
    }
    CHECK(fieldCode(validate::drivingLicenceNumber("")) == "required");
}

TEST_CASE("A driving licence number is cross-checked with surname, birth date and sex", "[driving-licence]") {
    CHECK(validate::drivingLicenceMatches(kMorgan, "Morgan", kMorganBirth).ok());
    CHECK(validate::drivingLicenceMatches(kMorgan, "MORGAN", kMorganBirth, Sex::Female).ok());
    CHECK(validate::drivingLicenceMatches(kMorgan, "Morgan", kMorganBirth, Sex::Unspecified).ok());
    CHECK(validate::drivingLicenceMatches("MORGA703116SM9IJ", "Morgan", kMorganBirth, Sex::Male).ok());
    CHECK(validate::drivingLicenceMatches("MCDON802290JA9XY", "MacDonald", {1980, 2, 29}).ok());
    CHECK(validate::drivingLicenceMatches("FOX99710018J99AB", "Fox", {1978, 10, 1}).ok());

    CHECK(fieldCode(validate::drivingLicenceMatches(kMorgan, "Morgana", kMorganBirth)) == "ok");  // 5 letters only
    CHECK(fieldCode(validate::drivingLicenceMatches(kMorgan, "Morton", kMorganBirth)) == "surname_mismatch");
    CHECK(fieldCode(validate::drivingLicenceMatches(kMorgan, "Morgan", {1976, 3, 12})) == "date_of_birth_mismatch");
    CHECK(fieldCode(validate::drivingLicenceMatches(kMorgan, "Morgan", {1976, 4, 11})) == "date_of_birth_mismatch");
    CHECK(fieldCode(validate::drivingLicenceMatches(kMorgan, "Morgan", {1977, 3, 11})) == "date_of_birth_mismatch");
    CHECK(fieldCode(validate::drivingLicenceMatches(kMorgan, "Morgan", {1986, 3, 11})) == "date_of_birth_mismatch");
    CHECK(validate::drivingLicenceMatches(kMorgan, "Morgan", {2076, 3, 11}).ok());  // century is not encoded
    CHECK(fieldCode(validate::drivingLicenceMatches(kMorgan, "Morgan", kMorganBirth, Sex::Male)) == "sex_mismatch");
    CHECK(fieldCode(validate::drivingLicenceMatches("MORGA703116SM9IJ", "Morgan", kMorganBirth, Sex::Female)) ==
          "sex_mismatch");
    CHECK(fieldCode(validate::drivingLicenceMatches("MORGA75311", "Morgan", kMorganBirth)) == "invalid_format");
    CHECK(tessera::test::fieldName(validate::drivingLicenceMatches(kMorgan, "Morton", kMorganBirth)) ==
          "documentNumber");
}
