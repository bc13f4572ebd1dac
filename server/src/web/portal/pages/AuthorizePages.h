#pragma once
// The pages of the OpenID Connect authorization endpoint (web/oidc/AuthorizeEndpoint.cpp),
// which renders them in answer to its own requests rather than at routes of their own:
//  - the consent page: which service, which account, exactly what it asks for (new items
//    marked when the citizen agreed to some before) and why; Allow / Do not allow in one form;
//  - the step-up page: the level the service needs, the citizen's level, how to raise it
//    (the identity verification start if it exists, else the account dashboard) and a way
//    back to the service;
//  - the error page for a request that cannot be answered to the service (nothing redirects);
//  - the "returning you to the service" page that ends a form post (see AuthorizeEndpoint.h).
#include <string>
#include <vector>

#include "web/portal/Page.h"

namespace tessera::web::portal {

struct ConsentPageView {
    std::string serviceName;
    std::string reason;          // the service's own explanation, or ""
    std::string reasonLanguage;  // its language
    std::vector<std::string> claims;         // the claims asked for (claim names)
    std::vector<std::string> agreedClaims;   // those already agreed to
    bool askedBefore = false;                // an earlier consent is in force: mark what is new
    bool offlineAccess = false;              // asks to keep access (offline_access)
    bool offlineAccessNew = false;
    std::string accountName;
    std::string accountEmail;
    std::string pendingToken;  // the sealed request the form posts back
    std::string formAction;
};

// The form's one field, for errors: the Allow button (the error summary links to it).
FormView consentForm(const Page& page);
void renderConsentPage(Page& page, const ConsentPageView& view, const FormView& form, int status);

struct StepUpPageView {
    std::string serviceName;
    int requiredLevel = 0;
    int heldLevel = 0;
    std::string verifyLink;  // the verification start (with next=), or "" when there is none
    std::string returnLink;  // the service's redirect URI with the error
};
void renderStepUpPage(Page& page, const StepUpPageView& view);

// expired: the pending request could not be resumed (too old, or from another browser).
// error and description: for the service's technical team (English), or "".
void renderAuthorizeErrorPage(Page& page, bool expired, const std::string& error, const std::string& description);

// A page that sends the browser on to `location` (Refresh: 0) with a button to do it by hand.
void renderContinueToService(Page& page, const std::string& serviceName, const std::string& location);

}  // namespace tessera::web::portal
