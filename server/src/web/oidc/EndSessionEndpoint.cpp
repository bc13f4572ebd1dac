#include "web/oidc/EndSessionEndpoint.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPResponse.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>

#include "web/Authentication.h"
#include "web/oidc/FormBody.h"
#include "web/portal/Form.h"
#include "web/portal/Language.h"
#include "web/portal/Portal.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/PortalRouter.h"
#include "web/portal/pages/SignOutOfServicesPage.h"

namespace tessera::web::oidc {

namespace {

using core::SessionStage;
using core::oidc::EndSessionPlan;
using core::oidc::OidcLogout;
using portal::Page;
using LogoutPtr = std::shared_ptr<OidcLogout>;

const std::initializer_list<SessionStage> kAnyStage{SessionStage::PendingEmail, SessionStage::PendingSecondFactorSetup,
                                                    SessionStage::PendingSecondFactor, SessionStage::Authenticated};

// The parameters this endpoint reads, in the order the confirmation form carries them.
constexpr const char* kParameterNames[] = {"id_token_hint", "client_id", "post_logout_redirect_uri", "state",
                                           "ui_locales"};

struct LogoutParameters {
    core::oidc::EndSessionRequest request;
    std::string uiLocales;
    std::vector<std::pair<std::string, std::string>> present;  // the ones sent (not empty)
};

// GET: the query; POST: the form body. Invalid "invalid_request" for a repeated parameter or a
// bad escape. Parameters sent empty count as absent.
Result<LogoutParameters> readParameters(const Request& r) {
    auto form = r.method == "POST" ? FormBody::parse(r) : FormBody::parseText(r.query);
    if (!form) return form.error();
    LogoutParameters p;
    for (const char* name : kParameterNames)
        if (auto value = form->get(name)) p.present.emplace_back(name, *value);
    auto value = [&](const char* name) { return form->get(name).value_or(std::string()); };
    p.request.idTokenHint = value("id_token_hint");
    p.request.clientId = value("client_id");
    p.request.postLogoutRedirectUri = value("post_logout_redirect_uri");
    p.request.state = value("state");
    p.uiLocales = value("ui_locales");
    return p;
}

// ui_locales (BCP 47 tags, most wanted first): the language the citizen is using at the
// service right now. As on the authorization pages, it comes before the account's and the
// browser's language but after a choice made here (the language links' cookie), and applies
// to this answer only. True when it named a language the portal has.
bool preferUiLocales(Request& r, const std::string& uiLocales) {
    if (r.cookie(portal::kLanguageCookie)) return false;
    std::istringstream tags(uiLocales.substr(0, 256));
    std::string tag;
    while (tags >> tag) {
        std::string primary = tag.substr(0, tag.find('-'));
        std::transform(primary.begin(), primary.end(), primary.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        if (portal::isPortalLanguage(primary)) {
            const std::string cookies = r.http.get("Cookie", "");
            r.http.set("Cookie", (cookies.empty() ? "" : cookies + "; ") + portal::kLanguageCookie + "=" + primary);
            return true;
        }
    }
    return false;
}

// Runs `answer` with a page in the language ui_locales asks for, when it asks for one.
template <class Answer>
void inRequestedLanguage(Page& page, const LogoutParameters& params, Answer answer) {
    if (!preferUiLocales(page.request(), params.uiLocales)) return answer(page);
    Page localized(page.portal(), page.request());
    answer(localized);
}

// 303 to a registered post-logout redirect URI (another site: not a safe return path).
void seeOther(Request& r, const std::string& location) {
    r.response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_SEE_OTHER);
    r.response.set("Location", location);
    r.response.setContentLength(0);
    r.response.send();
}

void refuse(Page& page, const Error& error) {
    // The message names the rule broken, never a token.
    Poco::Logger::get("tessera.oidc")
        .information("end-session request refused (" + error.code + "): " + error.message + " [request " +
                     page.request().requestId + "]");
    portal::renderSignOutRequestRefused(page);
}

void finish(Page& page, const EndSessionPlan& plan) {
    const std::string location = plan.redirectLocation();
    if (location.empty()) return page.redirect(kEndSessionDonePath);
    seeOther(page.request(), location);
}

void signOutAndFinish(Page& page, OidcLogout& logout, const CurrentSession& session, const EndSessionPlan& plan,
                      bool asked) {
    auto ended =
        logout.endSession().signOut({session.session, session.token, page.request().clientAddress}, plan, asked);
    // NotFound: it ended meanwhile (another tab), which is what was asked.
    if (!ended && ended.error().kind != ErrorKind::NotFound)
        throw std::runtime_error("RP-initiated sign-out failed: " + ended.error().message);
    clearSessionCookie(page.request(), page.services());
    finish(page, plan);
}

void ask(Page& page, OidcLogout& logout, const LogoutParameters& params, const EndSessionPlan& plan,
         const CurrentSession& session, const std::string& problemKey = "") {
    portal::SignOutOfServicesQuestion question;
    question.requestingService = plan.service ? plan.service->name : std::string();
    question.services = logout.endSession().servicesSignedInThrough(session.session);
    question.carried = params.present;
    question.action = kEndSessionConfirmPath;
    portal::renderSignOutOfServicesQuestion(page, question, problemKey);
}

void answerRequest(Page& page, OidcLogout& logout, const LogoutParameters& params) {
    auto plan = logout.endSession().check(params.request);
    if (!plan) return refuse(page, plan.error());
    const auto visitor = page.visitor();
    if (!visitor) return finish(page, *plan);  // nobody to sign out here
    if (logout.endSession().endsWithoutAsking(*plan, visitor->session))
        return signOutAndFinish(page, logout, *visitor, *plan, /*asked=*/false);
    auto session = page.requireStage(kAnyStage, kEndSessionDonePath);
    if (!session) return;
    ask(page, logout, params, *plan, *session);
}

void answerDecision(Page& page, OidcLogout& logout, const LogoutParameters& params) {
    auto plan = logout.endSession().check(params.request);
    if (!plan) return refuse(page, plan.error());
    if (!page.visitor()) return finish(page, *plan);  // signed out meanwhile
    auto session = page.requireStage(kAnyStage, kEndSessionDonePath);
    if (!session) return;
    const portal::FormFields posted = page.postedForm();
    if (!page.csrfValid(posted)) return ask(page, logout, params, *plan, *session, "errors.form_expired");
    const std::string decision = posted.value("decision");
    if (decision == "sign-out") return signOutAndFinish(page, logout, *session, *plan, /*asked=*/true);
    if (decision == "stay") {
        const std::string location = plan->redirectLocation();
        if (location.empty()) return page.redirect(portal::paths::kAccount);
        return seeOther(page.request(), location);
    }
    ask(page, logout, params, *plan, *session, "sign_out_of_services.choose");
}

void handleRequest(Page& page, const LogoutPtr& logout) {
    auto params = readParameters(page.request());
    if (!params) return refuse(page, params.error());
    inRequestedLanguage(page, *params, [&](Page& p) { answerRequest(p, *logout, *params); });
}

// A service's logout request sent as a form post: the same request as a GET, so that the
// browser sends the session cookie (SameSite=Lax cookies go with cross-site GET navigations only).
void redirectPostToGet(Page& page) {
    auto params = readParameters(page.request());
    if (!params) return refuse(page, params.error());
    std::string query;
    for (const auto& [name, value] : params->present)
        query += (query.empty() ? "?" : "&") + portal::formEncode(name) + "=" + portal::formEncode(value);
    seeOther(page.request(), std::string(kEndSessionPath) + query);
}

void handleDecision(Page& page, const LogoutPtr& logout) {
    auto params = readParameters(page.request());
    if (!params) return refuse(page, params.error());
    inRequestedLanguage(page, *params, [&](Page& p) { answerDecision(p, *logout, *params); });
}

void showDone(Page& page) {
    if (page.visitor()) return page.redirect(portal::paths::kSignOut);  // still signed in: offer to sign out
    portal::renderSignedOutOfServices(page);
}

}  // namespace

void registerEndSessionEndpoint(Router& router, Services& services, std::shared_ptr<OidcLogout> logout) {
    auto created = portal::Portal::create(services, router);
    if (!created) throw std::runtime_error("The end-session endpoint cannot start: " + created.error().message);
    portal::PortalRouter pages(router, *created);
    pages.get(kEndSessionPath, [logout](Page& page) { handleRequest(page, logout); });
    pages.post(kEndSessionPath, redirectPostToGet);
    pages.post(kEndSessionConfirmPath, [logout](Page& page) { handleDecision(page, logout); });
    pages.get(kEndSessionDonePath, showDone);
}

}  // namespace tessera::web::oidc
