#pragma once
// Reads how the client authenticates from an OAuth request: an Authorization: Basic header
// (client_secret_basic; both parts form-urlencoded, RFC 6749 §2.3.1), client_id and
// client_secret in the body (client_secret_post), a client assertion (private_key_jwt,
// RFC 7523), or only client_id (a public client). Using more than one method is refused.
#include "core/oidc/ClientAuthenticator.h"
#include "tessera/shared/Result.h"
#include "web/Request.h"
#include "web/oidc/FormBody.h"

namespace tessera::web::oidc {

inline constexpr const char* kJwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

// Invalid "invalid_request" for mixed or incomplete methods; Unauthorized "invalid_client" for
// an unreadable Basic header.
Result<core::oidc::ClientCredentials> readClientCredentials(const Request& r, const FormBody& form);

}  // namespace tessera::web::oidc
