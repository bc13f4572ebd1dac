#pragma once
// The accounts table. Every method takes the Poco::Data session to run on, so callers can
// compose several writes into one Database::transaction.
#include <Poco/Data/Session.h>

#include <optional>
#include <string>

#include "core/accounts/Account.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class AccountStore {
public:
    explicit AccountStore(store::Database& db) : db_(db) {}

    // Fails with Conflict "email_taken" when the email is already used.
    Status insert(Poco::Data::Session& s, const Account& account);
    std::optional<Account> findById(Poco::Data::Session& s, const std::string& id);
    std::optional<Account> findByEmail(Poco::Data::Session& s, const std::string& email);
    // Writes every mutable field when the stored version equals account.version, then bumps
    // it (account.version is updated). Conflict "concurrent_update" when someone else won.
    Status update(Poco::Data::Session& s, Account& account, std::int64_t now);

    // Convenience reads outside a transaction.
    std::optional<Account> findById(const std::string& id);
    std::optional<Account> findByEmail(const std::string& email);

private:
    store::Database& db_;
};

}  // namespace tessera::core
