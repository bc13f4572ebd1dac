#pragma once
// The provider's HTTP endpoints, one file each, registered by registerOidcRoutes
// (OidcRoutes.cpp). Handlers are thin: parse the request, call the core, render the answer.
#include <memory>
#include <optional>
#include <string>

#include "core/oidc/Provider.h"
#include "web/Request.h"
#include "web/Router.h"
#include "web/oidc/FormBody.h"

namespace tessera::web::oidc {

using ProviderPtr = std::shared_ptr<core::oidc::Provider>;

// GET /.well-known/openid-configuration and GET /oauth2/jwks (DiscoveryEndpoints.cpp).
void registerDiscoveryEndpoints(Router& router, const ProviderPtr& provider);
// POST /oauth2/token (TokenEndpoint.cpp).
void registerTokenEndpoint(Router& router, const ProviderPtr& provider);
// POST /oauth2/introspect and POST /oauth2/revoke (TokenManagementEndpoints.cpp).
void registerTokenManagementEndpoints(Router& router, const ProviderPtr& provider);
// GET and POST /oauth2/userinfo (UserInfoEndpoint.cpp).
void registerUserInfoEndpoint(Router& router, const ProviderPtr& provider);

// The authenticated client of an OAuth request to `endpoint`, or nullopt after answering
// with the OAuth error (ClientAuthentication.cpp).
std::optional<core::oidc::AuthenticatedClient> authenticateClient(Request& r, core::oidc::Provider& provider,
                                                                   const FormBody& form, const std::string& endpoint);

}  // namespace tessera::web::oidc
