#pragma once
// The refresh_token grant (RFC 6749 §6) with rotation (OAuth 2.0 Security BCP §4.14.2): every
// use marks the refresh token used and returns a new one in the same family (its parent_hash
// names the one it replaced), with a new access token and, when openid is in the scope, a new
// ID token (same sub, aud, auth_time, acr, amr and sid; no nonce). Presenting a used refresh
// token again is reuse, a sign that it leaked: the whole grant is revoked (reason
// "refresh_reuse"), with every refresh and access token in the family, including the one the
// legitimate rotation just issued. Marking used is a conditional update, so of two concurrent
// uses exactly one wins (the other counts as reuse). A grant without offline_access stops
// refreshing when its OP session ends (AuthorizationCodeGrant.h).
#include <optional>
#include <string>

#include "core/Context.h"
#include "core/oidc/ClientAuthenticator.h"
#include "core/oidc/GrantLifecycle.h"
#include "core/oidc/GrantStore.h"
#include "core/oidc/GrantTokens.h"
#include "core/oidc/RefreshTokenStore.h"
#include "core/oidc/SubjectIdentifiers.h"
#include "core/oidc/TokenResponse.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

class RefreshTokenGrant {
public:
    RefreshTokenGrant(Context& ctx, TokenIssuer& issuer, SubjectIdentifiers& subjects, const OidcSettings& settings)
        : ctx_(ctx), subjects_(subjects), grants_(ctx.db), refreshTokens_(ctx.db), lifecycle_(ctx), tokens_(ctx, issuer, settings) {}

    // Errors are OAuth errors: Invalid "invalid_request" (no refresh_token), "invalid_scope"
    // (a scope the grant does not hold, or a malformed one), "invalid_grant" (unknown,
    // expired, revoked or reused token, another client's token, grant no longer in force),
    // "unauthorized_client" (the service may not use refresh_token).
    Result<TokenResponse> refresh(const AuthenticatedClient& client, const std::string& refreshToken,
                                  const std::optional<std::string>& scope);

private:
    Context& ctx_;
    SubjectIdentifiers& subjects_;
    GrantStore grants_;
    RefreshTokenStore refreshTokens_;
    GrantLifecycle lifecycle_;
    GrantTokens tokens_;
};

}  // namespace tessera::core::oidc
