#include "core/oidc/ClientAuthenticator.h"

#include "core/services/ClientSecret.h"

namespace tessera::core::oidc {

namespace {

constexpr std::size_t kMaxClientIdBytes = 256;
constexpr std::size_t kMaxSecretBytes = 512;

Error failed() {
    return Error::unauthorized("invalid_client", "Client authentication failed: unknown client or wrong credentials.");
}

Error wrongMethod(const Service& s) {
    return Error::unauthorized("invalid_client",
                               "This client is registered to authenticate with " + s.tokenEndpointAuthMethod + ".");
}

}  // namespace

std::string toString(ClientAuthMethod method) {
    switch (method) {
        case ClientAuthMethod::None: return "none";
        case ClientAuthMethod::SecretBasic: return "client_secret_basic";
        case ClientAuthMethod::SecretPost: return "client_secret_post";
        case ClientAuthMethod::PrivateKeyJwt: return "private_key_jwt";
    }
    return "none";
}

Result<AuthenticatedClient> ClientAuthenticator::authenticate(const ClientCredentials& c, const std::string& endpoint) {
    std::string clientId = c.clientId;
    if (c.method == ClientAuthMethod::PrivateKeyJwt) {
        const std::string claimed = ClientAssertionVerifier::claimedClientId(c.assertion);
        if (!clientId.empty() && clientId != claimed)
            return Error::unauthorized("invalid_client", "client_id does not match the client assertion's issuer.");
        clientId = claimed;
    }
    if (clientId.empty() || clientId.size() > kMaxClientIdBytes || c.secret.size() > kMaxSecretBytes) {
        (void)client_secret::matches(c.secret, "");
        return failed();
    }
    auto service = services_.findByClientId(clientId);
    const bool usable = service && !service->disabled;

    switch (c.method) {
        case ClientAuthMethod::SecretBasic:
        case ClientAuthMethod::SecretPost: {
            // The secret is hashed and compared whatever happens, so the answer takes as long for
            // an unknown or disabled client as for a wrong secret.
            const bool secretMatches = client_secret::matches(c.secret, usable ? service->secretHash : "");
            if (!usable || !secretMatches) return failed();
            if (service->tokenEndpointAuthMethod != toString(c.method)) return wrongMethod(*service);
            return AuthenticatedClient{*service, c.method};
        }
        case ClientAuthMethod::PrivateKeyJwt: {
            if (!usable) return failed();
            if (service->tokenEndpointAuthMethod != "private_key_jwt") return wrongMethod(*service);
            std::vector<std::string> audiences{settings_.issuer, settings_.tokenEndpoint()};
            if (endpoint != settings_.tokenEndpoint()) audiences.push_back(endpoint);
            if (auto verified = assertions_.verify(*service, c.assertion, audiences); !verified) return verified.error();
            return AuthenticatedClient{*service, c.method};
        }
        case ClientAuthMethod::None: {
            if (!usable) return failed();
            // A confidential client must prove itself; only a public one may merely name itself.
            if (service->tokenEndpointAuthMethod != "none")
                return Error::unauthorized("invalid_client", "This client must authenticate (" +
                                                                 service->tokenEndpointAuthMethod + ").");
            return AuthenticatedClient{*service, c.method};
        }
    }
    return failed();
}

}  // namespace tessera::core::oidc
