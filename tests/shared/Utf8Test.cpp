#include <catch2/catch.hpp>

#include <string>

#include "tessera/shared/Utf8.h"

using namespace tessera;

TEST_CASE("Code points are counted, not bytes", "[utf8]") {
    CHECK(utf8::codePointCount("") == 0u);
    CHECK(utf8::codePointCount("abc") == 3u);
    CHECK(utf8::codePointCount("caf\xC3\xA9") == 4u);              // café
    CHECK(utf8::codePointCount("\xE6\x97\xA5\xE6\x9C\xAC") == 2u);  // 日本
    CHECK(utf8::codePointCount("\xF0\x9F\x94\x91") == 1u);          // 🔑 U+1F511
    CHECK(utf8::codePointCount(std::string("a\0b", 3)) == 3u);     // NUL is a code point
}

TEST_CASE("Malformed UTF-8 is rejected", "[utf8]") {
    const char* invalid[] = {
        "\x80",              // stray continuation byte
        "\xC3",              // truncated two-byte sequence
        "\xE6\x97",          // truncated three-byte sequence
        "\xC0\xAF",          // overlong '/'
        "\xE0\x80\xAF",      // overlong '/' in three bytes
        "\xF0\x80\x80\xAF",  // overlong '/' in four bytes
        "\xED\xA0\x80",      // UTF-16 surrogate U+D800
        "\xF4\x90\x80\x80",  // U+110000, beyond Unicode
        "\xF8\x88\x80\x80\x80",  // five-byte form
        "\xFF",
        "caf\xE9",           // Latin-1 é
        "\xC3\x28",          // lead byte followed by ASCII
    };
    for (const char* text : invalid) {
        INFO(text);
        CHECK_FALSE(utf8::isValid(text));
        CHECK_FALSE(utf8::codePointCount(text).has_value());
        CHECK_FALSE(utf8::decode(text).has_value());
    }
}

TEST_CASE("Boundary code points decode", "[utf8]") {
    CHECK(utf8::decode("\x7F") == std::u32string{U'\x7F'});
    CHECK(utf8::decode("\xC2\x80") == std::u32string{U'\x80'});
    CHECK(utf8::decode("\xEF\xBF\xBD") == std::u32string{U'\xFFFD'});
    CHECK(utf8::decode("\xF4\x8F\xBF\xBF") == std::u32string{U'\U0010FFFF'});
    CHECK(utf8::decode("\xED\x9F\xBF") == std::u32string{U'\xD7FF'});  // just below the surrogates
}

TEST_CASE("Encoding round-trips through decoding", "[utf8]") {
    const std::u32string text = U"Zo\u00EB \u0130 \u65E5\u672C \U0001F511";
    const auto encoded = utf8::encode(text);
    CHECK(utf8::decode(encoded) == text);
    CHECK(encoded == "Zo\xC3\xAB \xC4\xB0 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x94\x91");
}
