#pragma once
// Answers of the OAuth endpoints: JSON with Cache-Control: no-store (RFC 6749 §5.1), and
// errors as {error, error_description} (§5.2) with the status each error calls for:
// invalid_client 401 (with WWW-Authenticate), server_error 500, temporarily_unavailable 503,
// every other error 400.
#include <Poco/JSON/Object.h>

#include "tessera/shared/Result.h"
#include "web/Request.h"

namespace tessera::web::oidc {

void sendOAuthJson(Request& r, int status, const Poco::JSON::Object& body);
// An empty 200 answer (revocation).
void sendOAuthOk(Request& r);
// Maps a core error to its OAuth error: its code when that is an OAuth error code, else
// server_error / temporarily_unavailable / invalid_request by kind.
void sendOAuthError(Request& r, const Error& error);

}  // namespace tessera::web::oidc
