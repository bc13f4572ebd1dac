// The citizen portal: static assets under /assets and the server-rendered pages. Built once
// here; the routes' handlers share (and keep alive) the one Portal.
#include <stdexcept>

#include "web/portal/Portal.h"
#include "web/portal/PortalRouter.h"
#include "web/portal/pages/Pages.h"
#include "web/portal/pages/VerifyPages.h"
#include "web/routes/Routes.h"

namespace tessera::web {

void registerPortalRoutes(Router& router, Services& services) {
    auto created = portal::Portal::create(services, router);
    if (!created) throw std::runtime_error("The citizen portal cannot start: " + created.error().message);
    std::shared_ptr<const portal::Portal> shared = *created;

    // /assets/... up to Assets::kMaxDepth segments deep (the router matches whole segments).
    std::string pattern = "/assets";
    for (int depth = 1; depth <= portal::Assets::kMaxDepth; ++depth) {
        pattern += "/{s" + std::to_string(depth) + "}";
        router.get(pattern, [shared](Request& r) { shared->assets().serve(r); });
    }

    portal::PortalRouter pages(router, shared);
    portal::registerStartPage(pages);
    portal::registerSignInPages(pages);
    portal::registerSignOutPages(pages);
    portal::registerAccountPage(pages);
    portal::registerPolicyPages(pages);
    portal::registerProfilePages(pages);
    portal::registerSecurityPages(pages);
    portal::registerCreateAccountPages(pages);
    portal::registerSecondFactorSetupPages(pages);
    portal::registerPasswordResetPages(pages);
    portal::registerAcceptTermsPage(pages);
    portal::registerVerifyPages(pages);
}

}  // namespace tessera::web
