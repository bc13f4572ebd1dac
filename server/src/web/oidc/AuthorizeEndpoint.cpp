#include "web/oidc/AuthorizeEndpoint.h"

#include <stdexcept>

#include "core/oidc/AuthorizationResponse.h"
#include "core/oidc/ConsentService.h"
#include "core/oidc/PendingAuthorization.h"
#include "web/oidc/AuthorizationFlow.h"
#include "web/oidc/FormBody.h"
#include "web/oidc/PendingResume.h"
#include "web/portal/Form.h"
#include "web/portal/PortalPaths.h"
#include "web/portal/PortalRouter.h"
#include "web/portal/pages/AuthorizePages.h"

namespace tessera::web::oidc {

namespace {

namespace paths = portal::paths;
using core::oidc::AuthorizationParameters;
using portal::Page;

// "a=1&b=x+y" decoded, in order, repeats kept (the core refuses them); nullopt on a bad %-escape.
std::optional<AuthorizationParameters> decodeParameters(const std::string& text) {
    AuthorizationParameters out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('&', start);
        if (end == std::string::npos) end = text.size();
        const std::string pair = text.substr(start, end - start);
        start = end + 1;
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        auto name = formDecode(pair.substr(0, eq));
        auto value = formDecode(eq == std::string::npos ? std::string() : pair.substr(eq + 1));
        if (!name || !value) return std::nullopt;
        out.emplace_back(std::move(*name), std::move(*value));
    }
    return out;
}

// Raw requests larger than this are refused before decoding (the core's limit is on the decoded text).
constexpr std::size_t kMaxEncodedRequestBytes = 3 * core::oidc::kMaxAuthorizationRequestBytes;

void malformed(Page& page) {
    portal::renderAuthorizeErrorPage(page, false, "invalid_request",
                                     "The parameters are not correctly form-encoded, or are too large.");
}

void authorize(Page& page, core::oidc::Provider& provider) {
    const std::string& query = page.request().query;
    auto parameters = query.size() <= kMaxEncodedRequestBytes ? decodeParameters(query) : std::nullopt;
    if (!parameters) return malformed(page);
    continueAuthorization(page, provider, {std::move(*parameters), 0, Arrival::FromService, false, {}});
}

// A form-posted authorization request becomes the same request as a GET.
void authorizeByPost(Page& page) {
    auto& r = page.request();
    if (r.mediaType() != "application/x-www-form-urlencoded" || r.body.size() > kMaxEncodedRequestBytes)
        return malformed(page);
    auto parameters = decodeParameters(r.body);
    if (!parameters) return malformed(page);
    std::string query;
    for (const auto& [name, value] : *parameters)
        query += (query.empty() ? "" : "&") + portal::formEncode(name) + "=" + portal::formEncode(value);
    r.response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_SEE_OTHER);
    r.response.set("Location", std::string(paths::kAuthorize) + "?" + query);
    r.response.setContentLength(0);
    r.response.send();
}

void resume(Page& page, core::oidc::Provider& provider) {
    auto pending = resumedRequest(page.request(), page.services());
    if (!pending) return portal::renderAuthorizeErrorPage(page, true, "", "");
    continueAuthorization(page, provider, {std::move(pending->parameters), pending->signInAskedAt, Arrival::AfterForm,
                                           false, {}});
}

// The consent form: Allow stores the consent and goes on to the code; Do not allow tells the
// service access_denied. A post that fails its CSRF check, or names no decision, shows the
// page again and changes nothing.
void answerConsent(Page& entry, core::oidc::Provider& provider) {
    auto& services = entry.services();
    const portal::FormFields posted = entry.postedForm();
    const auto& visitor = entry.visitor();
    if (!visitor || visitor->session.stage != core::SessionStage::Authenticated)
        return portal::renderAuthorizeErrorPage(entry, true, "", "");
    auto pending = core::oidc::openPending(services.dataKey, posted.value("pending"), core::oidc::kPendingConsent,
                                           visitor->session.publicId, services.clock.now(), kPendingConsentSeconds);
    if (!pending) return portal::renderAuthorizeErrorPage(entry, true, "", "");
    auto session = entry.requireStage({core::SessionStage::Authenticated}, paths::kSignIn);
    if (!session) return;

    AuthorizationAttempt attempt{pending->parameters, pending->signInAskedAt, Arrival::AfterForm, false, {}};
    const std::string decision = posted.value("decision");
    if (!entry.csrfValid(posted)) attempt.consentFormError = "errors.form_expired";
    else if (decision != "allow" && decision != "deny") attempt.consentFormError = "consent.errors.decision.required";
    auto request = checkRequest(entry, provider, attempt.parameters, attempt.arrival);
    if (!request) return;
    std::optional<Page> localized;
    Page& page = inRequestLanguage(entry, *request, localized);
    if (!attempt.consentFormError.empty()) return takeNextStep(page, provider, *request, attempt);

    core::oidc::ConsentAnswer answer;
    answer.accountId = session->session.accountId;
    answer.service = &request->service;
    answer.scopes = request->scopes;
    answer.claims = request->claims;
    answer.language = page.language();
    answer.textShown = core::oidc::consentTextFor(request->service, page.language()).second;
    answer.sessionPublicId = session->session.publicId;
    answer.clientAddress = page.request().clientAddress;
    core::oidc::ConsentService consents(services);
    if (decision == "deny") {
        if (auto refused = consents.refuse(answer); !refused)
            throw std::runtime_error("the refusal could not be recorded: " + refused.error().message);
        return sendToService(page, request->service.name,
                             core::oidc::errorRedirect(request->redirectUri, "access_denied",
                                                       "The citizen did not allow the service to sign them in.",
                                                       request->state, provider.settings().issuer),
                             Arrival::AfterForm);
    }
    if (auto given = consents.give(answer); !given)
        throw std::runtime_error("the consent could not be stored: " + given.error().message);
    attempt.consentJustGiven = true;
    takeNextStep(page, provider, *request, attempt);
}

}  // namespace

void registerAuthorizeEndpoint(Router& router, const ProviderPtr& provider) {
    auto created = portal::Portal::create(provider->context(), router);
    if (!created) throw std::runtime_error("The authorization endpoint's pages cannot start: " + created.error().message);
    portal::PortalRouter pages(router, *created);
    pages.get(paths::kAuthorize, [provider](Page& page) { authorize(page, *provider); });
    pages.post(paths::kAuthorize, authorizeByPost);
    pages.get(paths::kAuthorizeResume, [provider](Page& page) { resume(page, *provider); });
    pages.post(paths::kAuthorizeConsent, [provider](Page& page) { answerConsent(page, *provider); });
}

}  // namespace tessera::web::oidc
