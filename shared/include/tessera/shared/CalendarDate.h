#pragma once
// Calendar dates as ISO 8601 "YYYY-MM-DD" (proleptic Gregorian, years 0001..9999), and
// the date-of-birth rule. A date carries no time zone: "today" is passed in by the caller,
// which owns the clock, so tests control it.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Result.h"

namespace tessera {

struct CalendarDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31

    auto operator<=>(const CalendarDate&) const = default;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);  // 0 for a month outside 1..12
bool isValidDate(const CalendarDate& date);

// Exactly "YYYY-MM-DD" naming a real day (2024-02-29 yes, 2023-02-29 no); else nullopt.
std::optional<CalendarDate> parseIsoDate(std::string_view text);
std::string toIsoString(const CalendarDate& date);

// The UTC calendar date of a Unix time in seconds.
CalendarDate dateFromUnixSeconds(std::int64_t seconds);

// Whole years from `birth` to `on`. Someone born on 29 February turns a year older on
// 1 March in common years, as UK law counts it.
int ageOn(const CalendarDate& birth, const CalendarDate& on);

inline constexpr int kMaxAgeYears = 130;

namespace validate {

// Error codes: required, invalid_date.
Result<CalendarDate> date(std::string_view input, std::string_view field);

// A real date, not after `today`, and no more than 130 years before it. Error codes:
// required, invalid_date, in_future, too_old.
Result<CalendarDate> dateOfBirth(std::string_view input, const CalendarDate& today,
                                 std::string_view field = tessera::field::kDateOfBirth);
// The same, with today given as "YYYY-MM-DD" or as a Unix time (UTC).
Result<CalendarDate> dateOfBirth(std::string_view input, std::string_view today,
                                 std::string_view field = tessera::field::kDateOfBirth);
Result<CalendarDate> dateOfBirth(std::string_view input, std::int64_t todayUnixSeconds,
                                 std::string_view field = tessera::field::kDateOfBirth);

}  // namespace validate
}  // namespace tessera
