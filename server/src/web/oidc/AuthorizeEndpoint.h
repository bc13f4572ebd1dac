#pragma once
// The authorization endpoint, the front channel of the authorization code flow (OpenID
// Connect Core §3.1.2, RFC 6749 §4.1, RFC 7636, RFC 9207), with the portal's look, languages,
// session and CSRF:
//   GET  /oauth2/authorize          a service sends a citizen here (302 back with a code or an error)
//   POST /oauth2/authorize          the same as a form post: 303 to the GET, so both behave alike
//                                   (and a cross-site post's missing SameSite=Lax cookie does not matter)
//   GET  /oauth2/authorize/resume   where signing in and the terms page return to (PendingResume.h)
//   POST /oauth2/authorize/consent  the consent form: Allow or Do not allow
// Every answer is no-store, with the portal's page CSP. Nothing is ever redirected to a URI
// that is not registered for the service the request names.
//
// After a form post (the consent form, or signing in on the way) the way back to the service
// is a page that refreshes to it rather than a 303: Chrome and Safari check every redirect
// that follows a form post against the form page's CSP form-action, which is 'self' on every
// portal page, and would stop the browser at the service's address (w3c/webappsec-csp#8).
// If the portal's CSP ever allows the service's origin in form-action, sendToService can
// answer with a 303 in that case too (AuthorizationFlow.cpp).
#include "web/Router.h"
#include "web/oidc/Endpoints.h"

namespace tessera::web::oidc {

// Registers the routes above. Builds its own portal (templates, messages, branding) over the
// provider's context. Call it where the provider is built: registerOidcRoutes (OidcRoutes.cpp).
void registerAuthorizeEndpoint(Router& router, const ProviderPtr& provider);

}  // namespace tessera::web::oidc
