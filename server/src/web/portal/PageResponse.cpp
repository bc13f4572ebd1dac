#include "web/portal/PageResponse.h"

#include <Poco/URI.h>

namespace tessera::web::portal {

std::string pageContentSecurityPolicy(const std::string& extraImageSource) {
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:" +
           (extraImageSource.empty() ? std::string() : " " + extraImageSource) +
           "; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
}

void sendHtml(Request& r, int status, const std::string& html, const std::string& contentSecurityPolicy) {
    auto& resp = r.response;
    resp.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    resp.set("Content-Security-Policy", contentSecurityPolicy);
    resp.setContentType("text/html; charset=utf-8");
    resp.setContentLength(static_cast<std::streamsize>(html.size()));
    auto& out = resp.send();
    if (r.method != "HEAD") out << html;
}

void redirectTo(Request& r, const std::string& location) {
    auto& resp = r.response;
    resp.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_SEE_OTHER);
    resp.set("Location", safeReturnPath(location).value_or("/"));
    resp.setContentLength(0);
    resp.send();
}

std::optional<std::string> safeReturnPath(std::string_view candidate) {
    if (candidate.empty() || candidate.size() > 2000 || candidate[0] != '/') return std::nullopt;
    if (candidate.size() > 1 && (candidate[1] == '/' || candidate[1] == '\\')) return std::nullopt;
    for (unsigned char c : candidate)
        if (c <= 0x20 || c == 0x7f || c == '\\') return std::nullopt;
    return std::string(candidate);
}

std::string returnPathOr(const std::optional<std::string>& next, const std::string& fallback) {
    if (next)
        if (auto safe = safeReturnPath(*next)) return *safe;
    return fallback;
}

int failedFormStatus(const Error& error) {
    switch (error.kind) {
        case ErrorKind::TooManyRequests: return 429;
        case ErrorKind::Unavailable: return 503;
        case ErrorKind::Internal: return 500;
        default: return 400;
    }
}

std::string currentPathAndQuery(const Request& r) {
    // Re-encoded from the decoded path: the raw request target could be "//host/x", which a
    // browser would read as another site.
    std::string path;
    Poco::URI::encode(r.path, "?#", path);
    if (!r.query.empty()) path += "?" + r.query;
    return safeReturnPath(path).value_or("/");
}

}  // namespace tessera::web::portal
