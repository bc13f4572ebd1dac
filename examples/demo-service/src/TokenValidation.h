#pragma once
// Validation of the two tokens the provider sends this service, to the letter of the specs:
// ID tokens (OpenID Connect Core 1.0 §3.1.3.7 and §3.1.3.8 at_hash) and logout tokens
// (OpenID Connect Back-Channel Logout 1.0 §2.6). Pure functions of the token, the keys and
// the time, so they are tested against tokens a test signs itself.
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "Jwk.h"
#include "tessera/shared/Loa.h"
#include "tessera/shared/Result.h"

namespace tessera::demo {

// Finds the provider's key for a token's header (kid, alg); OidcClient refetches the JWKS
// when a kid is unknown.
using KeyResolver = std::function<Result<PublicKey>(const std::string& kid, const std::string& alg)>;

// What every token from the provider must satisfy.
struct TokenExpectations {
    std::string issuer;    // exactly the discovery document's issuer
    std::string clientId;  // must be an audience
    std::int64_t now = 0;  // Unix seconds
    std::int64_t skewSeconds = 120;  // clocks of the two machines may differ a little
};

struct IdTokenExpectations : TokenExpectations {
    std::string nonce;                  // the one sent with the authorization request
    std::optional<Loa> minimumLoa;      // set when the sign-in asked for acr_values
    std::string accessToken;            // to check at_hash when the token carries one
};

struct IdToken {
    std::string raw;
    std::string sub, sid, acr;
    std::optional<Loa> loa;  // from acr, when it is one of Tessera's default values
    std::int64_t expiresAt = 0;
    Poco::JSON::Object::Ptr claims;
};

// Error codes: malformed_token, unsupported_alg, unknown_key, bad_signature, wrong_issuer,
// wrong_audience, wrong_azp, expired, not_yet_valid, missing_claim, wrong_nonce,
// insufficient_acr (the citizen's level is below minimumLoa), bad_at_hash.
Result<IdToken> validateIdToken(const std::string& token, const KeyResolver& keys, const IdTokenExpectations& expect);

struct LogoutToken {
    std::string sub, sid, jti;
    std::int64_t expiresAt = 0;
};

// Error codes as for ID tokens, plus wrong_type (typ is not logout+jwt), missing_event,
// has_nonce and missing_subject (neither sub nor sid). The jti is returned for the caller's
// replay check.
Result<LogoutToken> validateLogoutToken(const std::string& token, const KeyResolver& keys,
                                        const TokenExpectations& expect);

inline constexpr const char* kBackChannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

}  // namespace tessera::demo
