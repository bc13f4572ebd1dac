// The terms interstitial (/accept-terms): a signed-in citizen who has not accepted a document
// in force (or accepted it too long ago) is sent here before anything else (PortalAuth.cpp),
// with next= the page they were going to. It shows what changed in each such document, links
// to read it, and one box accepts the versions shown; then on to "next" (same-site only).
#include "core/terms/TermsService.h"
#include "core/terms/TermsStore.h"
#include "web/portal/DateText.h"
#include "web/portal/PageResponse.h"
#include "web/portal/PortalAuth.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/Pages.h"
#include "web/portal/pages/SignUpForms.h"

namespace tessera::web::portal {

namespace {

using namespace signup;

const std::string kAccept = "accept", kTermsId = "termsId";

std::vector<FieldSpec> acceptFields() { return {choiceField(kAccept, "accept_terms.label", "checkbox")}; }

std::string policyPath(core::TermsKind kind) {
    switch (kind) {
        case core::TermsKind::TermsOfService: return paths::kTermsOfService;
        case core::TermsKind::PrivacyPolicy: return paths::kPrivacyPolicy;
        case core::TermsKind::DataCollection: return paths::kDataCollectionPolicy;
    }
    return paths::kTermsOfService;
}

// The documents in force that are due: a version the citizen never accepted (with what
// changed), or one they accepted too long ago. All of them are accepted together.
void renderTerms(Page& page, const CurrentSession& session, const FormView& form,
                 const std::optional<std::string>& next, int status) {
    auto& services = page.services();
    auto documents = core::TermsService(services).current(page.language());
    if (!documents) throw std::runtime_error("the terms in force cannot be read: " + documents.error().message);
    const std::int64_t now = services.clock.now();
    std::vector<core::InForceAcceptance> acceptances;
    {
        Poco::Data::Session s = services.db.session();
        acceptances = core::TermsStore(services.db).acceptanceOfInForce(s, session.session.accountId, now);
    }
    // nullopt: this version was never accepted; else when it was.
    auto acceptedAt = [&](const core::TermsDocument& d) -> std::optional<std::int64_t> {
        for (const auto& a : acceptances)
            if (a.kind == d.kind && a.version == d.version) return a.acceptedAt;
        return std::nullopt;
    };
    const std::int64_t maxAge = services.settings.termsReacceptanceDays * 86400;

    PageData list = PageData::list(), ids = PageData::list();
    bool anyChanged = false;
    for (const auto& d : *documents) {
        ids.push(PageData::text(d.id));
        const auto at = acceptedAt(d);
        const bool changed = !at.has_value();
        if (!changed && now - *at <= maxAge) continue;  // accepted, and recently: not due
        anyChanged = anyChanged || changed;
        PageData item;
        item.set("title", d.title)
            .set("documentLang", d.language == page.language() ? std::string() : d.language)
            .set("version", page.t()("policies.version", {{"version", std::to_string(d.version)},
                                                          {"date", dateText(page.t(), d.effectiveAt)}}))
            .set("changed", changed)
            .set("summary", d.summaryOfChanges)
            .set("href", policyPath(d.kind))
            .set("readLink", page.t()("accept_terms.read", {{"title", d.title}}));
        list.push(item);
    }
    PageData box;
    box.set("legend", page.t()("accept_terms.legend")).set("checkboxLabel", page.t()("accept_terms.label"));
    page.data()
        .set("documents", list)
        .set("termsIds", ids)
        .set("anyChanged", anyChanged)
        .set("acceptBox", box)
        .set("next", next.value_or(""))
        .set("formAction", paths::kAcceptTerms);
    page.render("accept-terms", anyChanged ? "accept_terms.title" : "accept_terms.title_review", form, status);
}

void showAcceptTerms(Page& page) {
    const auto next = page.next();
    auto session = page.requireSignedIn(/*allowTermsPending=*/true);
    if (!session) return;
    if (!core::TermsService(page.services()).acceptanceRequired(session->session.accountId))
        return page.redirect(returnPathOr(next, paths::kAccount));
    renderTerms(page, *session, page.formView(acceptFields()), next, 200);
}

void submitAcceptTerms(Page& page) {
    const FormFields posted = page.postedForm();
    const auto next = page.next(&posted);
    auto session = page.requireSignedIn(/*allowTermsPending=*/true);
    if (!session) return;
    FormView form = page.formView(acceptFields());
    form.keep(posted);
    if (!page.csrfValid(posted)) return renderTerms(page, *session, form.expired(), next, 400);
    if (posted.value(kAccept) != kTicked) {
        form.fieldError(kAccept, "accept_terms.errors.accept.required");
        return renderTerms(page, *session, form, next, 400);
    }
    const Status accepted = core::TermsService(page.services())
                                .acceptNow(session->session.accountId, posted.values(kTermsId),
                                           page.request().clientAddress);
    if (!accepted) {
        form.value(kAccept, "");  // the versions shown now are new: read and tick again
        showRefusal(page.t(), form, accepted.error(), "accept_terms", {}, kAccept);
        return renderTerms(page, *session, form, next, failedFormStatus(accepted.error()));
    }
    page.redirect(returnPathOr(next, paths::kAccount));
}

}  // namespace

void registerAcceptTermsPage(PortalRouter& pages) {
    pages.get(paths::kAcceptTerms, showAcceptTerms);
    pages.post(paths::kAcceptTerms, submitAcceptTerms);
}

}  // namespace tessera::web::portal
