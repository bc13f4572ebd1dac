#pragma once
// Issues access tokens as JWTs (RFC 9068: typ at+jwt; iss, sub, aud, exp, iat, jti, client_id,
// scope, and acr/auth_time when a citizen is behind them), signed with the service's algorithm,
// and records each one so it can be revoked. Also signs other claim sets (ID tokens, logout
// tokens, security event tokens in phase 2) with the current key.
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/oidc/AccessTokenStore.h"
#include "core/oidc/JwsAlg.h"
#include "core/oidc/OidcSettings.h"
#include "core/oidc/SigningKeys.h"
#include "infra/Clock.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

struct AccessTokenRequest {
    std::string serviceId;
    std::string clientId;
    JwsAlg alg = JwsAlg::ES256;
    std::string subject;    // the citizen's sub at this service, or the client_id (client credentials)
    std::string accountId;  // "" without a citizen
    std::string grantId;    // "" without a grant (client credentials)
    std::vector<std::string> scopes;
    std::string audience;   // the resource the token is for
    std::string acr;        // "" without a citizen
    std::int64_t authTime = 0;
};

struct IssuedAccessToken {
    std::string token;
    std::string jti;
    std::string scope;  // space-delimited
    std::int64_t expiresIn = 0;
    std::int64_t expiresAt = 0;
};

// A signed access token whose record is not yet written.
struct SignedAccessToken {
    IssuedAccessToken issued;
    AccessTokenRecord record;
};

class TokenIssuer {
public:
    static constexpr const char* kAccessTokenType = "at+jwt";

    TokenIssuer(store::Database& db, infra::Clock& clock, SigningKeys& keys, const OidcSettings& settings)
        : db_(db), clock_(clock), keys_(keys), settings_(settings), tokens_(db) {}

    Result<IssuedAccessToken> issueAccessToken(const AccessTokenRequest& request);
    // The same in two steps, for grants that record the token in a transaction with other
    // changes: sign (may create or unseal a key, so before the transaction), then record.
    Result<SignedAccessToken> signAccessToken(const AccessTokenRequest& request);
    Status recordAccessToken(Poco::Data::Session& s, const AccessTokenRecord& record);
    const std::string& issuer() const { return settings_.issuer; }
    // Signs `claims` with the key that signs `alg` now, header typ `typ` (may be empty).
    Result<std::string> sign(JwsAlg alg, const std::string& typ, const Poco::JSON::Object& claims);

private:
    store::Database& db_;
    infra::Clock& clock_;
    SigningKeys& keys_;
    const OidcSettings& settings_;
    AccessTokenStore tokens_;
};

}  // namespace tessera::core::oidc
