#include <catch2/catch.hpp>

#include "infra/CommonPasswords.h"
#include "support/Paths.h"

using tessera::infra::CommonPasswords;

TEST_CASE("shipped common password list loads and matches case-insensitively", "[passwords]") {
    auto list = CommonPasswords::load(tessera::test::resourcesDir() + "/passwords/common-passwords.txt");
    REQUIRE(list.ok());
    CHECK(list->size() >= 1000);
    CHECK(list->contains("password"));
    CHECK(list->contains("PASSWORD1"));
    CHECK(list->contains("P@ssw0rd"));
    CHECK(list->contains("qwertyuiop"));
    CHECK(list->contains("12345678"));
    CHECK(list->contains("iloveyou1"));
    CHECK_FALSE(list->contains("vq7!mango-Harbour-lattice"));
    CHECK_FALSE(list->contains(""));
    // The header comment is not an entry.
    CHECK_FALSE(list->contains("# Common and breached passwords (8+ characters), one per line, compared case-insensitively."));
}

TEST_CASE("parse skips comments, blank lines and CR", "[passwords]") {
    auto list = CommonPasswords::parse("# header\r\nAlpha123\r\n\n  \nbravo456  \n#charlie789");
    CHECK(list.size() == 2);
    CHECK(list.contains("alpha123"));
    CHECK(list.contains("BRAVO456"));
    CHECK_FALSE(list.contains("#charlie789"));
    CHECK_FALSE(list.contains("charlie789"));
}

TEST_CASE("a missing list is an error, not an empty list", "[passwords]") {
    auto list = CommonPasswords::load("/nonexistent/common-passwords.txt");
    REQUIRE_FALSE(list.ok());
    CHECK(list.error().kind == tessera::ErrorKind::Unavailable);
}
