#include <catch2/catch.hpp>

#include "infra/Digest.h"
#include "infra/Encoding.h"

using namespace tessera::infra;

TEST_CASE("sha256 matches FIPS 180-2 vectors", "[digest]") {
    CHECK(digest::sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(digest::sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(digest::sha256("abc").size() == 32);
    CHECK(encoding::hex(digest::sha256("abc")) == digest::sha256Hex("abc"));
}

// RFC 2202 (HMAC-SHA1) and RFC 4231 (HMAC-SHA256) test case 2.
TEST_CASE("hmac matches RFC vectors", "[digest]") {
    CHECK(encoding::hex(digest::hmacSha1("Jefe", "what do ya want for nothing?")) ==
          "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    CHECK(encoding::hex(digest::hmacSha256("Jefe", "what do ya want for nothing?")) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(digest::hmacSha256("", "").size() == 32);
}

TEST_CASE("constantTimeEquals compares content and length", "[digest]") {
    CHECK(digest::constantTimeEquals("", ""));
    CHECK(digest::constantTimeEquals("secret", "secret"));
    CHECK_FALSE(digest::constantTimeEquals("secret", "secreT"));
    CHECK_FALSE(digest::constantTimeEquals("secret", "secrets"));
    CHECK_FALSE(digest::constantTimeEquals("secret", ""));
    CHECK_FALSE(digest::constantTimeEquals("", "x"));
    CHECK(digest::constantTimeEquals(std::string("a\0b", 3), std::string("a\0b", 3)));
    CHECK_FALSE(digest::constantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
}
