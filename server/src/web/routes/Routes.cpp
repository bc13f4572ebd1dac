#include "web/routes/Routes.h"

#include "core/services/WorkstationClient.h"
#include "core/terms/TermsService.h"
#include "web/Services.h"

namespace tessera::web {

void registerRoutes(Router& router, Services& services) {
    registerOperationsRoutes(router, services);
    registerSignInRoutes(router, services);
    registerSessionRoutes(router, services);
    registerSecondFactorRoutes(router, services);
    registerAccountRoutes(router, services);
    registerTermsRoutes(router, services);
    registerProfileRoutes(router, services);
    registerPasswordResetRoutes(router, services);
    registerPortalRoutes(router, services);
    registerOidcRoutes(router, services);
    registerAdminServiceRoutes(router, services);
    registerStaffRoutes(router, services);
    registerAdminTermsRoutes(router, services);
    registerAdminAccountRoutes(router, services);
    registerVerificationRoutes(router, services);
    registerReviewRoutes(router, services);
}

Status seedReferenceData(Services& services) {
    if (auto terms = core::seedTerms(services); !terms) return terms;
    if (auto workstation = core::ensureWorkstationClient(services); !workstation) return workstation.error();
    return {};
}

}  // namespace tessera::web
