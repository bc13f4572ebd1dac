#include "web/Authorization.h"

#include "web/Respond.h"

namespace tessera::web {

std::optional<CurrentSession> requireRole(Request& r, Services& services, core::Role role) {
    auto current = requireSignedIn(r, services);
    if (!current) return std::nullopt;
    if (!core::Roles(services).has(current->session.accountId, role)) {
        sendProblem(r, Error::forbidden("role_required", "This needs the " + core::toString(role) + " role."));
        return std::nullopt;
    }
    return current;
}

}  // namespace tessera::web
