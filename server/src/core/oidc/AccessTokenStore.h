#pragma once
// The access_tokens table: one row per access token issued, which revocation marks and
// introspection consults (the token itself is a self-contained JWT).
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>

#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

struct AccessTokenRecord {
    std::string jti;
    std::string serviceId;
    std::string accountId;  // "" for client credentials
    std::string grantId;    // "" for client credentials
    std::string scope;
    std::int64_t issuedAt = 0;
    std::int64_t expiresAt = 0;
    std::int64_t revokedAt = 0;  // 0: not revoked
};

class AccessTokenStore {
public:
    explicit AccessTokenStore(store::Database& db) : db_(db) {}

    Status insert(Poco::Data::Session& s, const AccessTokenRecord& record);
    std::optional<AccessTokenRecord> find(const std::string& jti);
    // Marks the token revoked (idempotent); false when there is no such token.
    bool revoke(const std::string& jti, std::int64_t at);
    // Deletes rows of tokens that expired before `before`; returns how many.
    int purgeExpired(std::int64_t before);

private:
    store::Database& db_;
};

}  // namespace tessera::core::oidc
