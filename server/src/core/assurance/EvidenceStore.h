#pragma once
// The identity_evidence table. Details (what was checked) are sealed with the data key, bound
// to the row id. Writes take the caller's session so they commit with the LoA they change.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/assurance/Evidence.h"
#include "infra/SecretBox.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class EvidenceStore {
public:
    EvidenceStore(store::Database& db, const infra::SecretBox& dataKey) : db_(db), key_(dataKey) {}

    Status insert(Poco::Data::Session& s, const Evidence& e);
    std::optional<Evidence> find(Poco::Data::Session& s, const std::string& id);
    // Every piece the account holds or held (revoked and expired too), oldest first.
    std::vector<Evidence> forAccount(Poco::Data::Session& s, const std::string& accountId);
    std::vector<Evidence> forAccount(const std::string& accountId);
    // Those neither revoked nor expired at `now`.
    std::vector<Evidence> activeFor(Poco::Data::Session& s, const std::string& accountId, std::int64_t now);
    // Marks it revoked (the first revocation is kept); false when there is no such live row.
    bool revoke(Poco::Data::Session& s, const std::string& id, std::int64_t at, const std::string& reason);

    // Evidence that has lapsed by `now` but is not yet marked: (id, account id) pairs, at most
    // `limit`, through the identity_evidence_by_expiry index.
    struct Lapsed {
        std::string id, accountId;
    };
    std::vector<Lapsed> lapsedBy(Poco::Data::Session& s, std::int64_t now, std::size_t limit);

private:
    store::Database& db_;
    const infra::SecretBox& key_;
};

}  // namespace tessera::core
