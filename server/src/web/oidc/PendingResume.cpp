#include "web/oidc/PendingResume.h"

#include "infra/Digest.h"
#include "infra/Random.h"
#include "web/portal/PortalPaths.h"

namespace tessera::web::oidc {

namespace {

namespace paths = portal::paths;
constexpr std::size_t kMaxCookieValue = 3800;  // browsers keep 4 KB per cookie, name included
constexpr const char* kPendingParameter = "pending";
constexpr const char* kReferenceParameter = "ref";

std::string cookieName(const Services& services) {
    return services.settings.cookieSecure ? "__Secure-tessera_authorize" : "tessera_authorize";
}

std::string cookieAttributes(const Services& services) {
    // Lax, not Strict: the way back from signing in may start at a page a service linked to.
    return std::string("; Path=") + paths::kAuthorizeResume + "; HttpOnly; SameSite=Lax" +
           (services.settings.cookieSecure ? "; Secure" : "");
}

}  // namespace

std::optional<std::string> resumePathFor(Request& r, const Services& services,
                                         core::oidc::PendingAuthorization pending) {
    pending.sealedAt = services.clock.now();
    const std::string token = core::oidc::sealPending(services.dataKey, pending, core::oidc::kPendingSignIn);
    std::string path = std::string(paths::kAuthorizeResume) + "?" + kPendingParameter + "=" + token;
    if (path.size() <= kMaxResumePathBytes) return path;

    const std::string reference = infra::random::token(12);
    const std::string value = reference + "." + token;
    if (value.size() > kMaxCookieValue) return std::nullopt;
    r.response.add("Set-Cookie", cookieName(services) + "=" + value +
                                     "; Max-Age=" + std::to_string(kPendingSignInSeconds) + cookieAttributes(services));
    return std::string(paths::kAuthorizeResume) + "?" + kReferenceParameter + "=" + reference;
}

std::optional<core::oidc::PendingAuthorization> resumedRequest(const Request& r, const Services& services) {
    std::string token;
    if (auto inQuery = r.queryParam(kPendingParameter)) {
        token = *inQuery;
    } else if (auto reference = r.queryParam(kReferenceParameter)) {
        const auto cookie = r.cookie(cookieName(services));
        if (!cookie || cookie->size() > kMaxCookieValue) return std::nullopt;
        const auto dot = cookie->find('.');
        if (dot == std::string::npos || reference->empty() ||
            !infra::digest::constantTimeEquals(cookie->substr(0, dot), *reference))
            return std::nullopt;  // another request's cookie: this one was replaced
        token = cookie->substr(dot + 1);
    } else {
        return std::nullopt;
    }
    return core::oidc::openPending(services.dataKey, token, core::oidc::kPendingSignIn, {}, services.clock.now(),
                                   kPendingSignInSeconds);
}

}  // namespace tessera::web::oidc
