#pragma once
// Web-level fixtures for the provider's tests: a server whose issuer is kIssuer, services made
// through the core registry, an administrator signed in over HTTP, form bodies and Basic
// credentials as OAuth clients send them, and a loopback server for a service's JWKS.
#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServer.h>

#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "core/oidc/AuthorizationCodeGrant.h"
#include "core/oidc/Provider.h"
#include "core/services/ServiceRegistry.h"
#include "support/ApiClient.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"

namespace tessera::test {

inline constexpr const char* kIssuer = "http://tessera.test";

// TestServer settings: cheap Argon2 and the issuer.
void oidcServerSettings(infra::Settings& settings);

struct ServiceCredentials {
    std::string id;
    std::string clientId;
    std::string clientSecret;  // empty for private_key_jwt and public clients
};

// A service that takes citizens: its credentials and its (first) redirect URI.
struct RelyingPartyCredentials : ServiceCredentials {
    std::string redirectUri;
};

// A confidential back-end service allowed client_credentials; `tweak` adjusts it first.
ServiceCredentials createBackendService(TestServer& server, const std::string& name = "Council tax",
                                        const std::string& method = "client_secret_basic",
                                        const std::function<void(core::ServiceChanges&)>& tweak = {});

// --- the authorization-code flow (phase 2) ---

// A PKCE verifier and its S256 challenge (computed independently with Python hashlib).
inline constexpr const char* kWebCodeVerifier = "dBjftJeZ4CVP-mJ0Oh8RrL6MSf4rB6lhoTgM9ZRJ3mQ";
inline constexpr const char* kWebCodeChallenge = "p3F9yslIyJW8Hvy_UuKeH3vPRmhhHQQirrnsK7QUluI";

// A relying party allowed authorization_code and refresh_token, every citizen scope and the
// claims Tessera supplies, redirecting to https://<host>/callback. `publicClient` makes it a
// public client (method none). `tweak` adjusts it first.
RelyingPartyCredentials createRelyingParty(TestServer& server, const std::string& name = "Parking permits",
                                      const std::string& host = "parking.example", bool publicClient = false,
                                      const std::function<void(core::ServiceChanges&)>& tweak = {});

// Stands in for the browser front channel (the authorize endpoint and consent page): issues
// codes through a provider of its own over the server's database, as the front channel would
// after a citizen signed in and consented.
class CodeBuilder {
public:
    explicit CodeBuilder(TestServer& server);
    ~CodeBuilder();
    // An active citizen with an authenticated portal session (made once per email).
    const TestAccount& citizen(const std::string& email = "ada@example.org");
    // What the front channel hands over: openid profile email, consent to name, email and
    // email_verified, a nonce, kWebCodeChallenge, LoA 0, pwd + otp, signed in 5 s ago.
    core::oidc::CodeRequest request(const RelyingPartyCredentials& service, const std::string& email = "ada@example.org");
    // issue(); throws when it fails.
    core::oidc::IssuedCode issue(const core::oidc::CodeRequest& request);
    std::string code(const RelyingPartyCredentials& service, const std::string& email = "ada@example.org") {
        return issue(request(service, email)).code;
    }
    core::oidc::Provider& provider() { return *provider_; }

private:
    TestServer& server_;
    std::unique_ptr<core::oidc::Provider> provider_;
    std::map<std::string, std::pair<TestAccount, std::string>> citizens_;  // email -> account, session public id
};

// POST /oauth2/token grant_type=authorization_code with kWebCodeVerifier, authenticating as
// the service does (Basic for confidential clients, client_id for public ones).
ApiResponse exchangeCodeOverHttp(ApiClient& client, const RelyingPartyCredentials& service, const std::string& code,
                                 const std::string& verifier = kWebCodeVerifier);
// POST /oauth2/token grant_type=refresh_token (scope when not empty).
ApiResponse refreshOverHttp(ApiClient& client, const ServiceCredentials& service, const std::string& refreshToken,
                            const std::string& scope = "");
// Headers that authenticate the service at the token endpoint ({} for a public client).
std::map<std::string, std::string> clientAuth(const ServiceCredentials& service);

// application/x-www-form-urlencoded
std::string form(std::initializer_list<std::pair<std::string, std::string>> fields);
// "Basic base64(urlencode(id) ":" urlencode(secret))" (RFC 6749 §2.3.1)
std::string basicAuth(const std::string& clientId, const std::string& secret);

// POST a form to an OAuth endpoint, with optional extra headers (e.g. Authorization).
ApiResponse postForm(ApiClient& client, const std::string& path, const std::string& body,
                     const std::map<std::string, std::string>& headers = {});
// A client credentials token for the service (client_secret_basic); REQUIREs success.
std::string clientCredentialsToken(ApiClient& client, const ServiceCredentials& service);
// Introspection by the service itself.
ApiResponse introspect(ApiClient& client, const ServiceCredentials& service, const std::string& token);

// An account holding `role` (or none when empty), signed in over HTTP on `client`.
TestAccount signInStaff(TestServer& server, ApiClient& client, const std::string& email, const std::string& role);

// Serves one document at any path on 127.0.0.1 (a service's JWKS endpoint or sector file),
// with status 200 unless setStatus says otherwise.
class DocumentServer {
public:
    explicit DocumentServer(std::string body, std::string contentType = "application/json");
    ~DocumentServer();
    void setBody(const std::string& body);
    void setStatus(int status);
    std::string url(const std::string& path) const;
    int requests() const;

    struct State;  // shared with the request handlers

private:
    std::shared_ptr<State> state_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace tessera::test
