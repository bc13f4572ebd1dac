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
    std::string clientSecret;  // empty for private_key_jwt
};

// A confidential back-end service allowed client_credentials; `tweak` adjusts it first.
ServiceCredentials createBackendService(TestServer& server, const std::string& name = "Council tax",
                                        const std::string& method = "client_secret_basic",
                                        const std::function<void(core::ServiceChanges&)>& tweak = {});

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

// Serves one document at any path on 127.0.0.1 (a service's JWKS endpoint).
class DocumentServer {
public:
    explicit DocumentServer(std::string body, std::string contentType = "application/json");
    ~DocumentServer();
    void setBody(const std::string& body);
    std::string url(const std::string& path) const;
    int requests() const;

    struct State;  // shared with the request handlers

private:
    std::shared_ptr<State> state_;
    std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace tessera::test
