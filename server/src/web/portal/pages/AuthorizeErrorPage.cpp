// The error page of the authorization endpoint, for requests whose answer cannot go back to
// the service: the citizen learns that nothing happened and what to do; the service's team
// finds the OAuth error under "details" (English: it is for developers).
#include "web/portal/pages/AuthorizePages.h"

namespace tessera::web::portal {

void renderAuthorizeErrorPage(Page& page, bool expired, const std::string& error, const std::string& description) {
    const auto& t = page.t();
    page.data()
        .set("heading", t(expired ? "authorize_error.expired_title" : "authorize_error.title"))
        .set("body", t(expired ? "authorize_error.expired_body" : "authorize_error.body"))
        .set("error", error)
        .set("details", description)
        .set("reference", t("error_pages.reference", {{"reference", page.request().requestId}}));
    page.render("authorize-error", expired ? "authorize_error.expired_title" : "authorize_error.title", 400);
}

}  // namespace tessera::web::portal
