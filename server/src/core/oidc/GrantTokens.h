#pragma once
// The tokens a citizen's grant yields at the token endpoint, shared by the authorization_code
// and refresh_token grants: an access token (RFC 9068, aud = the issuer), an ID token when
// openid is in scope, and a refresh token when asked. prepare() signs them without writing;
// record() writes their rows inside the caller's transaction, so a grant's exchange either
// hands out every token it records or none.
#include <Poco/Data/Session.h>

#include <optional>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/accounts/Account.h"
#include "core/oidc/GrantStore.h"
#include "core/oidc/IdTokenIssuer.h"
#include "core/oidc/RefreshTokenStore.h"
#include "core/oidc/TokenIssuer.h"
#include "core/oidc/TokenResponse.h"
#include "core/oidc/VerifiedClaims.h"
#include "core/services/Service.h"
#include "infra/Clock.h"

namespace tessera::core::oidc {

struct TokenSetRequest {
    const Service& service;
    const Grant& grant;
    const Account& account;
    std::string subject;
    std::vector<std::string> scopes;  // of the access token: the grant's, or fewer on refresh
    std::string nonce;                // the authorization request's; "" on refresh
    bool withRefreshToken = false;
    std::string parentRefreshHash;    // the refresh token this set replaces, if any
};

struct PreparedTokens {
    TokenResponse response;
    AccessTokenRecord accessToken;
    std::optional<RefreshTokenRecord> refreshToken;
};

class GrantTokens {
public:
    GrantTokens(Context& ctx, TokenIssuer& issuer, const OidcSettings& settings)
        : clock_(ctx.clock), issuer_(issuer), idTokens_(ctx.clock, issuer, settings), refreshTokens_(ctx.db),
          verifiedClaims_(ctx) {}

    Result<PreparedTokens> prepare(const TokenSetRequest& request);
    Status record(Poco::Data::Session& s, const PreparedTokens& tokens);

private:
    infra::Clock& clock_;
    TokenIssuer& issuer_;
    IdTokenIssuer idTokens_;
    RefreshTokenStore refreshTokens_;
    VerifiedClaims verifiedClaims_;
};

}  // namespace tessera::core::oidc
