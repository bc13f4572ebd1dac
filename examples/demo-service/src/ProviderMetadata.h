#pragma once
// The provider's discovery document (OpenID Connect Discovery 1.0 §3): the endpoints this
// service uses. §4.3: the issuer it names must be exactly the one the service was set up with.
#include <string>
#include <vector>

#include "tessera/shared/Result.h"

namespace tessera::demo {

struct ProviderMetadata {
    std::string issuer;
    std::string authorizationEndpoint;
    std::string tokenEndpoint;
    std::string userinfoEndpoint;    // optional
    std::string jwksUri;
    std::string endSessionEndpoint;  // optional: RP-Initiated Logout
    std::vector<std::string> acrValuesSupported;
    std::vector<std::string> codeChallengeMethodsSupported;
};

// Invalid "bad_discovery" (not JSON, an endpoint missing or not http(s)), "wrong_issuer".
Result<ProviderMetadata> parseProviderMetadata(const std::string& json, const std::string& expectedIssuer);

}  // namespace tessera::demo
