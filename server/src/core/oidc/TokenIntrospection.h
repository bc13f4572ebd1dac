#pragma once
// Token introspection (RFC 7662) and revocation (RFC 7009) of access tokens, for the service
// they were issued to. A service learns nothing about other services' tokens: to it they are
// inactive, and revoking them does nothing (and says nothing). A token of a disabled service
// is inactive.
#include <Poco/JSON/Object.h>

#include <string_view>

#include "core/oidc/ClientAuthenticator.h"
#include "core/oidc/TokenVerifier.h"
#include "core/services/ServiceStore.h"
#include "infra/Clock.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

class TokenIntrospection {
public:
    TokenIntrospection(TokenVerifier& verifier, ServiceStore& services, store::Database& db, infra::Clock& clock)
        : verifier_(verifier), services_(services), tokens_(db), clock_(clock) {}

    // {"active": false} or {"active": true, iss, sub, aud, client_id, scope, token_type, exp, iat,
    // jti, acr?, auth_time?}. Unauthorized "invalid_client" for a public (unauthenticated) caller.
    Result<Poco::JSON::Object::Ptr> introspect(const AuthenticatedClient& caller, std::string_view token);
    // Revokes the token if it is an active access token of the caller's; succeeds either way
    // (RFC 7009 §2.2: an invalid token is not an error).
    Status revoke(const AuthenticatedClient& caller, std::string_view token);

private:
    std::optional<VerifiedAccessToken> ownActiveToken(const AuthenticatedClient& caller, std::string_view token);

    TokenVerifier& verifier_;
    ServiceStore& services_;
    AccessTokenStore tokens_;
    infra::Clock& clock_;
};

}  // namespace tessera::core::oidc
