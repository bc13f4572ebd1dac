// The PKCE pair the workstation sends (RFC 7636): what the server checks, and that no two
// sign-ins share a verifier.
#include <catch2/catch.hpp>

#include <QSet>

#include "signin/PkcePair.h"
#include "signin/RandomText.h"

using namespace tessera::reviewer;

namespace {

bool base64UrlOnly(const QByteArray& text) {
    for (char c : text)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

}  // namespace

TEST_CASE("a PKCE verifier is 43 base64url characters from 32 random bytes", "[signin][pkce]") {
    const auto pair = makePkcePair();
    REQUIRE(pair);
    CHECK(pair->verifier.size() == 43);  // RFC 7636 §4.1: 43 to 128 unreserved characters
    CHECK(base64UrlOnly(pair->verifier));
    CHECK(QByteArray::fromBase64(pair->verifier, QByteArray::Base64UrlEncoding).size() == 32);
}

TEST_CASE("the challenge is the unpadded base64url SHA-256 of the verifier (S256)", "[signin][pkce]") {
    // Worked out independently: base64url(hashlib.sha256(verifier)) in Python, padding removed.
    CHECK(pkceChallengeOf("dBjftJeZ4CVP-mJ92K9q0Tq4TrTRZhEgWEbqnvyt0kM") == "c2h0z6v-Yaw-AP1noLXSZLApkFQeaCjECUZGpMLVSIc");
    const auto pair = makePkcePair();
    REQUIRE(pair);
    CHECK(pair->challenge == pkceChallengeOf(pair->verifier));
    CHECK(pair->challenge.size() == 43);
    CHECK(base64UrlOnly(pair->challenge));
    CHECK(pair->challenge != pair->verifier);
}

TEST_CASE("every sign-in gets a verifier of its own", "[signin][pkce]") {
    QSet<QByteArray> seen;
    for (int i = 0; i < 200; ++i) {
        const auto pair = makePkcePair();
        REQUIRE(pair);
        seen.insert(pair->verifier);
    }
    CHECK(seen.size() == 200);
}

TEST_CASE("state and nonce text is base64url of the bytes asked for", "[signin][pkce]") {
    const auto text = randomBase64Url(32);
    REQUIRE(text);
    CHECK(text->size() == 43);
    CHECK(base64UrlOnly(*text));
    CHECK(randomBase64Url(32) != text);
    CHECK_FALSE(randomBase64Url(0));
}
