#include "server/web/admin/WorkstationFixture.h"

#include <stdexcept>

#include "core/services/ServiceStore.h"
#include "core/services/WorkstationClient.h"

namespace tessera::test {

void workstationServerSettings(infra::Settings& settings) {
    oidcServerSettings(settings);
    settings.workstationClientId = kWorkstationClientId;
}

RelyingPartyCredentials workstationClient(TestServer& server, int loopbackPort) {
    auto client = core::ServiceStore(server.db()).findByClientId(kWorkstationClientId);
    if (!client) throw std::runtime_error("the server registered no workstation client");
    RelyingPartyCredentials out;
    out.id = client->id;
    out.clientId = client->clientId;
    out.redirectUri = "http://127.0.0.1:" + std::to_string(loopbackPort) + "/callback";
    return out;
}

std::map<std::string, std::string> bearerAuth(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

}  // namespace tessera::test
