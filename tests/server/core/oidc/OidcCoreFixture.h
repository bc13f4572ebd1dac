#pragma once
// Core-level fixtures for the provider's tests: an OIDC provider over a fresh test database
// (SQLite or PostgreSQL) with a manual clock and a fake source of services' JWKS documents,
// and builders for services.
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/oidc/ClientJwks.h"
#include "core/oidc/Provider.h"
#include "core/services/ServiceRegistry.h"
#include "support/AuthBuilders.h"

namespace tessera::test {

inline constexpr const char* kTestIssuer = "https://tessera.test";

// Serves JWKS documents from memory and counts fetches.
class FakeJwksSource final : public core::oidc::JwksSource {
public:
    void set(const std::string& uri, const std::string& document);
    int fetches() const;
    Result<std::string> fetch(const std::string& uri) override;

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::string> documents_;
    int fetches_ = 0;
};

core::oidc::OidcSettings testOidcSettings();

class OidcCore {
public:
    explicit OidcCore(const std::string& backend);

    core::Context& ctx() { return auth_.ctx(); }
    infra::ManualClock& clock() { return auth_.clock(); }
    store::Database& db() { return auth_.db(); }
    core::oidc::Provider& provider() { return *provider_; }
    FakeJwksSource& jwks() { return *jwks_; }

private:
    AuthTestContext auth_;
    std::shared_ptr<FakeJwksSource> jwks_;
    std::unique_ptr<core::oidc::Provider> provider_;
};

// A confidential back-end service allowed client_credentials, authenticating with `method`.
core::ServiceChanges backendService(const std::string& name = "Council tax",
                                    const std::string& method = "client_secret_basic");
// Creates the service (throws if it is refused).
core::ServiceWithSecret createService(core::Context& ctx, const core::ServiceChanges& changes);

}  // namespace tessera::test
