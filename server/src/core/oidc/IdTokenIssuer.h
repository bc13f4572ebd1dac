#pragma once
// ID tokens (OpenID Connect Core §2, §3.1.3.6, §12.2): iss, sub, aud and azp (the client_id),
// exp, iat, auth_time, nonce (when the request had one), acr, amr, sid, and at_hash binding
// the access token issued with it. typ "JWT", signed with the service's algorithm by the
// provider's current key. Personal claims are added only when the caller passes them.
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/oidc/JwsAlg.h"
#include "core/oidc/OidcSettings.h"
#include "core/oidc/TokenIssuer.h"
#include "infra/Clock.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

struct IdTokenRequest {
    std::string clientId;
    JwsAlg alg = JwsAlg::ES256;
    std::string subject;
    std::string nonce;  // "" for none (always on refresh)
    std::string sid;
    std::string acr;
    std::vector<std::string> amr;
    std::int64_t authTime = 0;
    std::string accessToken;                  // issued with it; "" for none
    Poco::JSON::Object::Ptr personalClaims;  // may be null
};

class IdTokenIssuer {
public:
    static constexpr const char* kType = "JWT";

    IdTokenIssuer(infra::Clock& clock, TokenIssuer& issuer, const OidcSettings& settings)
        : clock_(clock), issuer_(issuer), settings_(settings) {}

    Result<std::string> issue(const IdTokenRequest& request);
    // BASE64URL of the left half of the SHA-256 of the access token's ASCII (§3.1.3.6): both
    // ES256 and RS256 hash with SHA-256.
    static std::string accessTokenHash(const std::string& accessToken);

private:
    infra::Clock& clock_;
    TokenIssuer& issuer_;
    const OidcSettings& settings_;
};

}  // namespace tessera::core::oidc
