#include "core/review/DocumentExpiry.h"

#include "tessera/shared/CalendarDate.h"

namespace tessera::core {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

}  // namespace

std::optional<std::int64_t> documentLapsesAt(std::string_view expiryDate) {
    auto date = parseIsoDate(expiryDate);
    if (!date) return std::nullopt;
    return (daysFromCivil(date->year, date->month, date->day) + 1) * 86400;
}

}  // namespace tessera::core
