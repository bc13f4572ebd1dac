#include "core/verification/AccountLock.h"

#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace tessera::core {

Status lockAccount(store::Database& db, Poco::Data::Session& s, const std::string& accountId) {
    std::string id = accountId;
    Poco::Data::Statement st(s);
    st << db.sql("UPDATE accounts SET version = version WHERE id = ?"), use(id);
    if (st.execute() != 1) return Error::notFound("account_not_found", "There is no such account.");
    return {};
}

}  // namespace tessera::core
