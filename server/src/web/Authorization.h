#pragma once
// Staff roles on REST calls. The caller is either a signed-in browser session (cookie, and the
// X-CSRF-Token header on unsafe methods, as web/Authentication.h checks) or the reviewer
// workstation with a bearer access token this server issued to it through the authorization-code
// flow, carrying the tessera:staff scope (DESIGN.md "Interfaces"). Either way the account's
// roles, read now, decide.
#include <initializer_list>
#include <optional>
#include <string>

#include "core/services/Roles.h"
#include "web/Authentication.h"
#include "web/Request.h"
#include "web/Services.h"

namespace tessera::web {

struct StaffCaller {
    std::string accountId;
    bool bearer = false;  // authenticated by an access token rather than a session cookie
};

// The caller when they are fully signed in and their account holds `role`. Otherwise sends the
// problem (401 sign_in_required / invalid_token, 403 csrf_failed / terms_acceptance_required /
// insufficient_scope / role_required) and returns nullopt.
std::optional<StaffCaller> requireRole(Request& r, Services& services, core::Role role);
// The same, for any one of `roles`.
std::optional<StaffCaller> requireAnyRole(Request& r, Services& services, std::initializer_list<core::Role> roles);

}  // namespace tessera::web
