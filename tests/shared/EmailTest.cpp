#include <catch2/catch.hpp>

#include <string>

#include "FieldErrorCode.h"
#include "tessera/shared/Email.h"

using tessera::test::fieldCode;
namespace validate = tessera::validate;

TEST_CASE("Valid email addresses are accepted and normalised", "[email]") {
    CHECK(validate::email("name@example.com").value() == "name@example.com");
    CHECK(validate::email("  Jo.Bloggs@Example.GOV.UK \t").value() == "Jo.Bloggs@example.gov.uk");
    CHECK(validate::email("first.last+tag@sub-domain.example.co.uk").value() ==
          "first.last+tag@sub-domain.example.co.uk");
    CHECK(validate::email("o'connor@example.ie").ok());
    CHECK(validate::email("x@a.io").ok());
    CHECK(validate::email("user_name-1!#$%&*/=?^`{|}~@example.com").ok());
    CHECK(validate::email("a@xn--bcher-kva.example").ok());  // IDN in its ASCII form
    CHECK(validate::email("a@123.example").ok());            // numeric labels are fine below the top
}

TEST_CASE("Malformed email addresses are refused", "[email]") {
    const char* malformed[] = {
        "plainaddress", "@example.com", "name@", "name@@example.com", "a@b@example.com",
        "name@localhost",          // no dot in the domain
        ".name@example.com", "name.@example.com", "na..me@example.com",
        "name@-example.com", "name@example-.com", "name@example..com", "name@.example.com",
        "name@example.com.", "name@exa_mple.com", "name@1.2.3.4", "name@[192.0.2.1]",
        "\"quoted\"@example.com", "name(comment)@example.com", "name@example.c0m-",
    };
    for (const char* address : malformed) {
        INFO(address);
        CHECK(fieldCode(validate::email(address)) == "invalid_format");
    }
}

TEST_CASE("Whitespace, control and non-ASCII characters inside an address are refused", "[email]") {
    CHECK(fieldCode(validate::email("na me@example.com")) == "invalid_characters");
    CHECK(fieldCode(validate::email("name@exa\tmple.com")) == "invalid_characters");
    CHECK(fieldCode(validate::email(std::string("name\0@example.com", 17))) == "invalid_characters");
    CHECK(fieldCode(validate::email("name\x7F@example.com")) == "invalid_characters");
    CHECK(fieldCode(validate::email("j\xC3\xB6rg@example.com")) == "invalid_characters");
}

TEST_CASE("Email length limits", "[email]") {
    CHECK(fieldCode(validate::email("")) == "required");
    CHECK(fieldCode(validate::email("   ")) == "required");

    const std::string local64(64, 'a');
    CHECK(validate::email(local64 + "@example.com").ok());
    CHECK(fieldCode(validate::email(local64 + "a@example.com")) == "too_long");

    const std::string label63(63, 'b');
    CHECK(validate::email("a@" + label63 + ".com").ok());
    CHECK(fieldCode(validate::email("a@" + label63 + "b.com")) == "invalid_format");

    // 254 octets in all is the limit: 64 + 1 + 189.
    std::string domain = std::string(63, 'c') + "." + std::string(63, 'd') + "." + std::string(57, 'e') + ".com";
    REQUIRE(domain.size() == 189);
    CHECK(validate::email(local64 + "@" + domain).ok());
    CHECK(fieldCode(validate::email(local64 + "@f" + domain)) == "too_long");
}

TEST_CASE("Email errors name the caller's field", "[email]") {
    const auto result = validate::email("nope", "contactEmail");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().code == "validation_failed");
    CHECK(result.error().fields.at(0).field == "contactEmail");
    CHECK(tessera::test::fieldName(validate::email("nope")) == "email");
}
