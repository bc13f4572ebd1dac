#include "web/oidc/ClientCredentialsReader.h"
#include "web/oidc/Endpoints.h"
#include "web/oidc/OAuthResponse.h"

namespace tessera::web::oidc {

std::optional<core::oidc::AuthenticatedClient> authenticateClient(Request& r, core::oidc::Provider& provider,
                                                                   const FormBody& form, const std::string& endpoint) {
    auto credentials = readClientCredentials(r, form);
    if (!credentials) {
        sendOAuthError(r, credentials.error());
        return std::nullopt;
    }
    auto client = provider.clients().authenticate(*credentials, endpoint);
    if (!client) {
        sendOAuthError(r, client.error());
        return std::nullopt;
    }
    return *client;
}

}  // namespace tessera::web::oidc
