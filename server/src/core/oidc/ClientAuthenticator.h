#pragma once
// Client authentication at the token, introspection and revocation endpoints (RFC 6749 §2.3,
// OpenID Connect Core §9): client_secret_basic, client_secret_post, private_key_jwt, and
// "none" for public clients (which only identify themselves). A service must use the method
// it is registered with; a disabled service cannot authenticate. Every failure is
// Unauthorized "invalid_client" with the same message for an unknown client and a wrong
// secret, and secrets are compared in constant time (SHA-256 of the presented secret against
// the stored one).
#include <string>
#include <vector>

#include "core/oidc/ClientAssertion.h"
#include "core/services/Service.h"
#include "core/services/ServiceStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core::oidc {

enum class ClientAuthMethod { None, SecretBasic, SecretPost, PrivateKeyJwt };

// The registered name of a method ("client_secret_basic", ..., "none").
std::string toString(ClientAuthMethod method);

// What the request carried, as the web layer read it.
struct ClientCredentials {
    ClientAuthMethod method = ClientAuthMethod::None;
    std::string clientId;   // may be empty for private_key_jwt (taken from the assertion)
    std::string secret;     // basic / post
    std::string assertion;  // private_key_jwt
};

struct AuthenticatedClient {
    Service service;
    ClientAuthMethod method = ClientAuthMethod::None;
    bool confidential() const { return method != ClientAuthMethod::None; }
};

class ClientAuthenticator {
public:
    ClientAuthenticator(ServiceStore& services, ClientAssertionVerifier& assertions, const OidcSettings& settings)
        : services_(services), assertions_(assertions), settings_(settings) {}

    // `endpoint` is the URL the request was sent to (accepted as a client assertion's aud).
    Result<AuthenticatedClient> authenticate(const ClientCredentials& credentials, const std::string& endpoint);

private:
    ServiceStore& services_;
    ClientAssertionVerifier& assertions_;
    const OidcSettings& settings_;
};

}  // namespace tessera::core::oidc
