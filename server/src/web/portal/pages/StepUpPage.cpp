// The step-up page: the citizen is signed in, but their level of assurance is below what the
// service needs. It says both levels in plain words, how to raise theirs, and offers the way
// back to the service (which then learns unmet_authentication_requirements).
#include "web/portal/pages/AuthorizePages.h"

namespace tessera::web::portal {

void renderStepUpPage(Page& page, const StepUpPageView& view) {
    const auto& t = page.t();
    const std::string required = std::to_string(view.requiredLevel), held = std::to_string(view.heldLevel);
    page.data()
        .set("heading", t("step_up.heading", {{"service", view.serviceName}}))
        .set("intro", t("step_up.intro", {{"service", view.serviceName}, {"required", required}, {"held", held}}))
        .set("requiredName", t("step_up.needs", {{"service", view.serviceName}, {"level", required}}))
        .set("requiredHow", t("loa.level_" + required + ".how"))
        .set("heldName", t("step_up.yours", {{"level", held}}))
        .set("heldHow", t("loa.level_" + held + ".how"))
        .set("verifyLink", view.verifyLink)
        .set("returnLink", view.returnLink)
        .set("returnText", t("step_up.return", {{"service", view.serviceName}}));
    page.render("authorize-step-up", "step_up.title");
}

}  // namespace tessera::web::portal
