#include <catch2/catch.hpp>

#include "FieldErrorCode.h"
#include "tessera/shared/Postcode.h"

using tessera::test::fieldCode;
namespace validate = tessera::validate;

TEST_CASE("Real UK postcodes in every format are accepted", "[postcode]") {
    const char* postcodes[] = {
        "M1 1AE",    // A9 9AA
        "B33 8TH",   // A99 9AA
        "W1A 0AX",   // A9A 9AA
        "CR2 6XH",   // AA9 9AA
        "DN55 1PT",  // AA99 9AA
        "EC1A 1BB",  // AA9A 9AA
        "SW1A 1AA", "EH99 1SP", "CF10 1EP", "BT1 5GS", "N1C 4AG", "WC2N 5DU",
        "GIR 0AA",   // the Girobank exception
    };
    for (const char* postcode : postcodes) {
        INFO(postcode);
        CHECK(validate::ukPostcode(postcode).value() == postcode);
    }
}

TEST_CASE("Postcodes are upper-cased with one space before the inward code", "[postcode]") {
    CHECK(validate::ukPostcode("sw1a1aa").value() == "SW1A 1AA");
    CHECK(validate::ukPostcode("  sw1a   1aa ").value() == "SW1A 1AA");
    CHECK(validate::ukPostcode("Ec1A 1bB").value() == "EC1A 1BB");
    CHECK(validate::ukPostcode("m11ae").value() == "M1 1AE");
    CHECK(validate::ukPostcode("gir0aa").value() == "GIR 0AA");
}

TEST_CASE("Postcodes outside the standard formats are refused", "[postcode]") {
    const char* invalid[] = {
        "SW1A", "1AA", "SW1A 1A", "SW1A 1AAA", "SW1AA 1AA", "12345", "SW1A-1AA", "SW1A 1A1",
        "QA1 1AA",   // Q never starts a postcode
        "VA1 1AA", "XA1 1AA",
        "AI1 1AA",   // I, J, Z never come second
        "AZ1 1AA",
        "W1Z 1AA",   // Z is not allowed third in A9A
        "EC1Z 1AA",  // Z is not allowed fourth in AA9A
        "SW1A 1CA",  // C, I, K, M, O, V never appear in the inward code
        "SW1A 1AV",
        "GIR 0AB", "GIR0A",
        "\xC5\x9AW1A 1AA",  // non-ASCII letter
    };
    for (const char* postcode : invalid) {
        INFO(postcode);
        CHECK(fieldCode(validate::ukPostcode(postcode)) == "invalid_format");
    }
}

TEST_CASE("An empty postcode is missing, reported on the caller's field", "[postcode]") {
    CHECK(fieldCode(validate::ukPostcode("")) == "required");
    CHECK(fieldCode(validate::ukPostcode("   ")) == "required");
    CHECK(tessera::test::fieldName(validate::ukPostcode("x")) == "postcode");
    CHECK(tessera::test::fieldName(validate::ukPostcode("x", "address.postcode")) == "address.postcode");
}
