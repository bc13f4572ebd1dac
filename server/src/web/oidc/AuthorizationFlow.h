#pragma once
// One pass of the authorization endpoint over a request: check it (core/oidc/
// AuthorizationRequest.h), look at the citizen (session, account, terms, consent), decide
// (core/oidc/AuthorizationDecision.h) and take the step: an error page, an error or a code
// sent to the service, the sign-in or terms pages (returning to /oauth2/authorize/resume),
// the step-up page or the consent page. Every entry point (GET /oauth2/authorize, the resume
// after sign-in, the consent form) ends here.
#include <cstdint>
#include <optional>
#include <string>

#include "core/oidc/AuthorizationRequest.h"
#include "core/oidc/Provider.h"
#include "web/portal/Page.h"

namespace tessera::web::oidc {

// How the browser arrived. Straight from the service: the answer is a 302 to the service.
// At the end of a form post (signing in, accepting terms, the consent form): browsers (Chrome,
// Safari) hold every redirect that follows a form post to the form page's CSP form-action,
// which allows this site only, so the answer is a page that refreshes to the service instead.
enum class Arrival { FromService, AfterForm };

struct AuthorizationAttempt {
    core::oidc::AuthorizationParameters parameters;
    std::int64_t signInAskedAt = 0;  // when this request sent the citizen to sign in (0: not yet)
    Arrival arrival = Arrival::FromService;
    bool consentJustGiven = false;
    // Show the consent page again with this error (a message key) instead of going on: the
    // consent form failed its CSRF check or had no decision.
    std::string consentFormError;
};

void continueAuthorization(portal::Page& page, core::oidc::Provider& provider, const AuthorizationAttempt& attempt);

// The request checked, or nullopt after answering: the error page, or the error sent to the service.
std::optional<core::oidc::AuthorizationRequest> checkRequest(portal::Page& page, core::oidc::Provider& provider,
                                                             const core::oidc::AuthorizationParameters& parameters,
                                                             Arrival arrival);

// `entry`, or the same page in the language the request's ui_locales names (kept in `holder`):
// before the account's and the browser's language, after the citizen's own choice here.
portal::Page& inRequestLanguage(portal::Page& entry, const core::oidc::AuthorizationRequest& request,
                                std::optional<portal::Page>& holder);

// The step for a checked request, on a page already in its language.
void takeNextStep(portal::Page& page, core::oidc::Provider& provider, const core::oidc::AuthorizationRequest& request,
                  const AuthorizationAttempt& attempt);

// Sends the browser to the service (`location` is built from a registered redirect URI).
void sendToService(portal::Page& page, const std::string& serviceName, const std::string& location, Arrival arrival);

}  // namespace tessera::web::oidc
