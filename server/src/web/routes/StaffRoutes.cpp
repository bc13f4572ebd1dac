// Who the staff member calling is, and which roles they hold now: the reviewer workstation
// decides what its window offers from this after signing in (and on every token refresh).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "core/services/AccountSearch.h"
#include "tessera/shared/ApiFields.h"
#include "web/Authorization.h"
#include "web/Respond.h"
#include "web/routes/Routes.h"

namespace tessera::web {

namespace {

void staffMe(Request& r, Services& services) {
    auto caller =
        requireAnyRole(r, services, {core::Role::Reviewer, core::Role::SeniorReviewer, core::Role::Admin});
    if (!caller) return;
    auto account = core::AccountSearch(services).get(caller->accountId);
    if (!account) return sendProblem(r, account.error());
    Poco::JSON::Array roles;
    for (core::Role role : account->roles) roles.add(core::toString(role));
    Poco::JSON::Object out;
    out.set("accountId", account->id);
    out.set(std::string(field::kName), account->name);
    out.set(std::string(field::kEmail), account->email);
    out.set("roles", roles);
    sendJson(r, 200, out);
}

}  // namespace

void registerStaffRoutes(Router& router, Services& services) {
    router.get("/api/v1/staff/me", [&services](Request& r) { staffMe(r, services); });
}

}  // namespace tessera::web
