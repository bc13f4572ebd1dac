// The documents a citizen accepts, as they are in force now, in the page's language where
// translated: /policies/terms-of-service, /policies/privacy-policy, /policies/data-collection.
// The footer links here, and so can the create-account and terms pages.
#include <sstream>

#include "core/terms/TermsService.h"
#include "web/portal/DateText.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/Pages.h"

namespace tessera::web::portal {

namespace {

std::optional<core::TermsKind> kindFromSlug(const std::string& slug) {
    if (slug == "terms-of-service") return core::TermsKind::TermsOfService;
    if (slug == "privacy-policy") return core::TermsKind::PrivacyPolicy;
    if (slug == "data-collection") return core::TermsKind::DataCollection;
    return std::nullopt;
}

// Paragraphs are separated by blank lines (single line breaks count too).
PageData paragraphs(const std::string& body) {
    PageData list = PageData::list();
    std::istringstream in(body);
    std::string line;
    while (std::getline(in, line))
        if (line.find_first_not_of(" \t\r") != std::string::npos) list.push(PageData::text(line));
    return list;
}

void showPolicy(Page& page) {
    const auto kind = kindFromSlug(page.request().param("kind"));
    if (!kind) return page.renderError(404);
    auto documents = core::TermsService(page.services()).current(page.language());
    if (!documents) throw std::runtime_error("the terms in force cannot be read: " + documents.error().message);
    for (const auto& document : *documents) {
        if (document.kind != *kind) continue;
        page.data()
            .set("heading", document.title)
            .set("documentLang", document.language)
            .set("version", page.t()("policies.version", {{"version", std::to_string(document.version)},
                                                          {"date", dateText(page.t(), document.effectiveAt)}}))
            .set("paragraphs", paragraphs(document.body));
        return page.render("policy", "policies.title." + core::toString(*kind));
    }
    page.renderError(404);
}

}  // namespace

void registerPolicyPages(PortalRouter& pages) { pages.get(std::string(paths::kPolicies) + "/{kind}", showPolicy); }

}  // namespace tessera::web::portal
