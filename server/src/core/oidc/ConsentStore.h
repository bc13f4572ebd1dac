#pragma once
// The consents table: what a citizen agreed to share with a service (scopes and claims), in
// which language and having seen which text (text_hash), when, and whether they withdrew it.
// One row per (account, service): agreeing again widens or renews the row.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/Database.h"

namespace tessera::core::oidc {

struct Consent {
    std::string accountId;
    std::string serviceId;
    std::vector<std::string> scopes;
    std::vector<std::string> claims;
    std::string language;  // of the consent page the citizen answered
    std::string textHash;  // SHA-256 hex of the service's explanation as shown
    std::int64_t grantedAt = 0;
    std::int64_t updatedAt = 0;
    std::int64_t withdrawnAt = 0;  // 0: in force

    bool inForce() const { return withdrawnAt == 0; }
    // In force, and every one of `scopes` and `claims` is among those agreed to.
    bool covers(const std::vector<std::string>& scopes, const std::vector<std::string>& claims) const;
};

class ConsentStore {
public:
    explicit ConsentStore(store::Database& db) : db_(db) {}

    // The row for (account, service), withdrawn or not.
    std::optional<Consent> find(Poco::Data::Session& s, const std::string& accountId, const std::string& serviceId);
    std::optional<Consent> find(const std::string& accountId, const std::string& serviceId);
    // Inserts the row or replaces every field of the existing one (safe under concurrent first inserts).
    void save(Poco::Data::Session& s, const Consent& consent);
    // The consents in force of an account, oldest first.
    std::vector<Consent> listInForce(const std::string& accountId);
    // Marks the consent withdrawn at `at`; false when there was none in force.
    bool withdraw(Poco::Data::Session& s, const std::string& accountId, const std::string& serviceId, std::int64_t at);

private:
    store::Database& db_;
};

}  // namespace tessera::core::oidc
