#pragma once
// Which pages need an account. A page that needs a signed-in citizen redirects anyone else
// to /sign-in?next=<the page>, and back there after signing in; one that needs new terms
// accepted first redirects to the terms page. A page of one sign-in or sign-up step
// (entering the code, say) sends anyone not at that step to where they should be.
#include <initializer_list>
#include <optional>
#include <string>

#include "core/sessions/Session.h"
#include "web/Authentication.h"
#include "web/Request.h"
#include "web/Services.h"

namespace tessera::web::portal {

// The signed-in citizen's session (activity recorded), or nullopt after a 303 to the sign-in
// page (with next=) or to the terms page. allowTermsPending: the terms page itself, sign out.
std::optional<CurrentSession> requireSignedInPage(Request& r, Services& services, bool allowTermsPending = false);

// The session (activity recorded) if it is at one of `stages`, or nullopt after a 303 to
// `otherwise`.
std::optional<CurrentSession> requirePageStage(Request& r, Services& services,
                                               std::initializer_list<core::SessionStage> stages,
                                               const std::string& otherwise);

// "/sign-in?next=<returnPath, encoded>" ("/sign-in" when returnPath is not a safe path).
std::string signInPathReturningTo(const std::string& returnPath);
// `path` with "?next=<returnPath>" added when returnPath is a safe path other than "/account".
std::string withNext(const std::string& path, const std::optional<std::string>& returnPath);

}  // namespace tessera::web::portal
