// Builds the OpenID Connect provider over the core context and registers its endpoints.
// Signing keys are made here at first start; a failure stops the server from starting.
#include <memory>
#include <stdexcept>

#include "core/oidc/OidcSettings.h"
#include "core/oidc/Provider.h"
#include "web/oidc/AuthorizeEndpoint.h"
#include "web/oidc/Endpoints.h"
#include "web/oidc/HttpJwksSource.h"
#include "web/routes/Routes.h"

namespace tessera::web {

void registerOidcRoutes(Router& router, Services& services) {
    auto settings = core::oidc::oidcSettingsFrom(services.settings);
    auto jwksSource = std::make_shared<oidc::HttpJwksSource>(settings.jwksFetchTimeoutSeconds, settings.jwksMaxBytes);
    auto provider = std::make_shared<core::oidc::Provider>(services, std::move(settings), std::move(jwksSource));
    if (auto started = provider->start(); !started)
        throw std::runtime_error("The OpenID Connect provider cannot start: " + started.error().message);
    services.accessTokens = &provider->verifier();
    oidc::registerDiscoveryEndpoints(router, provider);
    oidc::registerAuthorizeEndpoint(router, provider);
    oidc::registerTokenEndpoint(router, provider);
    oidc::registerTokenManagementEndpoints(router, provider);
    oidc::registerUserInfoEndpoint(router, provider);
}

}  // namespace tessera::web
