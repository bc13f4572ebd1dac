// POST /oauth2/token (RFC 6749 §3.2): the authorization_code grant (with PKCE, RFC 7636),
// refresh_token (rotating) and client_credentials. Answers {access_token, token_type,
// expires_in, scope, id_token?, refresh_token?} or an RFC 6749 §5.2 error.
#include <Poco/JSON/Object.h>

#include "web/oidc/Endpoints.h"
#include "web/oidc/OAuthResponse.h"

namespace tessera::web::oidc {

namespace {

void sendTokens(Request& r, const core::oidc::TokenResponse& tokens) {
    Poco::JSON::Object body;
    body.set("access_token", tokens.accessToken);
    body.set("token_type", "Bearer");
    body.set("expires_in", tokens.expiresIn);
    if (!tokens.scope.empty()) body.set("scope", tokens.scope);
    if (!tokens.idToken.empty()) body.set("id_token", tokens.idToken);
    if (!tokens.refreshToken.empty()) body.set("refresh_token", tokens.refreshToken);
    sendOAuthJson(r, 200, body);
}

void authorizationCode(Request& r, core::oidc::Provider& provider, const core::oidc::AuthenticatedClient& client,
                       const FormBody& form) {
    auto tokens = provider.codeGrant().exchange(client, form.get("code").value_or(""),
                                                form.get("redirect_uri").value_or(""),
                                                form.get("code_verifier").value_or(""));
    if (!tokens) return sendOAuthError(r, tokens.error());
    sendTokens(r, *tokens);
}

void refreshToken(Request& r, core::oidc::Provider& provider, const core::oidc::AuthenticatedClient& client,
                  const FormBody& form) {
    auto tokens = provider.refreshGrant().refresh(client, form.get("refresh_token").value_or(""), form.get("scope"));
    if (!tokens) return sendOAuthError(r, tokens.error());
    sendTokens(r, *tokens);
}

void clientCredentials(Request& r, core::oidc::Provider& provider, const core::oidc::AuthenticatedClient& client,
                       const FormBody& form) {
    auto issued = provider.clientCredentials().issue(client, form.get("scope"));
    if (!issued) return sendOAuthError(r, issued.error());
    Poco::JSON::Object body;
    body.set("access_token", issued->token);
    body.set("token_type", "Bearer");
    body.set("expires_in", issued->expiresIn);
    if (!issued->scope.empty()) body.set("scope", issued->scope);
    sendOAuthJson(r, 200, body);
}

void token(Request& r, core::oidc::Provider& provider) {
    auto form = FormBody::parse(r);
    if (!form) return sendOAuthError(r, form.error());
    auto client = authenticateClient(r, provider, *form, provider.settings().tokenEndpoint());
    if (!client) return;

    const auto grantType = form->get("grant_type");
    if (!grantType) return sendOAuthError(r, Error::invalid("invalid_request", "grant_type is required."));
    provider.housekeeping();
    if (*grantType == "authorization_code") return authorizationCode(r, provider, *client, *form);
    if (*grantType == "refresh_token") return refreshToken(r, provider, *client, *form);
    if (*grantType == "client_credentials") return clientCredentials(r, provider, *client, *form);
    sendOAuthError(r, Error::invalid("unsupported_grant_type",
                                     "This server grants authorization_code, refresh_token and client_credentials."));
}

}  // namespace

void registerTokenEndpoint(Router& router, const ProviderPtr& provider) {
    router.post("/oauth2/token", [provider](Request& r) { token(r, *provider); });
}

}  // namespace tessera::web::oidc
