#pragma once
// Services' public keys for private_key_jwt, read from their jwks_uri. The core does not speak
// HTTP: a JwksSource fetches (web/oidc/HttpJwksSource over Poco::Net; tests use their own).
// ClientJwksCache keeps what was fetched for jwksCacheSeconds and lets an unknown kid force a
// refetch at most once per jwksMinRefetchSeconds, so a service can rotate its keys without
// Tessera becoming a way to hammer its JWKS endpoint.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/oidc/AsymmetricKey.h"
#include "core/oidc/OidcSettings.h"
#include "infra/Clock.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

class JwksSource {
public:
    virtual ~JwksSource() = default;
    // The JWKS document at `uri`; Unavailable "jwks_unavailable" when it cannot be fetched.
    virtual Result<std::string> fetch(const std::string& uri) = 0;
};

struct ClientKey {
    std::string kid;  // "" when the JWK has none
    std::string alg;  // "" when the JWK does not restrict it
    AsymmetricKey key;
};

// The usable signing keys of a JWKS document: EC P-256 and RSA keys whose "use" (if present)
// is "sig"; others are skipped. Invalid "bad_jwks" when it is not a JWKS at all.
Result<std::vector<ClientKey>> parseClientJwks(const std::string& document);

class ClientJwksCache {
public:
    ClientJwksCache(infra::Clock& clock, std::shared_ptr<JwksSource> source, const OidcSettings& settings)
        : clock_(clock), source_(std::move(source)), settings_(settings) {}

    // The keys at `uri`; refresh=true asks for a refetch (honoured when the last fetch is
    // older than jwksMinRefetchSeconds).
    Result<std::vector<ClientKey>> keys(const std::string& uri, bool refresh = false);

private:
    struct Entry {
        std::vector<ClientKey> keys;
        std::int64_t fetchedAt = 0;
    };
    infra::Clock& clock_;
    std::shared_ptr<JwksSource> source_;
    const OidcSettings& settings_;
    std::mutex mutex_;
    std::map<std::string, Entry> entries_;
};

}  // namespace tessera::core::oidc
