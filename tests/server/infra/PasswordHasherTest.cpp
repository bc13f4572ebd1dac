#include <catch2/catch.hpp>

#include "infra/PasswordHasher.h"

using tessera::infra::PasswordHasher;
using tessera::infra::PasswordHashParams;

TEST_CASE("argon2id hash verifies the right password only", "[password]") {
    PasswordHasher hasher;
    const std::string encoded = hasher.hash("correct horse battery staple");
    CHECK(encoded.rfind("$argon2id$v=19$", 0) == 0);
    CHECK(encoded.find("$m=19456,t=2,p=1$") != std::string::npos);
    CHECK(hasher.verify(encoded, "correct horse battery staple"));
    CHECK_FALSE(hasher.verify(encoded, "correct horse battery stapl"));
    CHECK_FALSE(hasher.verify(encoded, ""));
    CHECK_FALSE(hasher.needsRehash(encoded));
}

TEST_CASE("each hash has its own salt", "[password]") {
    PasswordHasher hasher;
    CHECK(hasher.hash("same password") != hasher.hash("same password"));
}

TEST_CASE("hashes made with other parameters verify and ask for a rehash", "[password]") {
    PasswordHasher weak(PasswordHashParams{4096, 1, 1});
    const std::string old = weak.hash("hunter2hunter2");
    CHECK(old.find("$m=4096,t=1,p=1$") != std::string::npos);

    PasswordHasher current;
    CHECK(current.verify(old, "hunter2hunter2"));
    CHECK_FALSE(current.verify(old, "hunter3hunter3"));
    CHECK(current.needsRehash(old));
    CHECK_FALSE(weak.needsRehash(old));
}

TEST_CASE("malformed or foreign hashes never verify", "[password]") {
    PasswordHasher hasher;
    CHECK_FALSE(hasher.verify("", "x"));
    CHECK_FALSE(hasher.verify("not a hash", "x"));
    CHECK_FALSE(hasher.verify("$argon2id$v=19$m=19456,t=2,p=1$", "x"));
    CHECK_FALSE(hasher.verify("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA", "x"));
    // Absurd memory cost is refused before libargon2 tries to allocate it.
    CHECK_FALSE(hasher.verify("$argon2id$v=19$m=4000000000,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo", "x"));
    CHECK(hasher.needsRehash("not a hash"));
    CHECK(hasher.needsRehash("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA"));
    CHECK(hasher.needsRehash("$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA"));
}
