// base64url (RFC 4648 §5 vectors, no padding), PKCE's S256 (RFC 7636 appendix B) and random tokens.
#include <catch2/catch.hpp>

#include <set>

#include "Encoding.h"

using namespace tessera::demo;

TEST_CASE("base64url encodes and decodes without padding, and refuses anything else", "[examples][encoding]") {
    CHECK(base64UrlEncode("") == "");
    CHECK(base64UrlEncode("f") == "Zg");
    CHECK(base64UrlEncode("fo") == "Zm8");
    CHECK(base64UrlEncode("foo") == "Zm9v");
    CHECK(base64UrlEncode("foob") == "Zm9vYg");
    CHECK(base64UrlEncode("\xfb\xff") == "-_8");
    CHECK(base64UrlDecode("Zm9vYg") == std::optional<std::string>("foob"));
    CHECK(base64UrlDecode("-_8") == std::optional<std::string>("\xfb\xff"));
    CHECK_FALSE(base64UrlDecode("Zm9vYg=="));  // padding
    CHECK_FALSE(base64UrlDecode("Zm9v+g"));    // base64, not base64url
    CHECK_FALSE(base64UrlDecode("Z"));         // no whole byte
    CHECK_FALSE(base64UrlDecode("Zh"));        // stray bits in the last character
}

TEST_CASE("The PKCE S256 challenge is RFC 7636's", "[examples][encoding]") {
    CHECK(base64UrlEncode(sha256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST_CASE("Random tokens are 256-bit, base64url and never repeat", "[examples][encoding]") {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const auto token = randomToken();
        CHECK(token.size() == 43);
        CHECK(base64UrlDecode(token));
        CHECK(seen.insert(token).second);
    }
    CHECK(constantTimeEquals("abc", "abc"));
    CHECK_FALSE(constantTimeEquals("abc", "abd"));
    CHECK_FALSE(constantTimeEquals("abc", "abcd"));
}
