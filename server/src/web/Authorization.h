#pragma once
// Staff roles on REST calls. For now the caller is a signed-in session (cookie, and the
// X-CSRF-Token header on unsafe methods, as web/Authentication.h checks); bearer tokens for
// the reviewer workstation come with the authorization-code flow.
#include <optional>

#include "core/services/Roles.h"
#include "web/Authentication.h"
#include "web/Request.h"
#include "web/Services.h"

namespace tessera::web {

// The caller's session when they are fully signed in and their account holds `role`.
// Otherwise sends the problem (401 sign_in_required, 403 csrf_failed / terms_acceptance_required
// / role_required) and returns nullopt.
std::optional<CurrentSession> requireRole(Request& r, Services& services, core::Role role);

}  // namespace tessera::web
