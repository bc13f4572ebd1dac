#pragma once
// The end-session endpoint (OpenID Connect RP-Initiated Logout 1.0), in the citizen portal's
// look and languages:
//   GET  /oauth2/logout          a service sends the browser here (id_token_hint, client_id,
//                                post_logout_redirect_uri, state, ui_locales); checked by
//                                core/oidc/EndSession, then signed out at once, asked, or refused
//   POST /oauth2/logout          the same sent as a form: answered 303 to the GET, because a
//                                cross-site POST does not carry the SameSite=Lax session cookie
//                                (the citizen would look signed out and stay signed in)
//   POST /oauth2/logout/confirm  the citizen's answer to the question (CSRF-protected):
//                                decision=sign-out or decision=stay
//   GET  /oauth2/logout/done     "You have signed out", when the service named no return URI
// After signing out the browser goes 303 to the registered post_logout_redirect_uri (with
// state), else to /oauth2/logout/done. A request that fails the checks gets a 400 page and
// changes nothing; it never redirects.
#include <memory>

#include "core/oidc/OidcLogout.h"
#include "web/Router.h"
#include "web/Services.h"

namespace tessera::web::oidc {

inline constexpr const char* kEndSessionPath = "/oauth2/logout";
inline constexpr const char* kEndSessionConfirmPath = "/oauth2/logout/confirm";
inline constexpr const char* kEndSessionDonePath = "/oauth2/logout/done";

// Registers the routes above. Loads the portal's templates and catalogues (throws if it cannot).
void registerEndSessionEndpoint(Router& router, Services& services, std::shared_ptr<core::oidc::OidcLogout> logout);

}  // namespace tessera::web::oidc
