#pragma once
// The provider's settings: token lifetimes, key rotation, client-key fetching. oidcSettingsFrom
// takes the issuer (public.url) and the oidc.* keys from infra::Settings; the rest are defaults.
#include <algorithm>
#include <cstdint>
#include <string>

#include "infra/Settings.h"

namespace tessera::core::oidc {

struct OidcSettings {
    std::string issuer;  // settings.publicUrl, without a trailing slash

    std::int64_t accessTokenSeconds = 10 * 60;
    std::int64_t idTokenSeconds = 10 * 60;             // phase 2
    std::int64_t authorizationCodeSeconds = 60;        // phase 2
    std::int64_t refreshTokenSeconds = 30 * 24 * 3600; // phase 2: one grant's absolute lifetime

    // Signing keys: a new key every keyRotationSeconds, published keyPrepublishSeconds before it
    // signs, so relying parties caching the JWKS already know it.
    std::int64_t keyRotationSeconds = 90LL * 24 * 3600;
    std::int64_t keyPrepublishSeconds = 24 * 3600;
    int rsaKeyBits = 3072;
    // Tolerance for clocks of other parties (client assertions' iat/nbf/exp).
    std::int64_t clockSkewSeconds = 60;
    // How long this process trusts what it read about the current signing key.
    std::int64_t keyCacheSeconds = 60;

    // private_key_jwt: clients' JWKS fetched with this timeout, at most this size, kept this long;
    // an unknown kid may refetch at most once per jwksMinRefetchSeconds.
    std::int64_t jwksFetchTimeoutSeconds = 5;
    std::size_t jwksMaxBytes = 64 * 1024;
    std::int64_t jwksCacheSeconds = 5 * 60;
    std::int64_t jwksMinRefetchSeconds = 30;
    // Client assertions may not live longer than this (bounds the stored jti list).
    std::int64_t clientAssertionMaxSeconds = 10 * 60;

    // How long a retired key stays in the JWKS: every token it signed has expired by then.
    std::int64_t retiredKeyOverlapSeconds() const {
        return std::max(accessTokenSeconds, idTokenSeconds) + clockSkewSeconds;
    }
    std::string tokenEndpoint() const { return issuer + "/oauth2/token"; }
    std::string jwksUri() const { return issuer + "/oauth2/jwks"; }
    std::string introspectionEndpoint() const { return issuer + "/oauth2/introspect"; }
    std::string revocationEndpoint() const { return issuer + "/oauth2/revoke"; }
    std::string authorizationEndpoint() const { return issuer + "/oauth2/authorize"; }
    std::string userinfoEndpoint() const { return issuer + "/oauth2/userinfo"; }
    std::string endSessionEndpoint() const { return issuer + "/oauth2/logout"; }
};

OidcSettings oidcSettingsFrom(const infra::Settings& settings);

}  // namespace tessera::core::oidc
