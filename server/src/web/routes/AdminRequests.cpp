#include "web/routes/AdminRequests.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

#include <regex>

#include "core/services/Roles.h"
#include "tessera/shared/ApiFields.h"
#include "web/Authorization.h"
#include "web/Respond.h"

namespace tessera::web {

std::optional<core::Actor> requireAdmin(Request& r, Services& services) {
    auto caller = requireRole(r, services, core::Role::Admin);
    if (!caller) return std::nullopt;
    return core::Actor{caller->accountId, r.clientAddress};
}

std::optional<std::size_t> pageLimit(Request& r, std::size_t fallback, std::size_t max) {
    const auto text = r.queryParam(std::string(field::kLimit));
    if (!text) return fallback;
    unsigned value = 0;
    if (Poco::NumberParser::tryParseUnsigned(*text, value) && value >= 1 && value <= max) return value;
    sendProblem(r, Error::field(std::string(field::kLimit), "out_of_range",
                                "Must be a whole number from 1 to " + std::to_string(max) + "."));
    return std::nullopt;
}

std::optional<core::IfMatch> ifMatchHeader(const Request& r) {
    const auto header = r.header("If-Match");
    if (!header) return std::nullopt;
    core::IfMatch m;
    std::size_t start = 0;
    while (start <= header->size()) {
        std::size_t end = header->find(',', start);
        if (end == std::string::npos) end = header->size();
        const std::string tag = Poco::trim(header->substr(start, end - start));
        start = end + 1;
        if (tag == "*") m.any = true;
        else if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') m.tags.push_back(tag);
        // Weak tags (W/"...") never match for a change (RFC 9110 §13.1.1): they are left out.
    }
    return m;
}

std::optional<std::int64_t> parseIsoTime(const std::string& text) {
    // The strict form only: Poco's parser alone accepts partial times and trailing text.
    static const std::regex form(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2}))");
    if (text.size() > 40 || !std::regex_match(text, form)) return std::nullopt;
    Poco::DateTime dt;
    int tzd = 0;
    const bool fraction = text.find('.') != std::string::npos;
    try {
        if (!Poco::DateTimeParser::tryParse(fraction ? Poco::DateTimeFormat::ISO8601_FRAC_FORMAT
                                                     : Poco::DateTimeFormat::ISO8601_FORMAT,
                                            text, dt, tzd))
            return std::nullopt;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
    // The parser normalises impossible dates (31 February); the text must name a real one.
    const int month = std::stoi(text.substr(5, 2)), day = std::stoi(text.substr(8, 2));
    const int hour = std::stoi(text.substr(11, 2)), minute = std::stoi(text.substr(14, 2));
    if (dt.month() != month || dt.day() != day || dt.hour() != hour || dt.minute() != minute) return std::nullopt;
    dt.makeUTC(tzd);
    return static_cast<std::int64_t>(dt.timestamp().epochTime());
}

std::string isoTime(std::int64_t unixSeconds) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(unixSeconds)),
                                           Poco::DateTimeFormat::ISO8601_FORMAT);
}

void sendAdminProblem(Request& r, const Error& error) {
    if (error.code == "precondition_failed") return sendProblem(r, 412, error);
    sendProblem(r, error);
}

}  // namespace tessera::web
