#include <catch2/catch.hpp>

#include "FieldErrorCode.h"
#include "tessera/shared/Phone.h"

using tessera::test::fieldCode;
namespace validate = tessera::validate;

TEST_CASE("UK national numbers become E.164", "[phone]") {
    CHECK(validate::phone("07700 900123").value() == "+447700900123");    // mobile
    CHECK(validate::phone("020 7946 0018").value() == "+442079460018");   // London
    CHECK(validate::phone("(0161) 496-0000").value() == "+441614960000"); // Manchester
    CHECK(validate::phone("0808 157 0192").value() == "+448081570192");   // freephone
    CHECK(validate::phone("016977 3456").value() == "+44169773456");      // 9-digit area number
    CHECK(validate::phone(" 07700.900.123 ").value() == "+447700900123");
}

TEST_CASE("International numbers are kept in E.164", "[phone]") {
    CHECK(validate::phone("+44 7700 900123").value() == "+447700900123");
    CHECK(validate::phone("+44 (0)20 7946 0018").value() == "+442079460018");  // trunk 0 dropped
    CHECK(validate::phone("0044 20 7946 0018").value() == "+442079460018");   // 00 for +
    CHECK(validate::phone("+33 1 23 45 67 89").value() == "+33123456789");
    CHECK(validate::phone("+1 (202) 555-0143").value() == "+12025550143");
    CHECK(validate::phone("+353 1 234 5678").value() == "+35312345678");
    CHECK(validate::phone("+123456789012345").value() == "+123456789012345");  // 15 digits
}

TEST_CASE("Numbers outside E.164 or the UK plan are refused", "[phone]") {
    const char* invalid[] = {
        "7700 900123",        // neither + nor a leading 0
        "0770090012",         // a UK mobile one digit short
        "077009001234",       // one digit too many
        "+1234567890123456",  // 16 digits
        "+0 123 456 789",     // country codes do not start with 0
        "+44 7700 90012345",  // too long for the UK plan
        "+44 770090",         // too short for the UK plan
        "+44 770 090 012",    // 9 digits are only used by some 01 and 08 numbers
        "+", "+12345",
        "07700 900123 ext 4", "07700+900123", "07700_900123", "phone",
    };
    for (const char* number : invalid) {
        INFO(number);
        CHECK(fieldCode(validate::phone(number)) == "invalid_format");
    }
    CHECK(fieldCode(validate::phone("")) == "required");
    CHECK(tessera::test::fieldName(validate::phone("x")) == "phone");
}
