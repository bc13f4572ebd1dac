// Staff roles on accounts (admin role; core/services/RoleAdministration.h): find accounts by
// email or name, or by a role they hold; grant (PUT) and revoke (DELETE) reviewer,
// senior_reviewer and admin. Both are idempotent and answer the account with its roles now.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "core/services/AccountSearch.h"
#include "core/services/RoleAdministration.h"
#include "tessera/shared/ApiFields.h"
#include "web/Respond.h"
#include "web/routes/AdminRequests.h"
#include "web/routes/Routes.h"

namespace tessera::web {

namespace {

const std::string kBase = "/api/v1/admin/accounts";

Poco::JSON::Object accountJson(const core::AccountWithRoles& a) {
    Poco::JSON::Array roles;
    for (core::Role role : a.roles) roles.add(core::toString(role));
    Poco::JSON::Object o;
    o.set(std::string(field::kId), a.id);
    o.set(std::string(field::kEmail), a.email);
    o.set(std::string(field::kName), a.name);
    o.set("status", core::toString(a.status));
    o.set("roles", roles);
    return o;
}

std::optional<core::Role> roleParam(Request& r) {
    auto role = core::roleFrom(r.param("role"));
    if (!role) sendProblem(r, Error::field("role", "invalid_choice", "Use reviewer, senior_reviewer or admin."));
    return role;
}

void searchAccounts(Request& r, Services& services) {
    if (!requireAdmin(r, services)) return;
    auto limit = pageLimit(r, core::AccountSearch::kDefaultPageSize, core::AccountSearch::kMaxPageSize);
    if (!limit) return;
    // role=any lists every member of staff, whatever their role.
    core::RoleFilter roles;
    if (auto name = r.queryParam("role"); name && *name == "any") {
        roles = core::RoleFilter::anyStaffRole();
    } else if (name && !name->empty()) {
        auto role = core::roleFrom(*name);
        if (!role)
            return sendProblem(r, Error::field("role", "invalid_choice", "Use reviewer, senior_reviewer, admin or any."));
        roles = *role;
    }
    auto page = core::AccountSearch(services).search(r.queryParam("q").value_or(""), roles, *limit,
                                                     r.queryParam(std::string(field::kAfter)).value_or(""));
    if (!page) return sendProblem(r, page.error());
    Poco::JSON::Array items;
    for (const auto& a : page->items) items.add(accountJson(a));
    Poco::JSON::Object out;
    out.set(std::string(field::kItems), items);
    out.set(std::string(field::kNext), page->next.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(page->next));
    sendJson(r, 200, out);
}

void grantRole(Request& r, Services& services) {
    auto actor = requireAdmin(r, services);
    if (!actor) return;
    auto role = roleParam(r);
    if (!role) return;
    auto account = core::RoleAdministration(services).grant(r.param("id"), *role, *actor);
    if (!account) return sendProblem(r, account.error());
    sendJson(r, 200, accountJson(*account));
}

void revokeRole(Request& r, Services& services) {
    auto actor = requireAdmin(r, services);
    if (!actor) return;
    auto role = roleParam(r);
    if (!role) return;
    auto account = core::RoleAdministration(services).revoke(r.param("id"), *role, *actor);
    if (!account) return sendProblem(r, account.error());
    sendJson(r, 200, accountJson(*account));
}

}  // namespace

void registerAdminAccountRoutes(Router& router, Services& services) {
    router.get(kBase, [&services](Request& r) { searchAccounts(r, services); });
    router.put(kBase + "/{id}/roles/{role}", [&services](Request& r) { grantRole(r, services); });
    router.del(kBase + "/{id}/roles/{role}", [&services](Request& r) { revokeRole(r, services); });
}

}  // namespace tessera::web
