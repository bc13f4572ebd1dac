#pragma once
// The grants table: one authorization of a service by a citizen, the family its codes,
// refresh tokens and access tokens belong to. Methods taking a Poco::Data session run inside
// the caller's transaction.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

struct Grant {
    std::string id;
    std::string serviceId;
    std::string accountId;
    std::string sid;                  // the OP session at the service (oidc_sessions.sid)
    std::vector<std::string> scopes;  // granted
    std::vector<std::string> claims;  // consented
    std::string claimsRequest;        // the `claims` request parameter (JSON text) or ""
    std::string acr;
    std::vector<std::string> amr;
    std::int64_t authTime = 0;
    std::int64_t createdAt = 0;
    std::int64_t expiresAt = 0;
    std::int64_t revokedAt = 0;  // 0: in force
    std::string revokedReason;

    bool hasScope(const std::string& scope) const;
};

class GrantStore {
public:
    explicit GrantStore(store::Database& db) : db_(db) {}

    Status insert(Poco::Data::Session& s, const Grant& grant);
    std::optional<Grant> find(Poco::Data::Session& s, const std::string& id);
    std::optional<Grant> find(const std::string& id);
    // Revokes the grant and every access and refresh token issued under it. True when this
    // call revoked the grant; false when it was revoked already or does not exist (the first
    // revocation's time and reason are kept; the tokens are revoked either way).
    bool revokeFamily(Poco::Data::Session& s, const std::string& id, std::int64_t at, const std::string& reason);

private:
    store::Database& db_;
};

}  // namespace tessera::core::oidc
