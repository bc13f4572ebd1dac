#pragma once
// Logout Tokens (OpenID Connect Back-Channel Logout 1.0 §2.4): a JWT with header typ
// "logout+jwt", claims iss, aud (the service's client_id), iat, exp (short: the token is
// posted at once), jti (fresh for every token, also every retry, so a service may drop
// repeats), sub (the subject the service knows), sid, and
// events {"http://schemas.openid.net/event/backchannel-logout": {}}. Never a nonce (§2.4
// forbids it, so a logout token cannot pass for an ID token). Signed with the service's
// ID-token algorithm by the provider's current key for it.
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <string>

#include "core/oidc/OidcSettings.h"
#include "core/oidc/TokenIssuer.h"
#include "infra/Clock.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

struct LogoutTokenSubject {
    std::string clientId;
    std::string subject;
    std::string sid;
    std::string alg = "ES256";  // the service's id_token_alg
};

class LogoutTokenBuilder {
public:
    static constexpr const char* kType = "logout+jwt";
    static constexpr const char* kEvent = "http://schemas.openid.net/event/backchannel-logout";
    static constexpr std::int64_t kDefaultLifetimeSeconds = 120;

    LogoutTokenBuilder(TokenIssuer& issuer, infra::Clock& clock, const OidcSettings& settings,
                       std::int64_t lifetimeSeconds = kDefaultLifetimeSeconds)
        : issuer_(issuer), clock_(clock), settings_(settings), lifetimeSeconds_(lifetimeSeconds) {}

    // The claims, for a token made now.
    Poco::JSON::Object claims(const LogoutTokenSubject& about) const;
    // The signed token. Internal when the algorithm is unknown or signing fails.
    Result<std::string> build(const LogoutTokenSubject& about);

private:
    TokenIssuer& issuer_;
    infra::Clock& clock_;
    const OidcSettings& settings_;
    std::int64_t lifetimeSeconds_;
};

}  // namespace tessera::core::oidc
