#include "core/assurance/EvidenceExpiry.h"

#include <algorithm>

#include "tessera/shared/CalendarDate.h"

namespace tessera::core {

namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(const CalendarDate& d) {
    const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (d.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

}  // namespace

std::int64_t registerEvidenceExpiry(const infra::Settings& settings, std::int64_t now) {
    return settings.registerEvidenceDays > 0 ? now + settings.registerEvidenceDays * kDay : 0;
}

std::int64_t reviewEvidenceExpiry(const infra::Settings& settings, std::string_view documentExpiry,
                                  std::int64_t now) {
    std::int64_t limit = settings.reviewEvidenceDays > 0 ? now + settings.reviewEvidenceDays * kDay : 0;
    if (auto date = parseIsoDate(documentExpiry)) {
        // Valid through its expiry date, then the grace.
        const std::int64_t lapses = (daysFromCivil(*date) + 1 + std::max<std::int64_t>(0, settings.documentGraceDays)) * kDay;
        limit = limit == 0 ? lapses : std::min(limit, lapses);
    }
    return limit;
}

}  // namespace tessera::core
