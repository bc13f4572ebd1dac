#pragma once
// Granting and revoking staff roles on request of an administrator (core/services/Roles does
// the writing and the audit entry, with the administrator as actor). Both are idempotent: a
// role already held or already gone changes nothing and answers the account as it is.
// Refused: a role for an account that is not active (staff sign in with two factors, which a
// pending account has not set up), an administrator removing their own admin role (another
// administrator must), and removing the last administrator.
#include <string>

#include "core/Context.h"
#include "core/services/AccountSearch.h"
#include "core/services/Actor.h"
#include "core/services/Roles.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class RoleAdministration {
public:
    explicit RoleAdministration(Context& ctx) : ctx_(ctx) {}

    // NotFound "account_not_found"; Conflict "account_not_active".
    Result<AccountWithRoles> grant(const std::string& accountId, Role role, const Actor& actor);
    // NotFound "account_not_found"; Conflict "own_admin_role", "last_admin".
    Result<AccountWithRoles> revoke(const std::string& accountId, Role role, const Actor& actor);

private:
    Context& ctx_;
};

}  // namespace tessera::core
