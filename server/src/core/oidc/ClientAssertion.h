#pragma once
// private_key_jwt (RFC 7523 §3, OpenID Connect Core §9): a JWT the service signs with one of
// the keys at its jwks_uri. Accepted when iss = sub = the client_id, aud names this server
// (the issuer, the token endpoint, or the endpoint being called), exp is in the future but not
// too far, iat/nbf are not in the future, the signature verifies with a key of the right kind
// for its alg (ES256 or RS256 only), and its jti was never seen before for this client.
#include <string>
#include <string_view>
#include <vector>

#include "core/oidc/ClientJwks.h"
#include "core/oidc/Jws.h"
#include "core/oidc/OidcSettings.h"
#include "core/services/Service.h"
#include "infra/Clock.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

class ClientAssertionVerifier {
public:
    ClientAssertionVerifier(store::Database& db, infra::Clock& clock, ClientJwksCache& jwks,
                            const OidcSettings& settings)
        : db_(db), clock_(clock), jwks_(jwks), settings_(settings) {}

    // The client_id the assertion claims to come from (its iss), unverified; "" if unreadable.
    static std::string claimedClientId(std::string_view assertion);
    // Unauthorized "invalid_client" unless the assertion proves `service`; `audiences` are the
    // aud values accepted. Records the jti (single use) when it does.
    Status verify(const Service& service, std::string_view assertion, const std::vector<std::string>& audiences);
    // Deletes remembered jtis of assertions that expired before `before`.
    int purgeExpired(std::int64_t before);

private:
    Status checkSignature(const Service& service, const jws::Parsed& parsed);
    Status rememberJti(const std::string& clientId, const std::string& jti, std::int64_t expiresAt);

    store::Database& db_;
    infra::Clock& clock_;
    ClientJwksCache& jwks_;
    const OidcSettings& settings_;
};

}  // namespace tessera::core::oidc
