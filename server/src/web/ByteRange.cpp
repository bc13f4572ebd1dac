#include "web/ByteRange.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>

namespace tessera::web {

namespace {

std::optional<std::uint64_t> number(const std::string& text) {
    if (text.empty() || text.size() > 19) return std::nullopt;
    for (char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    Poco::UInt64 v = 0;
    if (!Poco::NumberParser::tryParseUnsigned64(text, v)) return std::nullopt;
    return v;
}

}  // namespace

Result<std::optional<ByteRange>> parseByteRange(const std::optional<std::string>& header, std::uint64_t size) {
    const std::optional<ByteRange> whole;
    if (!header) return whole;
    const std::string value = Poco::trim(*header);
    if (value.rfind("bytes=", 0) != 0) return whole;
    const std::string spec = Poco::trim(value.substr(6));
    if (spec.find(',') != std::string::npos) return whole;
    const auto dash = spec.find('-');
    if (dash == std::string::npos) return whole;
    const std::string from = Poco::trim(spec.substr(0, dash));
    const std::string to = Poco::trim(spec.substr(dash + 1));
    const Error unsatisfiable{ErrorKind::Invalid, "range_not_satisfiable",
                              "The range asked for lies outside the file, which is " + std::to_string(size) + " bytes.",
                              {}};
    if (from.empty()) {  // the last N bytes
        auto suffix = number(to);
        if (!suffix) return whole;
        if (*suffix == 0 || size == 0) return unsatisfiable;
        const std::uint64_t n = *suffix < size ? *suffix : size;
        return std::optional<ByteRange>(ByteRange{size - n, size - 1});
    }
    auto first = number(from);
    if (!first) return whole;
    std::uint64_t last = size == 0 ? 0 : size - 1;
    if (!to.empty()) {
        auto end = number(to);
        if (!end || *end < *first) return whole;
        if (*end < last) last = *end;
    }
    if (*first >= size) return unsatisfiable;
    return std::optional<ByteRange>(ByteRange{*first, last});
}

}  // namespace tessera::web
