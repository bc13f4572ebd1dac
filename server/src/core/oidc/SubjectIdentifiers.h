#pragma once
// The `sub` a service knows a citizen by (OpenID Connect Core §8). Pairwise by default: a
// random identifier per (account, sector), stored in subject_identifiers, where the sector is
// the service's sector_identifier host when set, else the host of its redirect URIs. Services
// registered with subject_type "public" get the account id.
#include <string>

#include "core/services/Service.h"
#include "infra/Clock.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

class SubjectIdentifiers {
public:
    SubjectIdentifiers(store::Database& db, infra::Clock& clock) : db_(db), clock_(clock) {}

    // Creates the pairwise identifier on first use (safe under concurrent first uses).
    Result<std::string> subjectFor(const std::string& accountId, const Service& service);
    // The account behind `subject` at `service`, or NotFound.
    Result<std::string> accountFor(const std::string& subject, const Service& service);
    // The sector a service's pairwise subjects belong to.
    static std::string sectorOf(const Service& service);

private:
    store::Database& db_;
    infra::Clock& clock_;
};

}  // namespace tessera::core::oidc
