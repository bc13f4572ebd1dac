#include "web/portal/DateText.h"

#include <Poco/DateTime.h>
#include <Poco/Timestamp.h>

namespace tessera::web::portal {

namespace {

std::string format(const Translator& t, int year, int month, int day) {
    return t("date.format", {{"day", std::to_string(day)},
                             {"month", t("date.months." + std::to_string(month))},
                             {"year", std::to_string(year)}});
}

}  // namespace

std::string dateText(const Translator& t, std::int64_t unixSeconds) {
    const Poco::DateTime date(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(unixSeconds)));
    return format(t, date.year(), date.month(), date.day());
}

std::string dateText(const Translator& t, const std::string& isoDate) {
    if (isoDate.size() != 10 || isoDate[4] != '-' || isoDate[7] != '-') return isoDate;
    try {
        const int year = std::stoi(isoDate.substr(0, 4)), month = std::stoi(isoDate.substr(5, 2)),
                  day = std::stoi(isoDate.substr(8, 2));
        if (month < 1 || month > 12 || day < 1 || day > 31) return isoDate;
        return format(t, year, month, day);
    } catch (const std::exception&) {
        return isoDate;
    }
}

}  // namespace tessera::web::portal
