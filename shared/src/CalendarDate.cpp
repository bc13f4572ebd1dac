#include "tessera/shared/CalendarDate.h"

#include <chrono>

#include "TextHelpers.h"

namespace tessera {
namespace {

// Reads exactly `width` ASCII digits; nullopt on anything else.
std::optional<int> readDigits(std::string_view text, std::size_t width) {
    if (text.size() != width) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (!detail::isAsciiDigit(c)) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

void appendPadded(std::string& out, int value, int width) {
    std::string digits = std::to_string(value);
    if (static_cast<int>(digits.size()) < width) out.append(static_cast<std::size_t>(width) - digits.size(), '0');
    out += digits;
}

}  // namespace

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
    switch (month) {
        case 1: case 3: case 5: case 7: case 8: case 10: case 12: return 31;
        case 4: case 6: case 9: case 11: return 30;
        case 2: return isLeapYear(year) ? 29 : 28;
        default: return 0;
    }
}

bool isValidDate(const CalendarDate& d) {
    return d.year >= 1 && d.year <= 9999 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

std::optional<CalendarDate> parseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto year = readDigits(text.substr(0, 4), 4);
    const auto month = readDigits(text.substr(5, 2), 2);
    const auto day = readDigits(text.substr(8, 2), 2);
    if (!year || !month || !day) return std::nullopt;
    const CalendarDate date{*year, *month, *day};
    if (!isValidDate(date)) return std::nullopt;
    return date;
}

std::string toIsoString(const CalendarDate& date) {
    std::string out;
    appendPadded(out, date.year, 4);
    out += '-';
    appendPadded(out, date.month, 2);
    out += '-';
    appendPadded(out, date.day, 2);
    return out;
}

CalendarDate dateFromUnixSeconds(std::int64_t seconds) {
    using namespace std::chrono;
    const auto day = floor<days>(sys_seconds{std::chrono::seconds{seconds}});
    const year_month_day ymd{day};
    return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int ageOn(const CalendarDate& birth, const CalendarDate& on) {
    int age = on.year - birth.year;
    // Not yet had this year's birthday. For a 29 February birthday in a common year,
    // 28 February is still before it, so the birthday falls on 1 March.
    if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
    return age;
}

namespace validate {

Result<CalendarDate> date(std::string_view input, std::string_view field) {
    const auto text = detail::trimAscii(input);
    if (text.empty()) return detail::fieldError(field, "required", "Enter a date");
    const auto parsed = parseIsoDate(text);
    if (!parsed)
        return detail::fieldError(field, "invalid_date", "Enter a real date in the format YYYY-MM-DD, like 1987-03-27");
    return *parsed;
}

Result<CalendarDate> dateOfBirth(std::string_view input, const CalendarDate& today, std::string_view field) {
    auto birth = date(input, field);
    if (!birth) return birth;
    if (*birth > today) return detail::fieldError(field, "in_future", "Date of birth must be today or in the past");
    if (ageOn(*birth, today) > kMaxAgeYears)
        return detail::fieldError(field, "too_old", "Date of birth must be within the last 130 years");
    return birth;
}

Result<CalendarDate> dateOfBirth(std::string_view input, std::string_view today, std::string_view field) {
    const auto parsedToday = parseIsoDate(today);
    if (!parsedToday) return Error::internal("today's date is not a valid YYYY-MM-DD date");
    return dateOfBirth(input, *parsedToday, field);
}

Result<CalendarDate> dateOfBirth(std::string_view input, std::int64_t todayUnixSeconds, std::string_view field) {
    return dateOfBirth(input, dateFromUnixSeconds(todayUnixSeconds), field);
}

}  // namespace validate
}  // namespace tessera
