#pragma once
// CSRF protection for HTML forms; every POST form carries a hidden field "csrf".
//  - Forms of a (signed-in or half signed-in) session carry the session's own CSRF token.
//  - Anonymous forms (sign in, create account, forgotten password) use a double-submit
//    token: a random value in an HttpOnly, SameSite=Strict cookie ("__Host-tessera_form",
//    or "tessera_form" on plain-http localhost) and the same value in the form. Another
//    site can neither read the cookie nor make the browser send it on a cross-site post.
// Tokens are compared in constant time. A failed check is the handler's to answer: it
// re-renders the form with "Your form expired" and changes nothing.
#include <string>

#include "core/sessions/Session.h"
#include "web/Request.h"
#include "web/Services.h"
#include "web/portal/Form.h"

namespace tessera::web::portal {

inline constexpr const char* kCsrfField = "csrf";

std::string formCookieName(const Services& services);

// The token for an anonymous form: the one the browser's form cookie already holds, or a
// new random one, set as that cookie on this response.
std::string anonymousFormToken(Request& r, const Services& services);
// True when the posted "csrf" field equals the form cookie (both present and well formed).
bool anonymousFormTokenValid(const Request& r, const Services& services, const FormFields& form);

// True when the posted "csrf" field equals the session's CSRF token.
bool sessionFormTokenValid(const core::Session& session, const FormFields& form);

}  // namespace tessera::web::portal
