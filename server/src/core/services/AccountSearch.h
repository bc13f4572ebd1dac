#pragma once
// Finding accounts for the administration of staff roles: by a fragment of the email address
// or the name (case-insensitive for ASCII letters), or by a role held; each with its roles.
// Ordered by email address, a page at a time.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/accounts/Account.h"
#include "core/services/Roles.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct AccountWithRoles {
    std::string id;
    std::string email;
    std::string name;
    AccountStatus status = AccountStatus::Active;
    std::vector<Role> roles;  // reviewer, senior_reviewer, admin order
};

struct AccountSearchPage {
    std::vector<AccountWithRoles> items;
    std::string next;  // opaque cursor; empty on the last page
};

// Whose accounts a search keeps: anyone (the query alone narrows the list), the holders of one
// role, or everyone holding any staff role. Converts from a role or std::nullopt.
class RoleFilter {
public:
    RoleFilter() = default;
    RoleFilter(std::nullopt_t) {}  // NOLINT(google-explicit-constructor): reads as "no role"
    RoleFilter(Role role) : role_(role) {}  // NOLINT(google-explicit-constructor)
    explicit RoleFilter(std::optional<Role> role) : role_(role) {}
    static RoleFilter anyStaffRole() {
        RoleFilter f;
        f.any_ = true;
        return f;
    }

    bool isSet() const { return role_ || any_; }
    const std::optional<Role>& role() const { return role_; }
    bool anyRole() const { return any_; }

private:
    std::optional<Role> role_;
    bool any_ = false;
};

class AccountSearch {
public:
    static constexpr std::size_t kDefaultPageSize = 25;
    static constexpr std::size_t kMaxPageSize = 100;
    static constexpr std::size_t kMinQueryLength = 2;
    static constexpr std::size_t kMaxQueryLength = 100;

    explicit AccountSearch(Context& ctx) : ctx_(ctx) {}

    // `query` matches anywhere in the email address or the name; `roles` keeps the holders of
    // a role, or of any staff role. At least one of them is needed (field error "q" required): the list of every
    // citizen is not something an administrator browses. Field errors: q (too_short, too_long,
    // control_characters), limit (out_of_range), after (bad_cursor).
    Result<AccountSearchPage> search(const std::string& query, const RoleFilter& roles, std::size_t limit,
                                     const std::string& after);
    // NotFound "account_not_found".
    Result<AccountWithRoles> get(const std::string& accountId);

private:
    Context& ctx_;
};

}  // namespace tessera::core
