#pragma once
// The reviewer workstation as the server's tests see it: a server with its built-in client
// (workstation.client_id), that client as the OIDC fixtures take a relying party, bearer
// headers, and administrators and staff signed in over HTTP.
#include <map>
#include <string>

#include "server/web/oidc/OidcWebFixture.h"
#include "support/ApiClient.h"
#include "support/TestServer.h"

namespace tessera::test {

inline constexpr const char* kWorkstationClientId = "tessera-reviewer";

// TestServer settings: the provider's (oidcServerSettings) and the built-in workstation client.
void workstationServerSettings(infra::Settings& settings);

// The built-in client, redirecting to http://127.0.0.1:<port>/callback (any port is accepted).
RelyingPartyCredentials workstationClient(TestServer& server, int loopbackPort = 53682);

// {"Authorization": "Bearer <token>"}
std::map<std::string, std::string> bearerAuth(const std::string& token);

}  // namespace tessera::test
