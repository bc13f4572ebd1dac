#include <catch2/catch.hpp>

#include "infra/registers/CsvReader.h"

using tessera::infra::CsvReader;
using Fields = std::vector<std::string>;

namespace {

std::vector<Fields> readAll(std::string_view text) {
    CsvReader reader(text);
    std::vector<Fields> rows;
    Fields fields;
    while (true) {
        auto more = reader.next(fields);
        REQUIRE(more.ok());
        if (!*more) break;
        rows.push_back(fields);
    }
    return rows;
}

}  // namespace

TEST_CASE("CSV: plain fields, LF and CRLF, blank lines and a byte order mark", "[registers][csv]") {
    const auto rows = readAll("\xEF\xBB\xBF" "a,b,c\r\n1,,3\n\n\r\nx,y,z");
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == Fields{"a", "b", "c"});
    CHECK(rows[1] == Fields{"1", "", "3"});
    CHECK(rows[2] == Fields{"x", "y", "z"});
}

TEST_CASE("CSV: quoted fields hold commas, doubled quotes and line breaks", "[registers][csv]") {
    const auto rows = readAll("\"Flat 1, 12 Rose Street\",\"say \"\"hi\"\"\",\"two\nlines\",\"\"\nlast,\"\",x\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == Fields{"Flat 1, 12 Rose Street", "say \"hi\"", "two\nlines", ""});
    CHECK(rows[1] == Fields{"last", "", "x"});
}

TEST_CASE("CSV: the line of each record counts the line breaks inside quotes", "[registers][csv]") {
    CsvReader reader("h\n\"a\nb\"\n\nc\n");
    Fields f;
    REQUIRE(*reader.next(f));
    CHECK(reader.line() == 1);
    REQUIRE(*reader.next(f));
    CHECK(reader.line() == 2);
    REQUIRE(*reader.next(f));
    CHECK(reader.line() == 5);
    CHECK_FALSE(*reader.next(f));
}

TEST_CASE("CSV: malformed quoting is an error naming the line", "[registers][csv]") {
    for (std::string_view bad : {"a\n\"open,b\n", "a\nx\"y,b\n", "a\n\"q\"x,b\n"}) {
        CsvReader reader(bad);
        Fields f;
        REQUIRE(*reader.next(f));
        auto second = reader.next(f);
        REQUIRE_FALSE(second.ok());
        CHECK(second.error().code == "csv_malformed");
        CHECK_THAT(second.error().message, Catch::Contains("line 2"));
    }
}
