#pragma once
// The OpenID Connect provider's parts, built once per process over the core context and
// shared by the HTTP handlers (web/oidc): signing keys, token issuing and checking, client
// authentication, the grants (client credentials, authorization code, refresh token),
// pairwise subjects and userinfo. Everything it decides is in the database; it only caches keys.
#include <atomic>
#include <memory>

#include "core/Context.h"
#include "core/oidc/AuthorizationCodeGrant.h"
#include "core/oidc/ClientAssertion.h"
#include "core/oidc/ClientAuthenticator.h"
#include "core/oidc/ClientCredentialsGrant.h"
#include "core/oidc/ClientJwks.h"
#include "core/oidc/OidcSettings.h"
#include "core/oidc/RefreshTokenGrant.h"
#include "core/oidc/SigningKeys.h"
#include "core/oidc/SubjectIdentifiers.h"
#include "core/oidc/TokenIntrospection.h"
#include "core/oidc/TokenIssuer.h"
#include "core/oidc/TokenVerifier.h"
#include "core/oidc/UserInfo.h"
#include "core/services/ServiceStore.h"

namespace tessera::core::oidc {

class Provider {
public:
    Provider(Context& ctx, OidcSettings settings, std::shared_ptr<JwksSource> jwksSource);
    Provider(const Provider&) = delete;
    Provider& operator=(const Provider&) = delete;

    // At start-up: the ES256 key (made at first start), and the RS256 key if any service or
    // earlier key uses RS256, so the first RS256 token does not wait for an RSA key.
    Status start();
    // Deletes expired token, code and assertion records, and refresh tokens revoked over a day
    // ago; does the work at most once a minute.
    void housekeeping();

    const OidcSettings& settings() const { return settings_; }
    Context& context() { return ctx_; }
    SigningKeys& keys() { return keys_; }
    TokenIssuer& issuer() { return issuer_; }
    TokenVerifier& verifier() { return verifier_; }
    ClientAuthenticator& clients() { return clients_; }
    ClientCredentialsGrant& clientCredentials() { return clientCredentials_; }
    TokenIntrospection& introspection() { return introspection_; }
    SubjectIdentifiers& subjects() { return subjects_; }
    AuthorizationCodeGrant& codeGrant() { return codeGrant_; }
    RefreshTokenGrant& refreshGrant() { return refreshGrant_; }
    UserInfo& userInfo() { return userInfo_; }

private:
    Context& ctx_;
    OidcSettings settings_;
    ServiceStore services_;
    SigningKeys keys_;
    TokenIssuer issuer_;
    TokenVerifier verifier_;
    ClientJwksCache jwks_;
    ClientAssertionVerifier assertions_;
    ClientAuthenticator clients_;
    ClientCredentialsGrant clientCredentials_;
    SubjectIdentifiers subjects_;
    TokenIntrospection introspection_;
    AuthorizationCodeGrant codeGrant_;
    RefreshTokenGrant refreshGrant_;
    UserInfo userInfo_;
    std::atomic<std::int64_t> lastHousekeeping_{0};
};

}  // namespace tessera::core::oidc
