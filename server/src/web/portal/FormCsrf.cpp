#include "web/portal/FormCsrf.h"

#include <cctype>

#include "infra/Digest.h"
#include "infra/Random.h"

namespace tessera::web::portal {

namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenLength = 43;  // 32 bytes in base64url without padding

bool wellFormed(const std::string& token) {
    if (token.size() != kTokenLength) return false;
    for (unsigned char c : token)
        if (!(std::isalnum(c) || c == '-' || c == '_')) return false;
    return true;
}

}  // namespace

std::string formCookieName(const Services& services) {
    return services.settings.cookieSecure ? "__Host-tessera_form" : "tessera_form";
}

std::string anonymousFormToken(Request& r, const Services& services) {
    const std::string name = formCookieName(services);
    if (auto existing = r.cookie(name); existing && wellFormed(*existing)) return *existing;
    std::string token = infra::random::token(kTokenBytes);
    // No Max-Age: the cookie lasts as long as the browser session.
    r.response.add("Set-Cookie", name + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" +
                                     (services.settings.cookieSecure ? "; Secure" : ""));
    return token;
}

bool anonymousFormTokenValid(const Request& r, const Services& services, const FormFields& form) {
    const auto cookie = r.cookie(formCookieName(services));
    const std::string posted = form.value(kCsrfField);
    if (!cookie || !wellFormed(*cookie) || !wellFormed(posted)) return false;
    return infra::digest::constantTimeEquals(*cookie, posted);
}

bool sessionFormTokenValid(const core::Session& session, const FormFields& form) {
    const std::string posted = form.value(kCsrfField);
    if (posted.empty() || session.csrfToken.empty()) return false;
    return infra::digest::constantTimeEquals(session.csrfToken, posted);
}

}  // namespace tessera::web::portal
