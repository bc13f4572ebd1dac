#pragma once
// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), the rules without HTTP:
// check what a service's request to the end-session endpoint asks, decide whether the
// citizen must confirm, and sign out.
//
//  - id_token_hint: optional; when present it must be an ID token of ours (IdTokenHint.h),
//    expired or not, and it names the service. A forged or foreign one refuses the request.
//  - client_id: optional; must name an enabled service, and the hint's if both are present.
//  - post_logout_redirect_uri: optional; needs the service (hint or client_id) and must be one
//    of its registered post_logout_redirect_uris, exactly (a registered http loopback URI
//    also matches on any port, RFC 8252 §7.3). Anything else refuses the request: this
//    endpoint never redirects anywhere a service did not register (no open redirect).
//  - state: passed back on the redirect, untouched.
//
// Asking: the citizen confirms (a CSRF-protected form) unless the hint's sid names an OP
// session of the browser's own portal session at the hint's service — proof that the
// service the citizen is using asks, which is when OPs commonly skip the question. Without
// a hint, with another session's hint, or with only client_id, the citizen is asked, since
// anyone can make a browser open a logout URL.
//
// Signing out ends the portal session; the session-end listener (LogoutOnSessionEnd) then
// ends every OP session riding on it and back-channel logout tells each service, the
// requesting one included.
#include <optional>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/auth/Caller.h"
#include "core/oidc/IdTokenHint.h"
#include "core/oidc/OidcSessionStore.h"
#include "core/services/Service.h"
#include "core/services/ServiceStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

// As the service sent it; nothing checked yet.
struct EndSessionRequest {
    std::string idTokenHint;
    std::string clientId;
    std::string postLogoutRedirectUri;
    std::string state;
};

// What a checked request asks.
struct EndSessionPlan {
    std::optional<Service> service;  // named by the hint or client_id, if either was sent
    std::string hintSid;             // the sid the hint carries ("" without)
    std::string redirectUri;         // a registered post-logout redirect URI, or ""
    std::string state;

    // redirectUri with state added as a query parameter; "" when there is no redirectUri.
    std::string redirectLocation() const;
};

class EndSession {
public:
    static constexpr std::size_t kMaxParameterBytes = 2000;  // client_id, redirect URI, state

    EndSession(Context& ctx, IdTokenHintReader& hints, OidcSessionStore& opSessions)
        : ctx_(ctx), hints_(hints), opSessions_(opSessions), services_(ctx.db) {}

    // Invalid with code invalid_request (a parameter too long), invalid_id_token_hint,
    // unknown_client, client_mismatch, post_logout_redirect_uri_needs_client or
    // unregistered_post_logout_redirect_uri.
    Result<EndSessionPlan> check(const EndSessionRequest& request);
    // Whether `current` may be ended without asking (see above).
    bool endsWithoutAsking(const EndSessionPlan& plan, const Session& current);
    // The names of the services the citizen signed in to through `current`, oldest first.
    std::vector<std::string> servicesSignedInThrough(const Session& current);
    // Ends the caller's session, audited as session.ended (reason rp_initiated_logout, with
    // the service and whether the citizen was asked).
    Status signOut(const Caller& caller, const EndSessionPlan& plan, bool asked);

private:
    Context& ctx_;
    IdTokenHintReader& hints_;
    OidcSessionStore& opSessions_;
    ServiceStore services_;
};

}  // namespace tessera::core::oidc
