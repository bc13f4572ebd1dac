#include <catch2/catch.hpp>

#include <string>

#include "FieldErrorCode.h"
#include "tessera/shared/Password.h"

using tessera::test::fieldCode;
namespace validate = tessera::validate;

namespace {

std::string repeat(std::string_view unit, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += unit;
    return out;
}

}  // namespace

TEST_CASE("Passwords need 8 to 128 characters and nothing else", "[password]") {
    CHECK(fieldCode(validate::password("")) == "required");
    CHECK(fieldCode(validate::password("1234567")) == "too_short");
    CHECK(validate::password("12345678").ok());
    CHECK(validate::password("password").ok());  // the common-password list is checked elsewhere
    CHECK(validate::password("alllowercaseletters").ok());  // no composition rules
    CHECK(validate::password(repeat("a", 128)).ok());
    CHECK(fieldCode(validate::password(repeat("a", 129))) == "too_long");
}

TEST_CASE("Spaces count and are not trimmed", "[password]") {
    CHECK(validate::password("correct horse battery staple").ok());
    CHECK(validate::password("   abcd ").ok());  // 8 characters including spaces
    CHECK(fieldCode(validate::password("  abcd ")) == "too_short");
}

TEST_CASE("Password length counts code points, so an emoji is one character", "[password]") {
    const std::string key = "\xF0\x9F\x94\x91";  // 🔑, four bytes
    CHECK(fieldCode(validate::password(repeat(key, 7))) == "too_short");  // 28 bytes, 7 characters
    CHECK(validate::password(repeat(key, 8)).ok());
    CHECK(validate::password(repeat(key, 128)).ok());  // 512 bytes, 128 characters
    CHECK(fieldCode(validate::password(repeat(key, 129))) == "too_long");

    const std::string eAcute = "\xC3\xA9";  // é, two bytes
    CHECK(fieldCode(validate::password(repeat(eAcute, 7))) == "too_short");  // 14 bytes
    CHECK(validate::password("p\xC3\xA2t\xC3\xA9 br\xC3\xBBl\xC3\xA9").ok());  // "pâté brûlé"
}

TEST_CASE("Passwords that are not valid UTF-8 are refused", "[password]") {
    CHECK(fieldCode(validate::password("abcdefgh\xFF")) == "invalid_encoding");
    CHECK(fieldCode(validate::password("abcdefg\xC3")) == "invalid_encoding");
    CHECK(fieldCode(validate::password("abc\xED\xA0\x80" "defgh")) == "invalid_encoding");  // surrogate
    const auto result = validate::password("\xC0\xAF\xC0\xAF\xC0\xAF\xC0\xAF", "newPassword");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().fields.at(0).field == "newPassword");
}
