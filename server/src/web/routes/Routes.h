#pragma once
// Every route of the server, registered in one place so the API surface is easy to read.
#include "tessera/shared/Result.h"
#include "web/Services.h"
#include "web/Router.h"

namespace tessera::web {

void registerRoutes(Router& router, Services& services);
// Reference data every installation needs (the first terms version, the reviewer workstation's
// built-in client), created if missing.
Status seedReferenceData(Services& services);

// One function per capability, each in its own file under web/routes/.
void registerOperationsRoutes(Router& router, Services& services);
// Registration, email verification, terms, profile and password reset (AccountRoutes.cpp,
// TermsRoutes.cpp, ProfileRoutes.cpp, PasswordResetRoutes.cpp).
void registerAccountRoutes(Router& router, Services& services);
void registerTermsRoutes(Router& router, Services& services);
void registerProfileRoutes(Router& router, Services& services);
void registerPasswordResetRoutes(Router& router, Services& services);
// Two-factor set-up, sign-in and sessions (SecondFactorRoutes.cpp, SignInRoutes.cpp, SessionRoutes.cpp).
void registerSecondFactorRoutes(Router& router, Services& services);
void registerSignInRoutes(Router& router, Services& services);
void registerSessionRoutes(Router& router, Services& services);
// The citizen portal's pages and assets (web/portal/PortalRoutes.cpp); throws if its
// templates or catalogues cannot be loaded.
void registerPortalRoutes(Router& router, Services& services);
// The OpenID Connect provider (web/oidc/OidcRoutes.cpp); throws if its signing keys cannot be set up.
void registerOidcRoutes(Router& router, Services& services);
// Administration of connected services, admin role (AdminServiceRoutes.cpp).
void registerAdminServiceRoutes(Router& router, Services& services);
// Staff: who the caller is (StaffRoutes.cpp); administration of terms versions
// (AdminTermsRoutes.cpp) and of staff roles on accounts (AdminAccountRoutes.cpp).
void registerStaffRoutes(Router& router, Services& services);
void registerAdminTermsRoutes(Router& router, Services& services);
void registerAdminAccountRoutes(Router& router, Services& services);
// Identity verification: the citizen's register checks and application, and the admin's
// assurance override (VerificationRoutes.cpp); the reviewers' queue, cases, media and
// decisions (ReviewRoutes.cpp).
void registerVerificationRoutes(Router& router, Services& services);
void registerReviewRoutes(Router& router, Services& services);

}  // namespace tessera::web
