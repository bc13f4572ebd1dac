// The page that ends the authorization after a form post (consent, sign-in): it sends the
// browser on to the service with Refresh: 0, and offers a button in case it does not.
#include "web/portal/pages/AuthorizePages.h"

namespace tessera::web::portal {

void renderContinueToService(Page& page, const std::string& serviceName, const std::string& location) {
    const auto& t = page.t();
    // A refresh, not a redirect: browsers hold a form post's redirects to the page's CSP
    // form-action ('self'), which the service's address is not (see AuthorizeEndpoint.h).
    page.request().response.set("Refresh", "0; url=" + location);
    page.data()
        .set("heading", t("authorize_continue.heading", {{"service", serviceName}}))
        .set("continueText", t("authorize_continue.continue", {{"service", serviceName}}))
        .set("location", location);
    page.render("authorize-continue", "authorize_continue.title");
}

}  // namespace tessera::web::portal
