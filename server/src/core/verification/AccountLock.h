#pragma once
// Serialises the verification steps of one account (start an application, count register
// attempts, link a person) without a SELECT ... FOR UPDATE dialect: a no-op UPDATE of the
// account row takes its row lock on PostgreSQL, and the write lock on SQLite.
#include <Poco/Data/Session.h>

#include <string>

#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

// NotFound "account_not_found" when there is no such account.
Status lockAccount(store::Database& db, Poco::Data::Session& s, const std::string& accountId);

}  // namespace tessera::core
