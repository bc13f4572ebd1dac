#include "web/portal/pages/SignOutOfServicesPage.h"

namespace tessera::web::portal {

void renderSignOutOfServicesQuestion(Page& page, const SignOutOfServicesQuestion& question,
                                     const std::string& problemKey) {
    const std::string requestedBy =
        question.requestingService.empty()
            ? page.t()("sign_out_of_services.requested")
            : page.t()("sign_out_of_services.requested_by", {{"service", question.requestingService}});
    page.data().set("requestedBy", requestedBy).set("action", question.action);
    page.data().set("hasServices", !question.services.empty());
    for (const auto& name : question.services) page.data().append("services", PageData().set("name", name));
    for (const auto& [name, value] : question.carried)
        page.data().append("carried", PageData().set("name", name).set("value", value));

    FormView form = page.formView({});
    if (!problemKey.empty()) form.fieldError("", problemKey);
    page.render("sign-out-of-services", "sign_out_of_services.title", form, problemKey.empty() ? 200 : 400);
}

void renderSignedOutOfServices(Page& page) { page.render("signed-out-of-services", "signed_out_of_services.title"); }

void renderSignOutRequestRefused(Page& page) {
    page.data().set("reference", page.t()("error_pages.reference", {{"reference", page.request().requestId}}));
    page.render("sign-out-request-refused", "sign_out_request_refused.title", 400);
}

}  // namespace tessera::web::portal
