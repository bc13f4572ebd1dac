#pragma once
// The refresh_tokens table. A refresh token is stored only as the SHA-256 of its value.
// Rotation marks a token used with a conditional update, so of two concurrent uses of one
// token exactly one wins; the token it is exchanged for names it as its parent.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

struct RefreshTokenRecord {
    std::string tokenHash;   // SHA-256 hex of the token
    std::string grantId;
    std::string parentHash;  // the token this one replaced; "" for the first of the family
    std::string serviceId;
    std::string accountId;
    std::vector<std::string> scopes;
    std::int64_t createdAt = 0;
    std::int64_t expiresAt = 0;
    std::int64_t usedAt = 0;     // 0: not yet exchanged
    std::int64_t revokedAt = 0;  // 0: not revoked
};

class RefreshTokenStore {
public:
    explicit RefreshTokenStore(store::Database& db) : db_(db) {}

    static std::string hashToken(const std::string& token);

    Status insert(Poco::Data::Session& s, const RefreshTokenRecord& record);
    std::optional<RefreshTokenRecord> findByToken(const std::string& token);
    // Marks the token used at `at` if it is neither used nor revoked: true for the one caller that did.
    bool markUsed(Poco::Data::Session& s, const std::string& tokenHash, std::int64_t at);
    // Deletes tokens past their expiry, and tokens revoked before `revokedBefore`.
    int purge(std::int64_t now, std::int64_t revokedBefore);

private:
    store::Database& db_;
};

}  // namespace tessera::core::oidc
