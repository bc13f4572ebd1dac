#pragma once
// What the authorization endpoint does next for a valid request, from what it knows of the
// citizen: the portal session (the OP session), their account, their consent to the service,
// and the clock. No HTTP here: the endpoint turns the step into a redirect or a page.
//
//   not fully signed in (no session, a sign-in step pending, account not active)  -> SignIn
//     (fresh when a signed-in session's account is no longer active)
//   terms in force not accepted                                                    -> AcceptTerms
//   account LoA below the request's required LoA                                   -> StepUp
//   prompt=login, or max_age passed since auth_time                                -> SignIn (fresh)
//   prompt=consent, or no consent in force covering the scopes and claims          -> Consent
//   otherwise                                                                      -> IssueCode
//
// A fresh sign-in cannot loop: the endpoint remembers when it asked for one (signInAskedAt)
// and a session authenticated at or after that time satisfies prompt=login and max_age.
// With prompt=none every step but IssueCode becomes an error returned to the service:
// login_required, interaction_required, unmet_authentication_requirements, consent_required.
#include <cstdint>
#include <optional>
#include <vector>
#include <string>

#include "core/accounts/Account.h"
#include "core/oidc/AuthorizationRequest.h"
#include "core/oidc/ConsentStore.h"
#include "core/sessions/Session.h"

namespace tessera::core::oidc {

enum class AuthorizationStep { SignIn, AcceptTerms, StepUp, Consent, IssueCode };

struct CitizenState {
    std::optional<Session> session;  // the live portal session, at any stage
    std::optional<Account> account;  // its account
    bool termsPending = false;       // terms in force wait for acceptance
    std::optional<Consent> consent;  // the consent in force to this service
    bool consentJustGiven = false;   // the citizen has just agreed on the consent page
    std::int64_t now = 0;
    std::int64_t signInAskedAt = 0;  // when this request sent the citizen to sign in (0: it did not)
};

struct AuthorizationDecision {
    AuthorizationStep step = AuthorizationStep::SignIn;
    bool freshSignIn = false;  // SignIn: the current session is not enough; the citizen signs in again
    std::string error;         // prompt=none: the error to return instead of the step; else ""
    std::string description;   // of that error, for the service's developers
};

AuthorizationDecision decide(const AuthorizationRequest& request, const CitizenState& citizen);

// The session's amr ("pwd otp", "pwd email", "pwd rec") as RFC 8176 values: pwd, then otp (an
// authenticator app) or mca (a code by email: a second channel), then mfa for two factors.
std::vector<std::string> amrValues(const std::string& sessionAmr);

}  // namespace tessera::core::oidc
