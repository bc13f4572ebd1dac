#include "core/oidc/AuthorizationDecision.h"

#include <algorithm>

#include "core/oidc/AcrPolicy.h"

namespace tessera::core::oidc {

namespace {

AuthorizationDecision step(AuthorizationStep s, bool promptNone, const char* error, const char* description,
                           bool fresh = false) {
    AuthorizationDecision d;
    d.step = s;
    d.freshSignIn = fresh;
    if (promptNone) {
        d.error = error;
        d.description = description;
    }
    return d;
}

}  // namespace

AuthorizationDecision decide(const AuthorizationRequest& request, const CitizenState& citizen) {
    const bool none = request.prompt.none;
    const bool signedIn = citizen.session && citizen.session->stage == SessionStage::Authenticated &&
                          citizen.account && citizen.account->status == AccountStatus::Active;
    if (!signedIn) {
        // A signed-in session whose account can no longer be used (disabled meanwhile): the
        // sign-in pages would send it straight back here, so it must end first.
        const bool stale = citizen.session && citizen.session->stage == SessionStage::Authenticated;
        return step(AuthorizationStep::SignIn, none, "login_required", "The citizen is not signed in.", stale);
    }
    if (citizen.termsPending)
        return step(AuthorizationStep::AcceptTerms, none, "interaction_required",
                    "The citizen must accept new terms before signing in to services.");
    if (!meets(acr::loaOf(citizen.account->loa), request.requiredLoa))
        return step(AuthorizationStep::StepUp, none, "unmet_authentication_requirements",
                    "The citizen's level of assurance is below the one required.");

    const Session& session = *citizen.session;
    const bool freshSinceAsked = citizen.signInAskedAt > 0 && session.authTime >= citizen.signInAskedAt;
    const bool tooOld = request.maxAge && citizen.now - session.authTime > *request.maxAge;
    if ((request.prompt.login || tooOld) && !freshSinceAsked)
        return step(AuthorizationStep::SignIn, none, "login_required",
                    "The request asks for a new sign-in (prompt=login or max_age).", /*fresh=*/true);

    const bool covered = citizen.consent && citizen.consent->covers(request.scopes, request.claims);
    if (!citizen.consentJustGiven && (request.prompt.consent || !covered))
        return step(AuthorizationStep::Consent, none, "consent_required",
                    "The citizen has not agreed to share what the request asks for.");
    return step(AuthorizationStep::IssueCode, false, "", "");
}

std::vector<std::string> amrValues(const std::string& sessionAmr) {
    std::vector<std::string> out;
    std::size_t factors = 0;
    std::size_t start = 0;
    while (start < sessionAmr.size()) {
        std::size_t end = sessionAmr.find(' ', start);
        if (end == std::string::npos) end = sessionAmr.size();
        const std::string method = sessionAmr.substr(start, end - start);
        start = end + 1;
        std::string value;
        if (method == "pwd") value = "pwd";
        else if (method == "otp") value = "otp";
        else if (method == "email") value = "mca";
        else if (method != "rec") continue;  // a recovery code counts as a factor with no RFC 8176 name
        ++factors;
        if (!value.empty() && std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
    }
    if (factors >= 2) out.push_back("mfa");
    return out;
}

}  // namespace tessera::core::oidc
