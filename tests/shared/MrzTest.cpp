#include <catch2/catch.hpp>

#include "FieldErrorCode.h"
#include "tessera/shared/Mrz.h"

using tessera::test::fieldCode;
namespace mrz = tessera::mrz;
namespace validate = tessera::validate;

// ICAO Doc 9303 Part 4 specimen passport (Anna Maria Eriksson, Utopia), line 2:
//   L898902C36UTO7408122F1204159ZE184226B<<<<<10

TEST_CASE("MRZ characters have their ICAO values", "[mrz]") {
    CHECK(mrz::characterValue('0') == 0);
    CHECK(mrz::characterValue('9') == 9);
    CHECK(mrz::characterValue('A') == 10);
    CHECK(mrz::characterValue('Z') == 35);
    CHECK(mrz::characterValue('<') == 0);
    CHECK_FALSE(mrz::characterValue('a').has_value());
    CHECK_FALSE(mrz::characterValue(' ').has_value());
    CHECK_FALSE(mrz::characterValue('-').has_value());
}

TEST_CASE("Check digits of the ICAO specimen passport", "[mrz]") {
    CHECK(mrz::checkDigit("L898902C3") == 6);                // document number
    CHECK(mrz::checkDigit("740812") == 2);                   // date of birth
    CHECK(mrz::checkDigit("120415") == 9);                   // date of expiry
    CHECK(mrz::checkDigit("ZE184226B<<<<<") == 1);           // personal number
    CHECK(mrz::checkDigit("L898902C36" "7408122" "1204159ZE184226B<<<<<1") == 0);  // composite
    CHECK(mrz::checkDigit("D23145890") == 7);                // specimen TD1 identity card
    CHECK(mrz::checkDigit("") == 0);
    CHECK_FALSE(mrz::checkDigit("L898902c3").has_value());
    CHECK(mrz::verifyCheckDigit("L898902C3", '6'));
    CHECK_FALSE(mrz::verifyCheckDigit("L898902C3", '5'));
    CHECK_FALSE(mrz::verifyCheckDigit("L898902C3", '<'));
}

TEST_CASE("A passport number is checked against its check digit", "[mrz][passport]") {
    CHECK(validate::passportNumber("L898902C3", "6").value() == "L898902C3");
    CHECK(validate::passportNumber(" l898 902c3 ", " 6 ").value() == "L898902C3");
    CHECK(validate::passportNumber("123456789", "7").ok());
    CHECK(validate::passportNumber("AB1234", "1").ok());  // padded with < to nine characters

    CHECK(fieldCode(validate::passportNumber("L898902C3", "5")) == "check_digit_mismatch");
    CHECK(fieldCode(validate::passportNumber("L898902C4", "6")) == "check_digit_mismatch");  // one typo
    CHECK(fieldCode(validate::passportNumber("L898920C3", "6")) == "check_digit_mismatch");  // two swapped
    CHECK(fieldCode(validate::passportNumber("L898902C3", "")) == "invalid_check_digit");
    CHECK(fieldCode(validate::passportNumber("L898902C3", "66")) == "invalid_check_digit");
    CHECK(fieldCode(validate::passportNumber("L898902C3", "A")) == "invalid_check_digit");
    CHECK(fieldCode(validate::passportNumber("L898902C3X", "6")) == "invalid_format");  // ten characters
    CHECK(fieldCode(validate::passportNumber("L898-902C3", "6")) == "invalid_format");
    CHECK(fieldCode(validate::passportNumber("L898<02C3", "6")) == "invalid_format");   // filler is MRZ-only
    CHECK(fieldCode(validate::passportNumber("", "6")) == "required");
    CHECK(tessera::test::fieldName(validate::passportNumber("L898902C3", "5")) == "documentNumber");
}
