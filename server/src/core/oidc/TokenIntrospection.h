#pragma once
// Token introspection (RFC 7662) and revocation (RFC 7009) of access and refresh tokens, for
// the service they were issued to. A service learns nothing about other services' tokens: to
// it they are inactive, and revoking them does nothing (and says nothing). A token of a
// disabled service, or of a grant no longer in force, is inactive. Revoking a refresh token
// revokes its grant: every refresh and access token of the family (RFC 7009 §2.1). The
// token_type_hint only decides which kind is looked up first.
#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>

#include "core/Context.h"
#include "core/oidc/ClientAuthenticator.h"
#include "core/oidc/GrantLifecycle.h"
#include "core/oidc/RefreshTokenStore.h"
#include "core/oidc/SubjectIdentifiers.h"
#include "core/oidc/TokenVerifier.h"
#include "core/services/ServiceStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

class TokenIntrospection {
public:
    TokenIntrospection(Context& ctx, TokenVerifier& verifier, ServiceStore& services, SubjectIdentifiers& subjects,
                       const OidcSettings& settings)
        : ctx_(ctx), verifier_(verifier), services_(services), subjects_(subjects), settings_(settings),
          tokens_(ctx.db), refreshTokens_(ctx.db), lifecycle_(ctx) {}

    // {"active": false} or, for an access token, {"active": true, iss, sub, aud, client_id,
    // scope, token_type "Bearer", exp, iat, jti, acr?, auth_time?}; for a refresh token
    // {"active": true, iss, sub, client_id, scope, token_type "refresh_token", exp, iat}.
    // Unauthorized "invalid_client" for a public (unauthenticated) caller.
    Result<Poco::JSON::Object::Ptr> introspect(const AuthenticatedClient& caller, std::string_view token,
                                               const std::string& tokenTypeHint = "");
    // Revokes the token if it is the caller's; succeeds either way (RFC 7009 §2.2: an invalid
    // token is not an error).
    Status revoke(const AuthenticatedClient& caller, std::string_view token, const std::string& tokenTypeHint = "");

private:
    std::optional<VerifiedAccessToken> ownActiveAccessToken(const AuthenticatedClient& caller, std::string_view token);
    std::optional<RefreshTokenRecord> ownRefreshToken(const AuthenticatedClient& caller, std::string_view token);
    Poco::JSON::Object::Ptr describeAccessToken(const VerifiedAccessToken& verified);
    Poco::JSON::Object::Ptr describeRefreshToken(const AuthenticatedClient& caller, const RefreshTokenRecord& record);

    Context& ctx_;
    TokenVerifier& verifier_;
    ServiceStore& services_;
    SubjectIdentifiers& subjects_;
    const OidcSettings& settings_;
    AccessTokenStore tokens_;
    RefreshTokenStore refreshTokens_;
    GrantLifecycle lifecycle_;
};

}  // namespace tessera::core::oidc
