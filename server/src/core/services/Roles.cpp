#include "core/services/Roles.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

using namespace Poco::Data::Keywords;

namespace tessera::core {

std::string toString(Role role) {
    switch (role) {
        case Role::Reviewer: return "reviewer";
        case Role::SeniorReviewer: return "senior_reviewer";
        case Role::Admin: return "admin";
    }
    return "reviewer";
}

std::optional<Role> roleFrom(std::string_view name) {
    if (name == "reviewer") return Role::Reviewer;
    if (name == "senior_reviewer") return Role::SeniorReviewer;
    if (name == "admin") return Role::Admin;
    return std::nullopt;
}

Status Roles::grant(const std::string& accountId, Role role, const Actor& actor) {
    return ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        if (!ctx_.accounts.findById(s, accountId)) return Error::notFound("account_not_found", "There is no such account.");
        std::string account = accountId, name = toString(role), by = actor.accountId;
        Poco::Int64 at = ctx_.clock.now();
        Poco::Data::Statement st(s);
        st << ctx_.db.sql("INSERT INTO account_roles (account_id, role, granted_by, granted_at) VALUES (?, ?, ?, ?) "
                          "ON CONFLICT (account_id, role) DO NOTHING"),
            use(account), use(name), use(by), use(at);
        if (st.execute() == 0) return {};  // already held
        return ctx_.audit.append(s, {"role.granted", actor.accountId, accountId, actor.clientAddress, {{"role", name}}});
    });
}

Status Roles::revoke(const std::string& accountId, Role role, const Actor& actor) {
    return ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        // Two administrators removing each other at once must not both succeed.
        if (ctx_.db.backend() == store::Backend::PostgreSQL) s << "LOCK TABLE account_roles IN EXCLUSIVE MODE", now;
        std::string account = accountId, name = toString(role);
        if (role == Role::Admin) {
            std::string other = accountId, admin = name;
            Poco::Int64 others = 0;
            s << ctx_.db.sql("SELECT COUNT(*) FROM account_roles WHERE role = ? AND account_id <> ?"), use(admin),
                use(other), into(others), now;
            if (others == 0)
                return Error::conflict("last_admin", "This is the only administrator: grant the role to someone "
                                                     "else before removing it here.");
        }
        Poco::Data::Statement st(s);
        st << ctx_.db.sql("DELETE FROM account_roles WHERE account_id = ? AND role = ?"), use(account), use(name);
        if (st.execute() == 0) return Error::notFound("role_not_held", "The account does not hold that role.");
        return ctx_.audit.append(s, {"role.revoked", actor.accountId, accountId, actor.clientAddress, {{"role", name}}});
    });
}

std::vector<RoleGrant> Roles::list(const std::string& accountId) {
    Poco::Data::Session s = ctx_.db.session();
    std::string account = accountId;
    Poco::Data::Statement st(s);
    st << ctx_.db.sql("SELECT role, granted_by, granted_at FROM account_roles WHERE account_id = ? ORDER BY role"),
        use(account);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<RoleGrant> out;
    for (std::size_t i = 0; i < rs.rowCount(); ++i) {
        auto role = roleFrom(rs.value(0, i).convert<std::string>());
        if (!role) continue;  // a role this version does not know grants nothing
        out.push_back({*role, rs.value(1, i).convert<std::string>(), rs.value(2, i).convert<Poco::Int64>()});
    }
    return out;
}

bool Roles::has(const std::string& accountId, Role role) {
    Poco::Data::Session s = ctx_.db.session();
    std::string account = accountId, name = toString(role);
    Poco::Int64 count = 0;
    s << ctx_.db.sql("SELECT COUNT(*) FROM account_roles WHERE account_id = ? AND role = ?"), use(account), use(name),
        into(count), now;
    return count > 0;
}

}  // namespace tessera::core
