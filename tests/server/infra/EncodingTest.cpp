#include <catch2/catch.hpp>

#include "infra/Encoding.h"

using namespace tessera::infra::encoding;

TEST_CASE("hex encodes lowercase and decodes either case", "[encoding]") {
    CHECK(hex("") == "");
    CHECK(hex(std::string("\x00\x01\xab\xff", 4)) == "0001abff");
    CHECK(unhex("0001ABff") == std::string("\x00\x01\xab\xff", 4));
    CHECK(unhex("") == std::string());
    CHECK_FALSE(unhex("abc").has_value());  // odd length
    CHECK_FALSE(unhex("zz").has_value());
}

// RFC 4648 §10 test vectors.
TEST_CASE("base32 matches RFC 4648 vectors", "[encoding]") {
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},           {"f", "MY"},           {"fo", "MZXQ"},          {"foo", "MZXW6"},
        {"foob", "MZXW6YQ"}, {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"},
    };
    for (const auto& [plain, encoded] : vectors) {
        CAPTURE(plain);
        CHECK(base32(plain) == encoded);
        CHECK(unbase32(encoded) == std::string(plain));
    }
}

TEST_CASE("base32 decoding is lenient with case, spaces and padding", "[encoding]") {
    CHECK(unbase32("mzxw6ytboi") == std::string("foobar"));
    CHECK(unbase32("MZXW 6YTB OI") == std::string("foobar"));
    CHECK(unbase32("MZXW6YTBOI======") == std::string("foobar"));
    CHECK(unbase32("MY======") == std::string("f"));
    CHECK_FALSE(unbase32("MZXW6YTB1").has_value());  // '1' is not in the alphabet
    CHECK_FALSE(unbase32("M").has_value());          // impossible length
    CHECK_FALSE(unbase32("MY=A").has_value());       // data after padding
}

TEST_CASE("base64url matches RFC 4648 vectors without padding", "[encoding]") {
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},          {"f", "Zg"},          {"fo", "Zm8"},          {"foo", "Zm9v"},
        {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"},
    };
    for (const auto& [plain, encoded] : vectors) {
        CAPTURE(plain);
        CHECK(base64url(plain) == encoded);
        CHECK(unbase64url(encoded) == std::string(plain));
    }
}

TEST_CASE("base64url uses the URL-safe alphabet and decodes strictly", "[encoding]") {
    CHECK(base64url(std::string("\xfb\xff\xbf", 3)) == "-_-_");
    CHECK(unbase64url("-_-_") == std::string("\xfb\xff\xbf", 3));
    CHECK_FALSE(unbase64url("+/+/").has_value());   // standard alphabet refused
    CHECK_FALSE(unbase64url("Zg==").has_value());   // padding refused
    CHECK_FALSE(unbase64url("Z").has_value());      // impossible length
    CHECK_FALSE(unbase64url("Zh").has_value());     // non-zero trailing bits: not canonical
}

TEST_CASE("encodings round-trip every byte value", "[encoding]") {
    std::string all;
    for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
    for (std::size_t len = 0; len <= all.size(); len += 37) {
        const std::string s = all.substr(0, len);
        CHECK(unhex(hex(s)) == s);
        CHECK(unbase32(base32(s)) == s);
        CHECK(unbase64url(base64url(s)) == s);
    }
}
