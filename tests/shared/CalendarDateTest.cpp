#include <catch2/catch.hpp>

#include "FieldErrorCode.h"
#include "tessera/shared/CalendarDate.h"

using tessera::CalendarDate;
using tessera::test::fieldCode;
namespace validate = tessera::validate;

TEST_CASE("Leap years follow the Gregorian rule", "[date]") {
    CHECK(tessera::isLeapYear(2024));
    CHECK(tessera::isLeapYear(2000));   // divisible by 400
    CHECK_FALSE(tessera::isLeapYear(1900));  // divisible by 100 only
    CHECK_FALSE(tessera::isLeapYear(2023));
    CHECK(tessera::daysInMonth(2024, 2) == 29);
    CHECK(tessera::daysInMonth(2023, 2) == 28);
    CHECK(tessera::daysInMonth(2023, 4) == 30);
    CHECK(tessera::daysInMonth(2023, 12) == 31);
    CHECK(tessera::daysInMonth(2023, 13) == 0);
}

TEST_CASE("ISO dates parse only when they name a real day", "[date]") {
    CHECK(tessera::parseIsoDate("2024-02-29") == CalendarDate{2024, 2, 29});
    CHECK(tessera::parseIsoDate("2000-02-29") == CalendarDate{2000, 2, 29});
    CHECK(tessera::parseIsoDate("1987-12-31") == CalendarDate{1987, 12, 31});
    CHECK(tessera::parseIsoDate("0001-01-01") == CalendarDate{1, 1, 1});
    const char* invalid[] = {"2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01",
                             "2024-00-10", "2024-01-00", "0000-01-01", "24-01-01",   "2024-1-01",
                             "2024-01-1",  "2024/01/01", "20240101",   "2024-01-01T00:00:00Z",
                             "2024-01-01 ", "+202-01-01", "2024-0a-01", ""};
    for (const char* text : invalid) {
        INFO(text);
        CHECK_FALSE(tessera::parseIsoDate(text).has_value());
    }
}

TEST_CASE("Dates format back to ISO", "[date]") {
    CHECK(tessera::toIsoString({2024, 2, 9}) == "2024-02-09");
    CHECK(tessera::toIsoString({5, 11, 30}) == "0005-11-30");
}

TEST_CASE("Unix times convert to UTC calendar dates", "[date]") {
    CHECK(tessera::dateFromUnixSeconds(0) == CalendarDate{1970, 1, 1});
    CHECK(tessera::dateFromUnixSeconds(951782400) == CalendarDate{2000, 2, 29});  // 2000-02-29T00:00:00Z
    CHECK(tessera::dateFromUnixSeconds(1709251199) == CalendarDate{2024, 2, 29}); // 2024-02-29T23:59:59Z
    CHECK(tessera::dateFromUnixSeconds(1709251200) == CalendarDate{2024, 3, 1});
    CHECK(tessera::dateFromUnixSeconds(-1) == CalendarDate{1969, 12, 31});
}

TEST_CASE("Age counts whole years, with leap-day birthdays on 1 March", "[date]") {
    CHECK(tessera::ageOn({1990, 6, 15}, {2024, 6, 14}) == 33);
    CHECK(tessera::ageOn({1990, 6, 15}, {2024, 6, 15}) == 34);
    CHECK(tessera::ageOn({2004, 2, 29}, {2023, 2, 28}) == 18);
    CHECK(tessera::ageOn({2004, 2, 29}, {2023, 3, 1}) == 19);
    CHECK(tessera::ageOn({2004, 2, 29}, {2024, 2, 29}) == 20);
}

TEST_CASE("Any date field", "[date]") {
    CHECK(validate::date(" 2024-02-29 ", "expiryDate").value() == CalendarDate{2024, 2, 29});
    CHECK(fieldCode(validate::date("", "expiryDate")) == "required");
    CHECK(fieldCode(validate::date("29/02/2024", "expiryDate")) == "invalid_date");
    CHECK(tessera::test::fieldName(validate::date("x", "expiryDate")) == "expiryDate");
}

TEST_CASE("A date of birth is not in the future and at most 130 years ago", "[date]") {
    const CalendarDate today{2024, 3, 15};
    CHECK(validate::dateOfBirth("1987-03-27", today).value() == CalendarDate{1987, 3, 27});
    CHECK(validate::dateOfBirth("2024-03-15", today).ok());  // born today
    CHECK(fieldCode(validate::dateOfBirth("2024-03-16", today)) == "in_future");
    CHECK(fieldCode(validate::dateOfBirth("2099-01-01", today)) == "in_future");
    CHECK(validate::dateOfBirth("1894-03-15", today).ok());  // exactly 130
    CHECK(validate::dateOfBirth("1893-03-16", today).ok());  // 130, a day short of 131
    CHECK(fieldCode(validate::dateOfBirth("1893-03-15", today)) == "too_old");
    CHECK(fieldCode(validate::dateOfBirth("1066-10-14", today)) == "too_old");
    CHECK(fieldCode(validate::dateOfBirth("2023-02-29", today)) == "invalid_date");
    CHECK(fieldCode(validate::dateOfBirth("", today)) == "required");
    CHECK(tessera::test::fieldName(validate::dateOfBirth("x", today)) == "dateOfBirth");
}

TEST_CASE("Today may be given as a string or a Unix time", "[date]") {
    CHECK(validate::dateOfBirth("2000-02-29", "2024-02-29").ok());
    CHECK(fieldCode(validate::dateOfBirth("2024-03-01", "2024-02-29")) == "in_future");
    CHECK(fieldCode(validate::dateOfBirth("2024-03-01", std::int64_t{1709251199})) == "in_future");
    CHECK(validate::dateOfBirth("2024-03-01", std::int64_t{1709251200}).ok());
    const auto badToday = validate::dateOfBirth("2000-01-01", "not a date");
    REQUIRE_FALSE(badToday.ok());
    CHECK(badToday.error().kind == tessera::ErrorKind::Internal);
}
