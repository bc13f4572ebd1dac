#pragma once
// Dates as people read them, in the page's language: "27 November 2026", "27 novembre 2026",
// "27 dhen t-Samhain 2026" (the pattern "date.format" and the month names "date.months.N"
// come from the catalogues).
#include <cstdint>
#include <string>

#include "web/portal/Messages.h"

namespace tessera::web::portal {

// The UTC calendar date of a Unix time.
std::string dateText(const Translator& t, std::int64_t unixSeconds);
// A "YYYY-MM-DD" date (e.g. a date of birth); the input unchanged if it is not one.
std::string dateText(const Translator& t, const std::string& isoDate);

}  // namespace tessera::web::portal
