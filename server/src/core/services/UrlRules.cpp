#include "core/services/UrlRules.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>

namespace tessera::core::urls {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

bool loopbackHost(const std::string& host) {
    const std::string h = lower(host);
    return h == "127.0.0.1" || h == "::1" || h == "localhost";
}

std::optional<Poco::URI> parse(std::string_view url) {
    try {
        return Poco::URI(std::string(url));
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

FieldError problem(const std::string& field, const char* code, const std::string& message) {
    return FieldError{field, code, message};
}

std::optional<FieldError> check(std::string_view url, const std::string& field, bool allowLoopbackHttp) {
    if (url.empty()) return problem(field, "required", "Enter an absolute URL.");
    if (url.size() > kMaxUrlBytes)
        return problem(field, "too_long", "Must be at most " + std::to_string(kMaxUrlBytes) + " bytes long.");
    const bool printableAscii =
        std::all_of(url.begin(), url.end(), [](unsigned char c) { return c > 0x20 && c < 0x7f && c != '\\'; });
    if (!printableAscii)
        return problem(field, "malformed", "Must not contain spaces, control characters, backslashes or non-ASCII "
                                           "characters (percent-encode them).");
    if (url.find('*') != std::string_view::npos)
        return problem(field, "wildcard_not_allowed", "Wildcards are not allowed: register each URL in full.");
    if (url.find('#') != std::string_view::npos)
        return problem(field, "fragment_not_allowed", "Must not contain a fragment (#...).");
    auto parsed = parse(url);
    if (!parsed || parsed->getScheme().empty() || parsed->isRelative())
        return problem(field, "not_absolute", "Must be an absolute URL such as https://service.example/callback.");
    if (parsed->getHost().empty()) return problem(field, "not_absolute", "Must name a host.");
    if (!parsed->getUserInfo().empty())
        return problem(field, "userinfo_not_allowed", "Must not contain a user name or password.");
    const std::string& scheme = parsed->getScheme();
    if (scheme == "https") return std::nullopt;
    if (scheme == "http" && allowLoopbackHttp && loopbackHost(parsed->getHost())) return std::nullopt;
    return problem(field, "https_required",
                   allowLoopbackHttp ? "Must use https (http is allowed only for 127.0.0.1, [::1] and localhost)."
                                     : "Must use https.");
}

}  // namespace

std::optional<FieldError> registrableProblem(std::string_view url, const std::string& field) {
    return check(url, field, true);
}

std::optional<FieldError> httpsProblem(std::string_view url, const std::string& field) {
    return check(url, field, false);
}

bool isLoopback(std::string_view url) {
    auto parsed = parse(url);
    return parsed && loopbackHost(parsed->getHost());
}

std::string hostOf(std::string_view url) {
    auto parsed = parse(url);
    return parsed ? lower(parsed->getHost()) : std::string();
}

bool redirectMatches(std::string_view registered, std::string_view presented) {
    if (registered == presented) return true;
    auto r = parse(registered);
    auto p = parse(presented);
    if (!r || !p || r->getScheme() != "http" || !loopbackHost(r->getHost())) return false;
    // Loopback: everything but the port must be identical, compared as written.
    return p->getScheme() == "http" && lower(p->getHost()) == lower(r->getHost()) &&
           p->getPathEtc() == r->getPathEtc() && p->getUserInfo().empty() && presented.find('#') == std::string_view::npos;
}

}  // namespace tessera::core::urls
