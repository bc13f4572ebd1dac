#pragma once
// Checks an access token this provider issued, trusting nothing the token says about how to
// check it: the algorithm must be ES256 or RS256 *and* the one the kid's key was made for
// (so alg=none and HS256 "signed" with a public key are refused), the key must still be in
// the JWKS, the signature must verify, iss/exp/iat/jti must hold, and the token's record must
// exist and not be revoked.
#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>

#include "core/oidc/AccessTokenStore.h"
#include "core/oidc/OidcSettings.h"
#include "core/oidc/SigningKeys.h"
#include "infra/Clock.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

struct VerifiedAccessToken {
    Poco::JSON::Object::Ptr claims;
    AccessTokenRecord record;
    std::string clientId;
};

class TokenVerifier {
public:
    TokenVerifier(store::Database& db, infra::Clock& clock, SigningKeys& keys, const OidcSettings& settings)
        : clock_(clock), keys_(keys), settings_(settings), tokens_(db) {}

    // Unauthorized "invalid_token" (with the reason in the message, for logs and tests).
    Result<VerifiedAccessToken> verifyAccessToken(std::string_view token);

private:
    infra::Clock& clock_;
    SigningKeys& keys_;
    const OidcSettings& settings_;
    AccessTokenStore tokens_;
};

}  // namespace tessera::core::oidc
