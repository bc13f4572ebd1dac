// The start page (/): what the account is for, what you need, and the ways in.
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/Pages.h"

namespace tessera::web::portal {

namespace {

void showStart(Page& page) {
    const std::string organisation = page.portal().branding().organisationName;
    page.data()
        .set("heading", page.t()("start.heading", {{"organisation", organisation}}))
        .set("canCreateAccount", page.hasPage(paths::kCreateAccount));
    page.render("start", "start.title");
}

}  // namespace

void registerStartPage(PortalRouter& pages) { pages.get(paths::kStart, showStart); }

}  // namespace tessera::web::portal
