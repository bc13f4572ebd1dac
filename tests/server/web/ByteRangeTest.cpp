// Range headers as a video player sends them when it seeks (RFC 9110 §14).
#include <catch2/catch.hpp>

#include "web/ByteRange.h"

using tessera::web::parseByteRange;

TEST_CASE("a player's first request for the start of a video gets that range", "[web][range]") {
    auto r = parseByteRange(std::string("bytes=0-"), 1000);
    REQUIRE(r.ok());
    REQUIRE(r->has_value());
    CHECK((*r)->first == 0);
    CHECK((*r)->last == 999);
    CHECK((*r)->length() == 1000);
}

TEST_CASE("a bounded range past the end is cut at the last byte", "[web][range]") {
    auto r = parseByteRange(std::string("bytes=900-5000"), 1000);
    REQUIRE(r.ok());
    CHECK((*r)->first == 900);
    CHECK((*r)->last == 999);
}

TEST_CASE("a suffix range gives the last bytes, or the whole file when it asks for more", "[web][range]") {
    auto tail = parseByteRange(std::string("bytes=-100"), 1000);
    REQUIRE(tail.ok());
    CHECK((*tail)->first == 900);
    CHECK((*tail)->last == 999);
    auto more = parseByteRange(std::string("bytes=-5000"), 1000);
    REQUIRE(more.ok());
    CHECK((*more)->first == 0);
}

TEST_CASE("a range starting at or past the end cannot be satisfied", "[web][range]") {
    auto r = parseByteRange(std::string("bytes=1000-"), 1000);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == "range_not_satisfiable");
    CHECK_FALSE(parseByteRange(std::string("bytes=-0"), 1000).ok());
}

TEST_CASE("ranges this server ignores give the whole file", "[web][range]") {
    for (const char* header : {"bytes=0-1,5-9", "items=0-5", "bytes=abc-", "bytes=5-2", "bytes=", "bytes=-",
                               "bytes=99999999999999999999-"}) {
        auto r = parseByteRange(std::string(header), 1000);
        INFO(header);
        REQUIRE(r.ok());
        CHECK_FALSE(r->has_value());
    }
    auto none = parseByteRange(std::nullopt, 1000);
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
}
