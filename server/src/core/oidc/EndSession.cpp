#include "core/oidc/EndSession.h"

#include <Poco/URI.h>

#include <algorithm>

#include "core/services/UrlRules.h"
#include "core/sessions/SessionService.h"

namespace tessera::core::oidc {

namespace {

Error refused(const std::string& code, const std::string& message) { return Error::invalid(code, message); }

}  // namespace

std::string EndSessionPlan::redirectLocation() const {
    if (redirectUri.empty()) return {};
    if (state.empty()) return redirectUri;
    std::string encoded;
    Poco::URI::encode(state, "!#$&'()*+,/:;=?@[]", encoded);
    return redirectUri + (redirectUri.find('?') == std::string::npos ? "?" : "&") + "state=" + encoded;
}

Result<EndSessionPlan> EndSession::check(const EndSessionRequest& request) {
    for (const auto* value : {&request.clientId, &request.postLogoutRedirectUri, &request.state})
        if (value->size() > kMaxParameterBytes)
            return refused("invalid_request", "A parameter is longer than " + std::to_string(kMaxParameterBytes) +
                                                  " bytes.");
    EndSessionPlan plan;
    plan.state = request.state;

    if (!request.idTokenHint.empty()) {
        auto hint = hints_.read(request.idTokenHint);
        if (!hint) return hint.error();
        plan.service = std::move(hint->service);
        plan.hintSid = std::move(hint->sid);
    }
    if (!request.clientId.empty()) {
        if (plan.service) {
            if (plan.service->clientId != request.clientId)
                return refused("client_mismatch", "client_id is not the audience of the id_token_hint.");
        } else {
            auto service = services_.findByClientId(request.clientId);
            if (!service || service->disabled) return refused("unknown_client", "client_id names no known service.");
            plan.service = std::move(*service);
        }
    }
    if (!request.postLogoutRedirectUri.empty()) {
        if (!plan.service)
            return refused("post_logout_redirect_uri_needs_client",
                           "post_logout_redirect_uri needs an id_token_hint or a client_id naming the service.");
        const auto& registered = plan.service->postLogoutRedirectUris;
        // Well formed first (no space or control character can reach a Location header), then
        // exactly one the service registered.
        const bool wellFormed =
            !urls::registrableProblem(request.postLogoutRedirectUri, "post_logout_redirect_uri").has_value();
        const bool known = wellFormed && std::any_of(registered.begin(), registered.end(), [&](const std::string& uri) {
                               return urls::redirectMatches(uri, request.postLogoutRedirectUri);
                           });
        if (!known)
            return refused("unregistered_post_logout_redirect_uri",
                           "post_logout_redirect_uri is not one the service registered.");
        plan.redirectUri = request.postLogoutRedirectUri;
    }
    return plan;
}

bool EndSession::endsWithoutAsking(const EndSessionPlan& plan, const Session& current) {
    if (!plan.service || plan.hintSid.empty()) return false;
    auto op = opSessions_.find(plan.hintSid);
    return op && op->endedAt == 0 && op->sessionPublicId == current.publicId && op->serviceId == plan.service->id &&
           op->accountId == current.accountId;
}

std::vector<std::string> EndSession::servicesSignedInThrough(const Session& current) {
    std::vector<std::string> names;
    for (const auto& op : opSessions_.liveFor(current.publicId)) {
        auto service = services_.findById(op.serviceId);
        if (service && std::find(names.begin(), names.end(), service->name) == names.end())
            names.push_back(service->name);
    }
    return names;
}

Status EndSession::signOut(const Caller& caller, const EndSessionPlan& plan, bool asked) {
    std::map<std::string, std::string> details{{"asked", asked ? "yes" : "no"}};
    if (plan.service) details["service"] = plan.service->id;
    return SessionService(ctx_).signOut(caller, "rp_initiated_logout", std::move(details));
}

}  // namespace tessera::core::oidc
