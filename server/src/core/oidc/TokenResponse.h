#pragma once
// What the token endpoint answers for a citizen's grant (authorization_code, refresh_token).
#include <cstdint>
#include <string>

namespace tessera::core::oidc {

struct TokenResponse {
    std::string accessToken;
    std::int64_t expiresIn = 0;
    std::string idToken;       // "" when openid was not granted (refresh without openid)
    std::string refreshToken;  // "" when none is issued
    std::string scope;         // space-delimited
};

}  // namespace tessera::core::oidc
