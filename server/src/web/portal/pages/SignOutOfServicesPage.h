#pragma once
// The pages of a service's request to sign the citizen out (RP-initiated logout; the
// endpoint, web/oidc/EndSessionEndpoint, decides which one): the question — sign out of the
// account and every service used with it, or stay signed in — the answer once signed out,
// and the refusal of a request the service got wrong.
#include <string>
#include <utility>
#include <vector>

#include "web/portal/Page.h"

namespace tessera::web::portal {

struct SignOutOfServicesQuestion {
    std::string requestingService;                             // its name, or "" when unknown
    std::vector<std::string> services;                         // signed out of along with the account
    std::vector<std::pair<std::string, std::string>> carried;  // request parameters the form posts back
    std::string action;                                        // where the form posts
};

// The question, with the required session's CSRF token (page.requireStage first). `problemKey`:
// a message for the error summary ("errors.form_expired", ...) or "" for none; then 400.
void renderSignOutOfServicesQuestion(Page& page, const SignOutOfServicesQuestion& question,
                                     const std::string& problemKey = "");
// "You have signed out".
void renderSignedOutOfServices(Page& page);
// 400: the request cannot be used, nothing changed.
void renderSignOutRequestRefused(Page& page);

}  // namespace tessera::web::portal
