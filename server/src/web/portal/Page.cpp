#include "web/portal/Page.h"

#include <Poco/URI.h>

#include "core/accounts/ProfileService.h"
#include "web/portal/FormCsrf.h"
#include "web/portal/Language.h"
#include "web/portal/PageResponse.h"
#include "web/portal/PortalAuth.h"
#include "web/portal/PortalPaths.h"

namespace tessera::web::portal {

namespace {

std::string languageFor(const Portal& portal, const Request& r, const std::optional<CurrentSession>& visitor) {
    LanguageSignals signals;
    signals.cookie = r.cookie(kLanguageCookie);
    if (!(signals.cookie && isPortalLanguage(*signals.cookie)) && visitor &&
        visitor->session.stage == core::SessionStage::Authenticated) {
        if (auto account = core::ProfileService(portal.services()).view(visitor->session.accountId))
            signals.accountLanguage = account->language;
    }
    signals.acceptLanguage = r.header("Accept-Language");
    return chooseLanguage(signals);
}

// This page's address with ?lang=<code> (other query parameters kept, an older lang dropped).
std::string languageLink(const Request& r, std::string_view code) {
    std::string path;
    Poco::URI::encode(r.path, "?#", path);
    std::string query;
    const FormFields parameters = FormFields::parse(r.query);
    for (const auto& [name, value] : parameters.all())
        if (name != kLanguageParameter) query += formEncode(name) + "=" + formEncode(value) + "&";
    return path + "?" + query + kLanguageParameter + "=" + std::string(code);
}

PageData pathsData() {
    PageData p;
    p.set("start", paths::kStart)
        .set("signIn", paths::kSignIn)
        .set("signInCode", paths::kSignInCode)
        .set("signInRecoveryCode", paths::kSignInRecoveryCode)
        .set("signOut", paths::kSignOut)
        .set("account", paths::kAccount)
        .set("createAccount", paths::kCreateAccount)
        .set("forgottenPassword", paths::kForgottenPassword)
        .set("termsOfService", paths::kTermsOfService)
        .set("privacyPolicy", paths::kPrivacyPolicy)
        .set("dataCollectionPolicy", paths::kDataCollectionPolicy);
    return p;
}

}  // namespace

Page::Page(const Portal& portal, Request& r)
    : portal_(portal), r_(r), visitor_(currentSession(r, portal.services(), /*touch=*/false)),
      t_(portal.messages(), languageFor(portal, r, visitor_)) {}

std::optional<CurrentSession> Page::requireSignedIn(bool allowTermsPending) {
    required_ = requireSignedInPage(r_, services(), allowTermsPending);
    return required_;
}

std::optional<CurrentSession> Page::requireStage(std::initializer_list<core::SessionStage> stages,
                                                const std::string& otherwise) {
    required_ = requirePageStage(r_, services(), stages, otherwise);
    return required_;
}

const std::string& Page::csrfToken() {
    if (!csrf_) csrf_ = required_ ? required_->session.csrfToken : anonymousFormToken(r_, services());
    return *csrf_;
}

bool Page::csrfValid(const FormFields& posted) {
    return required_ ? sessionFormTokenValid(required_->session, posted)
                     : anonymousFormTokenValid(r_, services(), posted);
}

std::optional<std::string> Page::next(const FormFields* posted) const {
    std::optional<std::string> candidate;
    if (posted && posted->has("next")) candidate = posted->value("next");
    else candidate = r_.queryParam("next");
    if (!candidate) return std::nullopt;
    return safeReturnPath(*candidate);
}

PageData Page::layoutData(const std::string& titleKey, bool hasErrors) {
    const bool signedIn = visitor_ && visitor_->session.stage == core::SessionStage::Authenticated;
    std::string title = t_(titleKey) + " – " + portal_.branding().organisationName;
    if (hasErrors) title = t_("common.error_title_prefix") + " " + title;

    PageData languages = PageData::list();
    for (const auto& language : portalLanguages()) {
        PageData item;
        item.set("code", std::string(language.code))
            .set("name", std::string(language.endonym))
            .set("href", languageLink(r_, language.code))
            .set("current", language.code == t_.language());
        languages.push(item);
    }

    PageData root;
    root.set("t", portal_.messages().tree(t_.language()))
        .set("lang", t_.language())
        .set("title", title)
        .set("org", portal_.branding().data())
        .set("assets", portal_.assets().prefix())
        .set("paths", pathsData())
        .set("languages", languages)
        .set("signedIn", signedIn)
        .set("signOutCsrf", signedIn ? visitor_->session.csrfToken : std::string())
        .set("phaseTag", portal_.branding().phase.empty() ? std::string() : t_("phase." + portal_.branding().phase));
    return root;
}

void Page::send(const std::string& name, PageData root, int status) {
    root.merge(data_);
    auto content = portal_.templates().render("pages/" + name, root);
    if (!content) throw std::runtime_error(content.error().message);
    root.set("content", *content);
    auto html = portal_.templates().render("layout", root);
    if (!html) throw std::runtime_error(html.error().message);
    r_.response.set("Content-Language", t_.language());
    sendHtml(r_, status, *html, portal_.contentSecurityPolicy() + cspExtra_);
}

void Page::render(const std::string& name, const std::string& titleKey, int status) {
    send(name, layoutData(titleKey, false), status);
}

void Page::render(const std::string& name, const std::string& titleKey, const FormView& form, int status) {
    PageData root = layoutData(titleKey, form.hasErrors());
    root.set("form", form.data()).set("csrf", csrfToken());
    send(name, std::move(root), status);
}

void Page::renderError(int status) {
    std::string kind = "server_error";
    if (status == 404) kind = "not_found";
    else if (status == 403) kind = "forbidden";
    else if (status == 429) kind = "too_many_requests";
    else if (status == 503) kind = "unavailable";
    data_.set("heading", t_("error_pages." + kind + ".title"))
        .set("body", t_("error_pages." + kind + ".body"))
        .set("reference", t_("error_pages.reference", {{"reference", r_.requestId}}));
    render("error", "error_pages." + kind + ".title", status);
}

void Page::redirect(const std::string& location) { redirectTo(r_, location); }

}  // namespace tessera::web::portal
