#include "web/oidc/AuthorizationFlow.h"

#include <Poco/Logger.h>

#include <algorithm>

#include "core/oidc/AcrPolicy.h"
#include "core/oidc/AuthorizationDecision.h"
#include "core/oidc/AuthorizationResponse.h"
#include "core/oidc/ConsentService.h"
#include "core/oidc/PendingAuthorization.h"
#include "core/services/WorkstationClient.h"
#include "core/sessions/SessionService.h"
#include "core/terms/TermsService.h"
#include "web/portal/Form.h"
#include "web/Authentication.h"
#include "web/oidc/PendingResume.h"
#include "web/portal/Language.h"
#include "web/portal/PortalAuth.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/pages/AuthorizePages.h"

namespace tessera::web::oidc {

namespace {

namespace paths = portal::paths;
using core::oidc::AuthorizationRequest;
using core::oidc::AuthorizationStep;

bool has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

void sendError(portal::Page& page, core::oidc::Provider& provider, const AuthorizationRequest& request,
               const std::string& error, const std::string& description, Arrival arrival) {
    sendToService(page, request.service.name,
                  core::oidc::errorRedirect(request.redirectUri, error, description, request.state,
                                            provider.settings().issuer),
                  arrival);
}

// The way back here after signing in or accepting terms, or nullopt after answering the
// service that its request is too large to carry through sign-in.
std::optional<std::string> resumePath(portal::Page& page, core::oidc::Provider& provider,
                                      const AuthorizationRequest& request, const AuthorizationAttempt& attempt,
                                      std::int64_t signInAskedAt) {
    auto path = resumePathFor(page.request(), page.services(), {request.parameters, signInAskedAt, 0});
    if (!path)
        sendError(page, provider, request, "invalid_request",
                  "The request is too large to carry through sign-in; send fewer or shorter parameters.",
                  attempt.arrival);
    return path;
}

core::oidc::CitizenState citizenState(portal::Page& page, const AuthorizationRequest& request,
                                      const AuthorizationAttempt& attempt) {
    auto& services = page.services();
    core::oidc::CitizenState citizen;
    citizen.now = services.clock.now();
    citizen.signInAskedAt = attempt.signInAskedAt;
    // The platform's own workstation is first party and receives no claims: nothing to consent to.
    citizen.consentJustGiven = attempt.consentJustGiven || core::isWorkstationClient(request.service, services.settings);
    const auto& visitor = page.visitor();
    if (!visitor) return citizen;
    citizen.session = visitor->session;
    citizen.account = services.accounts.findById(visitor->session.accountId);
    if (visitor->session.stage != core::SessionStage::Authenticated || !citizen.account) return citizen;
    citizen.termsPending = core::TermsService(services).acceptanceRequired(citizen.account->id);
    citizen.consent = core::oidc::ConsentService(services).inForce(citizen.account->id, request.service.id);
    return citizen;
}

void toSignIn(portal::Page& page, core::oidc::Provider& provider, const AuthorizationRequest& request,
              const AuthorizationAttempt& attempt, bool fresh) {
    auto& services = page.services();
    const auto& visitor = page.visitor();
    // A fresh sign-in (prompt=login, max_age): the sign-in pages send a signed-in citizen
    // straight on, so the session ends first. The time asked is remembered in the resume
    // address: a session authenticated since then satisfies the request, so it cannot loop.
    if (fresh && visitor && visitor->session.stage == core::SessionStage::Authenticated) {
        const core::Caller caller{visitor->session, visitor->token, page.request().clientAddress};
        if (auto ended = core::SessionService(services).signOut(caller); !ended)
            throw std::runtime_error("the session could not be ended for a fresh sign-in: " + ended.error().message);
        clearSessionCookie(page.request(), services);
    }
    auto path = resumePath(page, provider, request, attempt, services.clock.now());
    if (!path) return;
    std::string signIn = portal::signInPathReturningTo(*path);
    // login_hint (already checked to be an email address): the service knows who is coming,
    // so the sign-in form starts with that address filled in.
    if (!request.loginHint.empty())
        signIn += std::string(signIn.find('?') == std::string::npos ? "?" : "&") + "email=" +
                  portal::formEncode(request.loginHint);
    page.redirect(signIn);
}

void showStepUp(portal::Page& page, core::oidc::Provider& provider, const AuthorizationRequest& request,
                const AuthorizationAttempt& attempt, const core::oidc::CitizenState& citizen) {
    portal::StepUpPageView view;
    view.serviceName = request.service.name;
    view.requiredLevel = toInt(request.requiredLoa);
    view.heldLevel = toInt(core::oidc::acr::loaOf(citizen.account->loa));
    if (page.hasPage(paths::kVerifyIdentity)) {
        auto back = resumePathFor(page.request(), page.services(), {request.parameters, attempt.signInAskedAt, 0});
        view.verifyLink = portal::withNext(paths::kVerifyIdentity, back);
    }
    // Back to the service without signing in: it learns why (OpenID Connect Core errata's
    // unmet_authentication_requirements), as it would with prompt=none.
    view.returnLink = core::oidc::errorRedirect(request.redirectUri, "unmet_authentication_requirements",
                                                "The citizen's level of assurance is below the one required.",
                                                request.state, provider.settings().issuer);
    portal::renderStepUpPage(page, view);
}

// The consent page's items for these claims: verified_claims reads "that your identity was
// verified, and how" (the verified details it carries follow as items of their own).
std::vector<std::string> consentItems(std::vector<std::string> claims) {
    for (auto& claim : claims)
        if (claim == "verified_claims") claim = "identity_verified";
    return claims;
}

void showConsent(portal::Page& page, const AuthorizationRequest& request, const AuthorizationAttempt& attempt,
                 const core::oidc::CitizenState& citizen) {
    auto session = page.requireStage({core::SessionStage::Authenticated}, paths::kSignIn);
    if (!session) return;
    core::oidc::PendingAuthorization pending{request.parameters, attempt.signInAskedAt, page.services().clock.now()};
    portal::ConsentPageView view;
    view.serviceName = request.service.name;
    std::tie(view.reasonLanguage, view.reason) = core::oidc::consentTextFor(request.service, page.language());
    view.claims = consentItems(request.claims);
    view.offlineAccess = has(request.scopes, "offline_access");
    if (citizen.consent) {
        view.askedBefore = true;
        view.agreedClaims = consentItems(citizen.consent->claims);
        view.offlineAccessNew = !has(citizen.consent->scopes, "offline_access");
    }
    view.accountName = citizen.account->preferredName.empty() ? citizen.account->name : citizen.account->preferredName;
    view.accountEmail = citizen.account->email;
    view.pendingToken = core::oidc::sealPending(page.services().dataKey, pending, core::oidc::kPendingConsent,
                                                session->session.publicId);
    view.formAction = paths::kAuthorizeConsent;
    portal::FormView form = portal::consentForm(page);
    if (!attempt.consentFormError.empty()) form.fieldError("decision", attempt.consentFormError);
    portal::renderConsentPage(page, view, form, attempt.consentFormError.empty() ? 200 : 400);
}

void issueCode(portal::Page& page, core::oidc::Provider& provider, const AuthorizationRequest& request,
               const AuthorizationAttempt& attempt, const core::oidc::CitizenState& citizen) {
    auto session = page.requireStage({core::SessionStage::Authenticated}, paths::kSignIn);
    if (!session) return;
    auto issued = provider.codeGrant().issue(core::oidc::codeRequestFor(
        request, session->session, *citizen.account, core::oidc::AcrValues::of(page.services())));
    if (!issued) {
        Poco::Logger::get("tessera.oidc")
            .error("authorization code not issued (request " + page.request().requestId + "): " + issued.error().message);
        return sendError(page, provider, request, "server_error", "The authorization code could not be issued.",
                         attempt.arrival);
    }
    sendToService(page, request.service.name,
                  core::oidc::codeRedirect(request.redirectUri, issued->code, request.state, provider.settings().issuer),
                  attempt.arrival);
}

}  // namespace

std::optional<AuthorizationRequest> checkRequest(portal::Page& page, core::oidc::Provider& provider,
                                                 const core::oidc::AuthorizationParameters& parameters,
                                                 Arrival arrival) {
    core::ServiceStore services(page.services().db);
    auto parsed = core::oidc::parseAuthorizationRequest(parameters, services, core::oidc::AcrValues::of(page.services()));
    if (auto* request = std::get_if<AuthorizationRequest>(&parsed)) return std::move(*request);
    const auto& error = std::get<core::oidc::AuthorizationError>(parsed);
    if (!error.redirectable) {
        portal::renderAuthorizeErrorPage(page, false, error.error, error.description);
    } else {
        sendToService(page, error.serviceName, core::oidc::errorRedirect(error, provider.settings().issuer), arrival);
    }
    return std::nullopt;
}

portal::Page& inRequestLanguage(portal::Page& entry, const AuthorizationRequest& request,
                                std::optional<portal::Page>& holder) {
    auto& http = entry.request().http;
    if (request.uiLanguage.empty() || request.uiLanguage == entry.language() ||
        entry.request().cookie(portal::kLanguageCookie))
        return entry;
    // The language the citizen is using at the service right now: it comes before their
    // account's and their browser's, but after a choice they made here (the language links'
    // cookie). It applies to this answer only, as if this one request carried that choice.
    const std::string cookies = http.get("Cookie", "");
    http.set("Cookie", (cookies.empty() ? "" : cookies + "; ") + portal::kLanguageCookie + "=" + request.uiLanguage);
    holder.emplace(entry.portal(), entry.request());
    return *holder;
}

void takeNextStep(portal::Page& page, core::oidc::Provider& provider, const AuthorizationRequest& request,
                  const AuthorizationAttempt& attempt) {
    const auto citizen = citizenState(page, request, attempt);
    const auto decision = core::oidc::decide(request, citizen);
    // A consent form that could not be trusted never leads on to a code.
    if (!attempt.consentFormError.empty() &&
        (decision.step == AuthorizationStep::Consent || decision.step == AuthorizationStep::IssueCode))
        return showConsent(page, request, attempt, citizen);
    if (!decision.error.empty())
        return sendError(page, provider, request, decision.error, decision.description, attempt.arrival);
    switch (decision.step) {
        case AuthorizationStep::SignIn: return toSignIn(page, provider, request, attempt, decision.freshSignIn);
        case AuthorizationStep::AcceptTerms:
            if (auto path = resumePath(page, provider, request, attempt, attempt.signInAskedAt))
                page.redirect(portal::withNext(paths::kAcceptTerms, *path));
            return;
        case AuthorizationStep::StepUp: return showStepUp(page, provider, request, attempt, citizen);
        case AuthorizationStep::Consent: return showConsent(page, request, attempt, citizen);
        case AuthorizationStep::IssueCode: return issueCode(page, provider, request, attempt, citizen);
    }
}

void continueAuthorization(portal::Page& page, core::oidc::Provider& provider, const AuthorizationAttempt& attempt) {
    auto request = checkRequest(page, provider, attempt.parameters, attempt.arrival);
    if (!request) return;
    std::optional<portal::Page> localized;
    takeNextStep(inRequestLanguage(page, *request, localized), provider, *request, attempt);
}

void sendToService(portal::Page& page, const std::string& serviceName, const std::string& location, Arrival arrival) {
    if (arrival == Arrival::AfterForm) return portal::renderContinueToService(page, serviceName, location);
    auto& response = page.request().response;
    response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_FOUND);
    response.set("Location", location);
    response.setContentLength(0);
    response.send();
}

}  // namespace tessera::web::oidc
