#pragma once
// The provider's token signing keys. An ES256 key is made at first start; an RS256 key the
// first time a service needs one. Private keys are stored sealed with the data key (bound to
// their kid) and never leave the process. Keys rotate on a schedule (a successor is
// published keyPrepublishSeconds before it takes over) or by command (at once); a replaced
// key stays in the JWKS until every token it signed has expired, then it is deleted.
// The kid is the key's RFC 7638 thumbprint.
//
// State lives in the database: any number of server processes share the keys. This object
// only caches what it read (keyCacheSeconds) and the keys it unsealed; it is thread-safe.
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/AuditLog.h"
#include "core/oidc/AsymmetricKey.h"
#include "core/oidc/JwsAlg.h"
#include "core/oidc/OidcSettings.h"
#include "core/oidc/SigningKeyStore.h"
#include "infra/Clock.h"
#include "infra/SecretBox.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

// A key that signs now.
struct Signer {
    std::string kid;
    JwsAlg alg = JwsAlg::ES256;
    AsymmetricKey key;
};

// A key in the JWKS, for verifying what this provider signed.
struct PublishedKey {
    std::string kid;
    JwsAlg alg = JwsAlg::ES256;
    AsymmetricKey key;  // public part only
};

struct SigningKeyInfo {
    std::string kid;
    JwsAlg alg = JwsAlg::ES256;
    std::int64_t createdAt = 0, activatesAt = 0, retiresAt = 0, expiresAt = 0;
};

class SigningKeys {
public:
    SigningKeys(store::Database& db, infra::Clock& clock, const infra::SecretBox& dataKey, AuditLog& audit,
                OidcSettings settings);

    // Makes sure a key for `alg` signs now, publishes its successor when rotation is due, and
    // deletes keys whose tokens have all expired. Run at start-up for ES256.
    Status ensureCurrent(JwsAlg alg);
    // The key that signs `alg` tokens now (ensureCurrent first when the cache is stale).
    Result<Signer> current(JwsAlg alg);
    // Rotation by command: a new key signs from now on; the replaced ones stay published until
    // their tokens have expired. Audited with `actor`.
    Result<SigningKeyInfo> rotate(JwsAlg alg, const std::string& actor);
    // A key of the JWKS by kid, or nullopt when unknown or expired.
    std::optional<PublishedKey> published(const std::string& kid);
    // {"keys": [{kty, crv, x, y | n, e, kid, alg, use: "sig"}, ...]}: every key not yet expired,
    // including one published ahead of taking over.
    Poco::JSON::Object::Ptr jwks();
    std::vector<SigningKeyInfo> list();

private:
    // Stores `key` to sign from `activatesAt`, retiring the keys that would still sign then.
    Result<SigningKeyRecord> createKey(Poco::Data::Session& s, const AsymmetricKey& key, JwsAlg alg,
                                       std::int64_t activatesAt, const std::string& actor, const std::string& event);
    // When a new key must start signing (now, when none signs; later, when rotation is due
    // and no successor is published yet), or nullopt.
    std::optional<std::int64_t> activationDue(const std::vector<SigningKeyRecord>& keys, std::int64_t now) const;
    Result<AsymmetricKey> unseal(const SigningKeyRecord& record);
    void forgetCachedSigners();

    struct CachedSigner {
        Signer signer;
        std::int64_t checkedAt = 0;
        std::int64_t retiresAt = 0;
    };
    struct CachedPublic {
        std::optional<PublishedKey> key;
        std::int64_t expiresAt = 0;
        std::int64_t loadedAt = 0;
    };

    store::Database& db_;
    infra::Clock& clock_;
    const infra::SecretBox& dataKey_;
    AuditLog& audit_;
    OidcSettings settings_;
    SigningKeyStore store_;
    std::mutex mutex_;
    std::map<JwsAlg, CachedSigner> signers_;
    std::map<std::string, AsymmetricKey> unsealed_;  // kid -> private key
    std::map<std::string, CachedPublic> public_;     // kid -> what verification last read
};

}  // namespace tessera::core::oidc
