#include "tessera/shared/Email.h"

#include "TextHelpers.h"

namespace tessera::validate {
namespace {

using namespace tessera::detail;

constexpr std::size_t kMaxLocalPart = 64;   // RFC 5321 4.5.3.1.1
constexpr std::size_t kMaxLabel = 63;       // RFC 1035
constexpr std::size_t kMaxAddress = 254;    // RFC 5321 path limit less the angle brackets
constexpr std::string_view kFormatMessage =
    "Enter an email address in the correct format, like name@example.com";

constexpr bool isAtext(char c) {
    return isAsciiAlnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool isDotAtom(std::string_view s) {
    if (s.empty() || s.front() == '.' || s.back() == '.') return false;
    char previous = '\0';
    for (char c : s) {
        if (c == '.' && previous == '.') return false;
        if (c != '.' && !isAtext(c)) return false;
        previous = c;
    }
    return true;
}

bool isLabel(std::string_view label) {
    if (label.empty() || label.size() > kMaxLabel) return false;
    if (label.front() == '-' || label.back() == '-') return false;
    for (char c : label)
        if (!isAsciiAlnum(c) && c != '-') return false;
    return true;
}

bool isDomain(std::string_view domain) {
    const auto lastDot = domain.rfind('.');
    if (lastDot == std::string_view::npos) return false;
    std::size_t start = 0;
    while (true) {
        const auto dot = domain.find('.', start);
        if (!isLabel(domain.substr(start, dot - start))) return false;
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    // A numeric top-level label would make "1.2.3.4" look like a domain.
    for (char c : domain.substr(lastDot + 1))
        if (!isAsciiDigit(c)) return true;
    return false;
}

}  // namespace

Result<std::string> email(std::string_view input, std::string_view field) {
    const auto address = trimAscii(input);
    if (address.empty()) return fieldError(field, "required", "Enter your email address");
    if (address.size() > kMaxAddress)
        return fieldError(field, "too_long", "Email address must be 254 characters or fewer");
    for (char c : address)
        if (isAsciiControl(c) || isAsciiSpace(c) || static_cast<unsigned char>(c) >= 0x80)
            return fieldError(field, "invalid_characters",
                              "Email address must not contain spaces or special characters");

    const auto at = address.find('@');
    if (at == std::string_view::npos || address.find('@', at + 1) != std::string_view::npos)
        return fieldError(field, "invalid_format", kFormatMessage);
    const auto local = address.substr(0, at);
    const auto domain = address.substr(at + 1);
    if (local.size() > kMaxLocalPart)
        return fieldError(field, "too_long", "The part before the @ must be 64 characters or fewer");
    if (!isDotAtom(local) || !isDomain(domain)) return fieldError(field, "invalid_format", kFormatMessage);

    std::string normalised(local);
    normalised += '@';
    normalised += toAsciiLower(domain);
    return normalised;
}

}  // namespace tessera::validate
