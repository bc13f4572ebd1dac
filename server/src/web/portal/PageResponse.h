#pragma once
// Answering a browser: an HTML page (with the strict page CSP instead of the API's), a
// post/redirect/get redirect (303 See Other), and the rule for where a "next" parameter may
// send the citizen after signing in: a path on this site, never another site.
#include <optional>
#include <string>
#include <string_view>

#include "tessera/shared/Result.h"
#include "web/Request.h"

namespace tessera::web::portal {

// Scripts, styles, fonts and images from this origin only (images also as data: URIs, for
// QR codes); no inline script or style anywhere; forms post only here; never framed.
// extraImageSource: one more allowed image origin (a configured logo on another host), or "".
std::string pageContentSecurityPolicy(const std::string& extraImageSource = "");

// Sends `html` as text/html with the given status and CSP. Pages are never cached (the
// server's default Cache-Control: no-store stays).
void sendHtml(Request& r, int status, const std::string& html, const std::string& contentSecurityPolicy);

// 303 See Other to a path on this site (post/redirect/get; also the answer to a GET that
// must go elsewhere). `location` must be a safe return path (checked; "/" otherwise).
void redirectTo(Request& r, const std::string& location);

// `candidate` if it is a path on this site: starts with exactly one "/" (not "//" or "/\"),
// contains no backslash, space or control character (browsers drop tabs and newlines, which
// would turn "/\t/evil.example" into "//evil.example"), and is at most 2000 bytes.
std::optional<std::string> safeReturnPath(std::string_view candidate);
// The safe form of an optional "next" value, or `fallback`.
std::string returnPathOr(const std::optional<std::string>& next, const std::string& fallback);

// The status of a form shown again after a refusal: 429 when throttled (the caller adds
// Retry-After), 503 when a dependency failed, 500 for a bug, 400 for everything the citizen
// can correct (bad input, wrong password or code, expired form).
int failedFormStatus(const Error& error);

// The path and query of this request, as a safe return path (for ?next=).
std::string currentPathAndQuery(const Request& r);

}  // namespace tessera::web::portal
