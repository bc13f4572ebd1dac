#include "core/services/RoleAdministration.h"

#include <algorithm>

namespace tessera::core {

namespace {

bool holds(const AccountWithRoles& account, Role role) {
    return std::find(account.roles.begin(), account.roles.end(), role) != account.roles.end();
}

}  // namespace

Result<AccountWithRoles> RoleAdministration::grant(const std::string& accountId, Role role, const Actor& actor) {
    AccountSearch accounts(ctx_);
    auto account = accounts.get(accountId);
    if (!account) return account.error();
    if (holds(*account, role)) return account;
    if (account->status != AccountStatus::Active)
        return Error::conflict("account_not_active",
                               "Staff roles are for active accounts: this one has not finished setting up (email and "
                               "second factor) or is disabled.");
    if (auto granted = Roles(ctx_).grant(accountId, role, actor); !granted) return granted.error();
    return accounts.get(accountId);
}

Result<AccountWithRoles> RoleAdministration::revoke(const std::string& accountId, Role role, const Actor& actor) {
    AccountSearch accounts(ctx_);
    auto account = accounts.get(accountId);
    if (!account) return account.error();
    if (role == Role::Admin && accountId == actor.accountId)
        return Error::conflict("own_admin_role",
                               "You cannot remove your own admin role; another administrator can.");
    if (!holds(*account, role)) return account;
    if (auto revoked = Roles(ctx_).revoke(accountId, role, actor); !revoked) {
        // Another administrator revoked it a moment ago: the outcome asked for holds.
        if (revoked.error().code != "role_not_held") return revoked.error();
    }
    return accounts.get(accountId);
}

}  // namespace tessera::core
