// The consent page of the authorization endpoint: what the service asks for in plain words,
// in the page's language, and why (the service's own text), for the account it will use.
#include <algorithm>

#include "web/portal/PortalPaths.h"
#include "web/portal/pages/AuthorizePages.h"

namespace tessera::web::portal {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

PageData item(std::string text, bool isNew) {
    PageData d;
    d.set("text", std::move(text)).set("isNew", isNew);
    return d;
}

}  // namespace

FormView consentForm(const Page& page) {
    FieldSpec decision;
    decision.name = "decision";
    decision.labelKey = "consent.allow";
    return page.formView({decision});
}

void renderConsentPage(Page& page, const ConsentPageView& view, const FormView& form, int status) {
    const auto& t = page.t();
    const MessageArgs service{{"service", view.serviceName}};
    // The reference that identifies the citizen comes with every sign-in; it is never new.
    PageData items = PageData::list();
    items.push(item(t("consent.identifier"), false));
    for (const auto& claim : view.claims)
        items.push(item(t("consent.claims." + claim), view.askedBefore && !contains(view.agreedClaims, claim)));
    if (view.offlineAccess) items.push(item(t("consent.offline_access"), view.askedBefore && view.offlineAccessNew));

    page.data()
        .set("heading", t("consent.heading", service))
        .set("signedInAs", t("consent.signed_in_as", {{"name", view.accountName}, {"email", view.accountEmail}}))
        .set("askedBefore", view.askedBefore)
        .set("asksFor", t("consent.asks_for", service))
        .set("asksForMore", t("consent.asks_for_more", service))
        .set("items", items)
        .set("why", t("consent.why", service))
        .set("reason", view.reason)
        .set("reasonLang", view.reasonLanguage == page.language() ? std::string() : view.reasonLanguage)
        .set("servicesLink", page.hasPage(paths::kConnectedServices) ? paths::kConnectedServices : "")
        .set("pending", view.pendingToken)
        .set("formAction", view.formAction);
    page.render("authorize-consent", "consent.title", form, status);
}

}  // namespace tessera::web::portal
