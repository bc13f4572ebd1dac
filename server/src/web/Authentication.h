#pragma once
// Session cookies and CSRF for citizen REST calls. The cookie carries an opaque random token
// (HttpOnly, SameSite=Lax, Secure except on plain-http localhost); unsafe methods must echo
// the session's CSRF token in X-CSRF-Token.
#include <Poco/JSON/Object.h>

#include <initializer_list>
#include <optional>
#include <string>

#include "core/sessions/SessionStore.h"
#include "web/Request.h"
#include "web/Services.h"

namespace tessera::web {

struct CurrentSession {
    core::Session session;
    std::string token;  // the cookie value
};

// The cookie's name: "__Host-tessera_session" when Secure, "tessera_session" otherwise.
std::string sessionCookieName(const Services& services);

// Returns the caller's live session if its stage is one of `allowed`; otherwise sends the
// problem (401 sign_in_required, 403 wrong_stage, 403 csrf_failed) and returns nullopt.
// Unsafe methods (POST, PUT, PATCH, DELETE) must carry a matching X-CSRF-Token.
// Fully authenticated sessions are also held to terms re-acceptance (403
// terms_acceptance_required) unless allowTermsPending is set (the terms endpoints).
std::optional<CurrentSession> requireSession(Request& r, Services& services,
                                             std::initializer_list<core::SessionStage> allowed,
                                             bool allowTermsPending = false);
// Shorthand: a fully signed-in citizen.
std::optional<CurrentSession> requireSignedIn(Request& r, Services& services);
// The caller's live session at any stage, or nullopt; sends nothing and checks neither
// stage, CSRF nor terms (pages redirect instead of answering with a problem). Decoy sessions
// (core/accounts/DecoySession.h) count as none. touch=true records activity.
std::optional<CurrentSession> currentSession(const Request& r, Services& services, bool touch);

void setSessionCookie(Request& r, const Services& services, const core::NewSession& session);
void clearSessionCookie(Request& r, const Services& services);
// The session as the API shows it to its owner, including the CSRF token for later calls.
Poco::JSON::Object sessionJson(const core::Session& s, bool current);

}  // namespace tessera::web
