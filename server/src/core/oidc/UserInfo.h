#pragma once
// The userinfo endpoint's answer (OpenID Connect Core §5.3) for an access token: sub plus the
// claims the citizen consented to that the token's scopes or the grant's `claims` request
// ask for (ReleasedClaims.h), with their current values (an address changed since sign-in is
// the new address), and verified_claims when consented and asked for (VerifiedClaims.h).
#include <Poco/JSON/Object.h>

#include <string_view>

#include "core/Context.h"
#include "core/oidc/GrantLifecycle.h"
#include "core/oidc/TokenVerifier.h"
#include "core/oidc/VerifiedClaims.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

class UserInfo {
public:
    UserInfo(Context& ctx, TokenVerifier& verifier) : verifier_(verifier), lifecycle_(ctx), verifiedClaims_(ctx) {}

    // Unauthorized "invalid_token" when the token does not verify, was revoked or expired, or
    // its grant is no longer in force (revoked, expired, account not active, service
    // disabled). Forbidden "insufficient_scope" when it does not carry openid (a client
    // credentials token never does).
    Result<Poco::JSON::Object::Ptr> claimsFor(std::string_view accessToken);

private:
    TokenVerifier& verifier_;
    GrantLifecycle lifecycle_;
    VerifiedClaims verifiedClaims_;
};

}  // namespace tessera::core::oidc
