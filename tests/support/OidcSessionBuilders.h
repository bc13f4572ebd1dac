#pragma once
// Test data for the provider's per-service sessions and logout, without the authorize
// endpoint or the token endpoint:
//  - makeOpSession: an oidc_sessions row — a citizen signed in to a service through a portal
//    session — as the authorization-code grant records it, written straight to the database;
//  - opSession: a row read back;
//  - ProviderSigner: signs ID tokens as the token endpoint does (iss, sub, aud, azp, exp, iat,
//    sid; typ JWT), with its own view of the provider's keys (they live in the database);
//  - verifiedWithJwks: a token checked against a JWKS document the way a service checks it.
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/Context.h"
#include "core/oidc/Jws.h"
#include "core/oidc/OidcSessionStore.h"
#include "core/oidc/OidcSettings.h"
#include "core/oidc/SigningKeys.h"
#include "core/oidc/TokenIssuer.h"

namespace tessera::test {

// The new row's sid. subject: "" uses "sub-<account id>".
std::string makeOpSession(core::Context& ctx, const std::string& sessionPublicId, const std::string& accountId,
                          const std::string& serviceId, const std::string& subject = "");
// The row; throws if there is none.
core::oidc::OidcSession opSession(core::Context& ctx, const std::string& sid);

// Every member has a default, so a test names only what matters: {.clientId = ..., .sid = ...}.
struct IdTokenSpec {
    std::string clientId{};
    std::string subject{};
    std::string sid{};        // "" leaves it out
    std::string alg = "ES256";
    std::int64_t ageSeconds = 0;     // issued this long before the clock's now
    std::int64_t lifetimeSeconds = 600;
    std::string issuer{};     // "" for the provider's own
};

class ProviderSigner {
public:
    ProviderSigner(core::Context& ctx, core::oidc::OidcSettings settings);
    core::oidc::SigningKeys& keys() { return keys_; }
    core::oidc::TokenIssuer& issuer() { return issuer_; }
    const core::oidc::OidcSettings& settings() const { return settings_; }
    std::string idToken(const IdTokenSpec& spec);

private:
    core::Context& ctx_;
    core::oidc::OidcSettings settings_;
    core::oidc::SigningKeys keys_;
    core::oidc::TokenIssuer issuer_;
};

// The token's header and claims if its signature verifies with the key of `jwks` its kid
// names, for the alg that key is published with; nullopt otherwise.
std::optional<core::oidc::jws::Parsed> verifiedWithJwks(const std::string& token, const Poco::JSON::Object& jwks);

// Forgeries of `token` (signed by a key of `jwks`), as {what, forged token}: its signature
// changed; alg "none" with no signature; and HS256 "signed" with the public key (as PEM) of
// the key its kid names — the classic confusion attack.
std::vector<std::pair<std::string, std::string>> forgeriesOf(const std::string& token, const Poco::JSON::Object& jwks);

}  // namespace tessera::test
