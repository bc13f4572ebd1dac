// POST /oauth2/token. Phase 1 grants client_credentials; authorization_code and refresh_token
// arrive with the authorization endpoint and answer unsupported_grant_type until then.
#include <Poco/JSON/Object.h>

#include "web/oidc/Endpoints.h"
#include "web/oidc/OAuthResponse.h"

namespace tessera::web::oidc {

namespace {

void token(Request& r, core::oidc::Provider& provider) {
    auto form = FormBody::parse(r);
    if (!form) return sendOAuthError(r, form.error());
    auto client = authenticateClient(r, provider, *form, provider.settings().tokenEndpoint());
    if (!client) return;

    const auto grantType = form->get("grant_type");
    if (!grantType) return sendOAuthError(r, Error::invalid("invalid_request", "grant_type is required."));
    if (*grantType != "client_credentials")
        return sendOAuthError(r, Error::invalid("unsupported_grant_type",
                                                "This server grants client_credentials only (for now)."));

    provider.housekeeping();
    auto issued = provider.clientCredentials().issue(*client, form->get("scope"));
    if (!issued) return sendOAuthError(r, issued.error());
    Poco::JSON::Object body;
    body.set("access_token", issued->token);
    body.set("token_type", "Bearer");
    body.set("expires_in", issued->expiresIn);
    if (!issued->scope.empty()) body.set("scope", issued->scope);
    sendOAuthJson(r, 200, body);
}

}  // namespace

void registerTokenEndpoint(Router& router, const ProviderPtr& provider) {
    router.post("/oauth2/token", [provider](Request& r) { token(r, *provider); });
}

}  // namespace tessera::web::oidc
