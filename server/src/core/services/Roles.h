#pragma once
// Staff roles held by accounts: reviewer, senior_reviewer, admin (DESIGN.md). Granting and
// revoking are audited; the last administrator cannot be removed, so the platform can
// always be administered.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Context.h"
#include "core/services/Actor.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

enum class Role { Reviewer, SeniorReviewer, Admin };

// "reviewer", "senior_reviewer", "admin": the names in the database and the API.
std::string toString(Role role);
std::optional<Role> roleFrom(std::string_view name);

struct RoleGrant {
    Role role = Role::Reviewer;
    std::string grantedBy;
    std::int64_t grantedAt = 0;
};

class Roles {
public:
    explicit Roles(Context& ctx) : ctx_(ctx) {}

    // Idempotent: granting a role already held changes nothing. NotFound "account_not_found".
    Status grant(const std::string& accountId, Role role, const Actor& actor);
    // NotFound "role_not_held"; Conflict "last_admin" when no other account would stay admin.
    Status revoke(const std::string& accountId, Role role, const Actor& actor);
    std::vector<RoleGrant> list(const std::string& accountId);
    bool has(const std::string& accountId, Role role);

private:
    Context& ctx_;
};

}  // namespace tessera::core
