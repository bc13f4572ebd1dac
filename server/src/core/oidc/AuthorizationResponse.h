#pragma once
// The authorization endpoint's answer to the service (RFC 6749 §4.1.2, RFC 9207): the
// redirect URI with code and state, or error, error_description and state, and always iss,
// added to any query the registered URI already has; and the code request the back channel
// issues the code from.
#include <string>

#include "core/accounts/Account.h"
#include "core/oidc/AcrValues.h"
#include "core/oidc/AuthorizationCodeGrant.h"
#include "core/oidc/AuthorizationRequest.h"
#include "core/sessions/Session.h"

namespace tessera::core::oidc {

// redirect_uri?code=...&state=...&iss=... (state only when the request had one).
std::string codeRedirect(const std::string& redirectUri, const std::string& code, const std::string& state,
                         const std::string& issuer);
// redirect_uri?error=...&error_description=...&state=...&iss=...
std::string errorRedirect(const std::string& redirectUri, const std::string& error, const std::string& description,
                          const std::string& state, const std::string& issuer);
std::string errorRedirect(const AuthorizationError& error, const std::string& issuer);

// What the code is issued for: the request, the portal session that is the OP session
// (auth_time, amr) and the account (acr = the account's LoA now, named as `acrNames` names it).
CodeRequest codeRequestFor(const AuthorizationRequest& request, const Session& session, const Account& account,
                           const AcrValues& acrNames);

}  // namespace tessera::core::oidc
