#include "OidcCoreFixture.h"

#include <stdexcept>

namespace tessera::test {

void FakeJwksSource::set(const std::string& uri, const std::string& document) {
    std::lock_guard<std::mutex> lock(mutex_);
    documents_[uri] = document;
}

int FakeJwksSource::fetches() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return fetches_;
}

Result<std::string> FakeJwksSource::fetch(const std::string& uri) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++fetches_;
    auto it = documents_.find(uri);
    if (it == documents_.end()) return Error::unavailable("jwks_unavailable", "no JWKS at " + uri);
    return it->second;
}

core::oidc::OidcSettings testOidcSettings() {
    core::oidc::OidcSettings s;
    s.issuer = kTestIssuer;
    s.rsaKeyBits = 2048;  // quicker to generate; production uses 3072
    return s;
}

OidcCore::OidcCore(const std::string& backend)
    : auth_(backend), jwks_(std::make_shared<FakeJwksSource>()),
      provider_(std::make_unique<core::oidc::Provider>(auth_.ctx(), testOidcSettings(), jwks_)) {
    if (auto started = provider_->start(); !started)
        throw std::runtime_error("the provider did not start: " + started.error().message);
}

core::ServiceChanges backendService(const std::string& name, const std::string& method) {
    core::ServiceChanges c;
    c.name = name;
    c.clientType = "confidential";
    c.tokenEndpointAuthMethod = method;
    c.grantTypes = std::vector<std::string>{"client_credentials"};
    c.allowedScopes = std::vector<std::string>{};
    if (method == "private_key_jwt") c.jwksUri = "https://" + std::string("service.example/jwks.json");
    return c;
}

core::ServiceWithSecret createService(core::Context& ctx, const core::ServiceChanges& changes) {
    auto created = core::ServiceRegistry(ctx).create(changes, {"test-admin", "127.0.0.1"});
    if (!created) {
        std::string detail = created.error().message;
        for (const auto& f : created.error().fields) detail += " [" + f.field + ": " + f.code + "]";
        throw std::runtime_error("createService: " + detail);
    }
    return *created;
}

}  // namespace tessera::test
