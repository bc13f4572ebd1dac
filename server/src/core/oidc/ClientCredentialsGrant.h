#pragma once
// The client credentials grant (RFC 6749 §4.4): a confidential service's back-end gets an
// access token for itself (sub = client_id, aud = the issuer). Only services allowed the
// client_credentials grant may use it, and the token never carries a scope that names a
// citizen's data (openid, profile, email, ...): there is no citizen behind it.
#include <optional>
#include <string>

#include "core/oidc/ClientAuthenticator.h"
#include "core/oidc/TokenIssuer.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

class ClientCredentialsGrant {
public:
    ClientCredentialsGrant(TokenIssuer& issuer, const OidcSettings& settings) : issuer_(issuer), settings_(settings) {}

    // Invalid "unauthorized_client" (public client, or grant not allowed), Invalid
    // "invalid_scope" (a scope not allowed). Without a scope, the token carries none.
    Result<IssuedAccessToken> issue(const AuthenticatedClient& client, const std::optional<std::string>& scope);

private:
    TokenIssuer& issuer_;
    const OidcSettings& settings_;
};

}  // namespace tessera::core::oidc
