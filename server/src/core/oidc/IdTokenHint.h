#pragma once
// Reads an id_token_hint (OpenID Connect RP-Initiated Logout 1.0 §2): an ID token this
// provider issued to a service, presented back to say who is logging out of where. Trusted
// only as far as it is checked: the alg must be ES256 or RS256 *and* the one the kid's key
// was made for (so alg=none and HS256 keyed with a public key are refused), the key must still
// be published, the signature must verify, iss must be this provider, and aud must name one
// known, enabled service (a string, or an array of one, or several with azp naming it).
// Expiry is not checked: a hint may be presented long after the token expired (§2 asks the OP
// to accept that); it authorises nothing by itself.
#include <string>
#include <string_view>

#include "core/oidc/OidcSettings.h"
#include "core/oidc/SigningKeys.h"
#include "core/services/Service.h"
#include "core/services/ServiceStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

struct IdTokenHint {
    Service service;      // the audience
    std::string subject;  // sub ("" when absent)
    std::string sid;      // sid ("" when absent)
};

class IdTokenHintReader {
public:
    IdTokenHintReader(SigningKeys& keys, ServiceStore& services, const OidcSettings& settings)
        : keys_(keys), services_(services), settings_(settings) {}

    // Invalid "invalid_id_token_hint" (the reason in the message, for logs and tests).
    Result<IdTokenHint> read(std::string_view token);

private:
    SigningKeys& keys_;
    ServiceStore& services_;
    const OidcSettings& settings_;
};

}  // namespace tessera::core::oidc
