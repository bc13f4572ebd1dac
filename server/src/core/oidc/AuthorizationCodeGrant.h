#pragma once
// The authorization-code grant's back channel (OpenID Connect Core §3.1, RFC 7636): once the
// front channel (the authorize endpoint, AuthorizationRequest + consent) has decided a citizen
// authorizes a service, issue() records the grant, the per-service OP session (sid) and a
// single-use code; exchange() turns the code into tokens at the token endpoint. A code used
// twice revokes the grant and every token issued under it (RFC 6749 §4.1.2).
//
// Decisions:
// - The access token's aud is the issuer (RFC 9068 §3: the resource is the provider's own
//   userinfo endpoint and API), never the client_id, which is the ID token's audience.
// - A refresh token is issued whenever the service is allowed the refresh_token grant (the
//   service registry only allows offline_access to services that are). offline_access decides
//   how long it works: a grant with offline_access lives until it expires
//   (refreshTokenSeconds after sign-in) or is revoked; a grant without it also ends for
//   refreshing when its OP session does (the citizen signed out of Tessera).
// - A replayed code (or one that loses a race with a concurrent exchange of itself) revokes
//   the grant, reason "code_reuse". A code presented by another client changes nothing.
#include <cstdint>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/oidc/AuthorizationCodeStore.h"
#include "core/oidc/ClientAuthenticator.h"
#include "core/oidc/GrantLifecycle.h"
#include "core/oidc/GrantStore.h"
#include "core/oidc/GrantTokens.h"
#include "core/oidc/OidcSignIn.h"
#include "core/oidc/OidcSettings.h"
#include "core/oidc/SubjectIdentifiers.h"
#include "core/oidc/TokenIssuer.h"
#include "core/oidc/TokenResponse.h"
#include "core/services/ServiceStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

// What the front channel decided. Everything here has been validated already.
struct CodeRequest {
    std::string serviceId;
    std::string accountId;
    std::string sessionPublicId;  // the portal session that is the OP session (sessions.public_id)
    std::string redirectUri;      // exactly as the request carried it; the exchange must repeat it
    std::vector<std::string> scopes;  // granted (requested ∩ allowed)
    std::vector<std::string> claims;  // the claim names the citizen consented to release
    std::string claimsRequest;        // the `claims` request parameter (JSON text) or ""
    std::string nonce;
    std::string codeChallenge;        // "" when the client sent none (confidential clients only)
    std::string codeChallengeMethod;  // "S256" or ""
    std::string acr;                  // the acr value for the citizen's LoA at sign-in
    std::vector<std::string> amr;     // e.g. {"pwd", "otp"} or {"pwd", "mfa", "mca"}...
    std::int64_t authTime = 0;        // when the citizen last authenticated in this session
};

struct IssuedCode {
    std::string code;  // opaque, 256-bit random, base64url; only its hash is stored
    std::string sid;   // the OP session id at this service (oidc_sessions.sid)
    std::int64_t expiresAt = 0;
};

// TokenResponse: core/oidc/TokenResponse.h (shared with the refresh_token grant).

class AuthorizationCodeGrant {
public:
    AuthorizationCodeGrant(Context& ctx, TokenIssuer& issuer, SubjectIdentifiers& subjects, const OidcSettings& settings);

    // Creates the grant and the code and records (or refreshes) the oidc_sessions row for
    // (sessionPublicId, serviceId). Returns the code, valid settings.authorizationCodeSeconds.
    // Invalid "invalid_request" for a request the front channel should not have let through
    // (unknown or disabled service, missing fields, a challenge method other than S256, a
    // public client without a challenge); nothing is written then.
    Result<IssuedCode> issue(const CodeRequest& request);

    // The token endpoint's authorization_code grant. Errors are OAuth errors: Invalid
    // "invalid_grant" (unknown, expired or used code, redirect_uri mismatch, PKCE failure, code
    // of another client), Invalid "invalid_request" (missing parameter), Unauthorized
    // "unauthorized_client" (grant not allowed for this service).
    Result<TokenResponse> exchange(const AuthenticatedClient& client, const std::string& code,
                                   const std::string& redirectUri, const std::string& codeVerifier);

    // Whether a grant of `service` gets refresh tokens (see above).
    static bool issuesRefreshTokens(const Service& service);

private:
    Context& ctx_;
    TokenIssuer& issuer_;
    SubjectIdentifiers& subjects_;
    const OidcSettings& settings_;
    ServiceStore services_;
    GrantStore grants_;
    AuthorizationCodeStore codes_;
    GrantLifecycle lifecycle_;
    GrantTokens tokens_;
};

}  // namespace tessera::core::oidc
