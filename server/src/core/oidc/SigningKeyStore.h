#pragma once
// The signing_keys table. The private key is stored sealed (see SigningKeys); this class only
// moves rows. Methods taking a session run inside the caller's transaction.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

struct SigningKeyRecord {
    std::string kid;
    std::string alg;
    std::string sealedPrivateKey;  // base64url(SecretBox seal of the PKCS#8 PEM)
    std::string publicJwk;         // JSON: kty, crv/x/y or n/e
    std::int64_t createdAt = 0;
    std::int64_t activatesAt = 0;  // signs from here
    std::int64_t retiresAt = 0;    // signs until here (0: until replaced)
    std::int64_t expiresAt = 0;    // leaves the JWKS here (0: not scheduled)

    bool signsAt(std::int64_t t) const { return activatesAt <= t && (retiresAt == 0 || t < retiresAt); }
    bool publishedAt(std::int64_t t) const { return expiresAt == 0 || t < expiresAt; }
};

class SigningKeyStore {
public:
    explicit SigningKeyStore(store::Database& db) : db_(db) {}

    // Serialises key changes across server processes (PostgreSQL; SQLite has one writer anyway).
    void lock(Poco::Data::Session& s);
    Status insert(Poco::Data::Session& s, const SigningKeyRecord& key);
    // Every key for `alg` still published at `now`, oldest activation first.
    std::vector<SigningKeyRecord> publishedForAlg(Poco::Data::Session& s, const std::string& alg, std::int64_t now);
    // Every key of any algorithm still published at `now`, oldest activation first.
    std::vector<SigningKeyRecord> published(std::int64_t now);
    std::optional<SigningKeyRecord> find(const std::string& kid);
    // Keys of `alg` that would still sign at `at` stop signing then and leave the JWKS at `expiresAt`.
    void retireAt(Poco::Data::Session& s, const std::string& alg, std::int64_t at, std::int64_t expiresAt);
    // Removes keys that left the JWKS before `before` (their private keys are no longer needed).
    int purgeExpired(Poco::Data::Session& s, std::int64_t before);

private:
    store::Database& db_;
};

}  // namespace tessera::core::oidc
