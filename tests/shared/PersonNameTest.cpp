#include <catch2/catch.hpp>

#include <string>

#include "FieldErrorCode.h"
#include "tessera/shared/PersonName.h"

using tessera::test::fieldCode;
namespace validate = tessera::validate;

TEST_CASE("Names in many scripts are accepted", "[name]") {
    const char* names[] = {
        "Sarah Morgan",
        "Se\xC3\xA1n \xC3\x93 Bri\xC3\xA1in",                    // Seán Ó Briáin
        "O'Connor", "O\xE2\x80\x99" "Connor",                    // ' and ’
        "Anne-Marie Smith-Jones",
        "J. R. R. Tolkien",
        "Zo\xC3\xAB Ch\xC3\xA2teau",                             // Zoë Château
        "\xC5\x81ukasz \xC5\xBB\xC3\xB3\xC5\x82w",               // Łukasz Żółw
        "Nguy\xE1\xBB\x85n V\xC4\x83n An",                       // Nguyễn Văn An
        "\xD0\x90\xD0\xBD\xD0\xBD\xD0\xB0",                      // Анна
        "\xCE\x9D\xCE\xAF\xCE\xBA\xCE\xBF\xCF\x82",              // Νίκος
        "\xD7\x93\xD7\x95\xD7\x93",                              // דוד
        "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF",                      // محمد
        "\xE0\xA4\xB0\xE0\xA4\xBE\xE0\xA4\x9C\xE0\xA5\x87\xE0\xA4\xB6",  // राजेश (with vowel signs)
        "\xE4\xBD\x90\xE3\x80\x85\xE6\x9C\xA8",                  // 佐々木
        // マイク・スミス, a foreign name in katakana with its middle dot
        "\xE3\x83\x9E\xE3\x82\xA4\xE3\x82\xAF\xE3\x83\xBB"
        "\xE3\x82\xB9\xE3\x83\x9F\xE3\x82\xB9",
        "\xEA\xB9\x80\xEB\xAF\xBC\xEC\xA4\x80",                  // 김민준
        "Gal\xC2\xB7la",                                         // Gal·la (Catalan)
        "Ka\xCA\xBB" "iulani",                                   // Kaʻiulani (ʻokina)
        "Jose\xCC\x81",                                          // José with a combining accent
    };
    for (const char* name : names) {
        INFO(name);
        const auto result = validate::personName(name);
        CHECK(result.ok());
        if (result.ok()) CHECK(result.value() == name);
    }
}

TEST_CASE("Names are trimmed and inner whitespace collapsed", "[name]") {
    CHECK(validate::personName("  Sarah   Meredyth  Morgan ").value() == "Sarah Meredyth Morgan");
    CHECK(validate::personName("Sarah\xC2\xA0Morgan").value() == "Sarah Morgan");   // no-break space
    CHECK(validate::personName("\xE3\x80\x80\xE4\xBD\x90\xE8\x97\xA4\xE3\x80\x80").value() ==
          "\xE4\xBD\x90\xE8\x97\xA4");                                              // ideographic spaces
    CHECK(validate::personName("Sarah Morgan\n").value() == "Sarah Morgan");       // pasted with a newline
}

TEST_CASE("Names with digits, symbols or control characters are refused", "[name]") {
    const char* bad[] = {
        "R2D2", "Sarah <script>", "Sarah@Morgan", "Sarah_Morgan", "Sarah, Morgan", "Sarah!",
        "Sarah\tMorgan", "Sarah\nMorgan", "Sarah\x7FMorgan",
        "Sarah \xF0\x9F\x98\x80",               // 😀
        "Sarah\xE2\x80\xAE" "nagroM",            // right-to-left override
        "Sarah\xE2\x80\x8B" "Morgan",            // zero-width space
        "\xD9\xA1\xD9\xA2\xD9\xA3",              // Arabic-Indic digits ١٢٣
        "\xE0\xA5\xA7\xE0\xA5\xA8",              // Devanagari digits १२
        "Sarah \xE2\x84\xA2",                    // ™
        "-", "'.", "\xE2\x80\x8D",               // separators or a joiner with no letter
    };
    for (const char* name : bad) {
        INFO(name);
        CHECK(fieldCode(validate::personName(name)) == "invalid_characters");
    }
}

TEST_CASE("Names must be 1 to 100 characters after trimming", "[name]") {
    CHECK(fieldCode(validate::personName("")) == "required");
    CHECK(fieldCode(validate::personName(" \t ")) == "required");
    CHECK(validate::personName("A").ok());
    CHECK(validate::personName(std::string(100, 'a')).ok());
    CHECK(validate::personName("   " + std::string(100, 'a') + "   ").ok());
    CHECK(fieldCode(validate::personName(std::string(101, 'a'))) == "too_long");

    std::string hundredAccented;
    for (int i = 0; i < 100; ++i) hundredAccented += "\xC3\xA9";  // 200 bytes, 100 characters
    CHECK(validate::personName(hundredAccented).ok());
}

TEST_CASE("Names that are not valid UTF-8 are refused", "[name]") {
    CHECK(fieldCode(validate::personName("Jos\xE9")) == "invalid_encoding");  // Latin-1 é
    const auto result = validate::personName("\xC3", "preferredName");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().fields.at(0).field == "preferredName");
}
