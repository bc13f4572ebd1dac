#pragma once
// The portal's pages, one register function per file in this folder (each file: its GET and
// POST handlers, thin: read the form, call one core service, render or redirect). See
// resources/web/templates/README.md for how to add one.
#include "web/portal/PortalRouter.h"

namespace tessera::web::portal {

void registerStartPage(PortalRouter& pages);      // /
void registerSignInPages(PortalRouter& pages);    // /sign-in, /sign-in/code, /sign-in/recovery-code
void registerSignOutPages(PortalRouter& pages);   // /sign-out, /signed-out
void registerAccountPage(PortalRouter& pages);    // /account (the dashboard)
void registerPolicyPages(PortalRouter& pages);    // /policies/{kind}
void registerProfilePages(PortalRouter& pages);   // /account/profile and its change pages
void registerSecurityPages(PortalRouter& pages);  // /account/security: password, recovery codes, sessions
// Sign-up and recovery: /create-account, /create-account/check-email (+ /resend)
void registerCreateAccountPages(PortalRouter& pages);
// /set-up-two-factor, .../app, .../email (+ /resend), .../recovery-codes
void registerSecondFactorSetupPages(PortalRouter& pages);
// /forgotten-password, /reset-password, /reset-password/done
void registerPasswordResetPages(PortalRouter& pages);
void registerAcceptTermsPage(PortalRouter& pages);  // /accept-terms
// The authorization endpoint's pages (consent, step-up, its errors) are rendered by the
// endpoint itself (web/oidc/AuthorizeEndpoint.h), not routed here: AuthorizePages.h.

}  // namespace tessera::web::portal
