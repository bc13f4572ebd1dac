#include <catch2/catch.hpp>

#include "infra/SecretBox.h"

using tessera::infra::SecretBox;

TEST_CASE("SecretBox round-trips with and without associated data", "[secretbox]") {
    auto box = SecretBox::create(SecretBox::generateKey());
    REQUIRE(box.ok());
    const std::string secret("totp \x00 secret bytes", 19);

    const std::string sealed = box->seal(secret);
    CHECK(sealed.size() == SecretBox::kNonceBytes + secret.size() + SecretBox::kTagBytes);
    CHECK(sealed.find("secret bytes") == std::string::npos);
    auto opened = box->open(sealed);
    REQUIRE(opened.ok());
    CHECK(*opened == secret);

    const std::string bound = box->seal(secret, "user:42");
    auto reopened = box->open(bound, "user:42");
    REQUIRE(reopened.ok());
    CHECK(*reopened == secret);

    auto empty = box->open(box->seal(""));
    REQUIRE(empty.ok());
    CHECK(empty->empty());
}

TEST_CASE("SecretBox uses a fresh nonce every time", "[secretbox]") {
    auto box = SecretBox::create(SecretBox::generateKey());
    REQUIRE(box.ok());
    CHECK(box->seal("same") != box->seal("same"));
}

TEST_CASE("SecretBox detects tampering, wrong keys and wrong context", "[secretbox]") {
    auto box = SecretBox::create(SecretBox::generateKey());
    REQUIRE(box.ok());
    const std::string sealed = box->seal("a sensitive field", "row-1");

    for (std::size_t i : {std::size_t{0}, SecretBox::kNonceBytes + 2, sealed.size() - 1}) {
        std::string tampered = sealed;
        tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
        auto r = box->open(tampered, "row-1");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "secretbox_open_failed");
    }
    CHECK_FALSE(box->open(sealed, "row-2").ok());
    CHECK_FALSE(box->open(sealed).ok());
    CHECK_FALSE(box->open(sealed.substr(0, sealed.size() - 1), "row-1").ok());
    CHECK_FALSE(box->open("", "row-1").ok());
    CHECK_FALSE(box->open(std::string(27, 'x')).ok());

    auto other = SecretBox::create(SecretBox::generateKey());
    REQUIRE(other.ok());
    CHECK_FALSE(other->open(sealed, "row-1").ok());
}

TEST_CASE("SecretBox refuses keys that are not 32 bytes", "[secretbox]") {
    CHECK_FALSE(SecretBox::create("").ok());
    CHECK_FALSE(SecretBox::create(std::string(31, 'k')).ok());
    CHECK_FALSE(SecretBox::create(std::string(33, 'k')).ok());
    CHECK(SecretBox::create(std::string(32, 'k')).ok());
}
