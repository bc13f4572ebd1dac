// POST /oauth2/introspect (RFC 7662) and POST /oauth2/revoke (RFC 7009) of access and refresh
// tokens, for the service the token was issued to, which must authenticate (a public client
// by its client_id, for revocation). token_type_hint is only a hint (RFC 7009 §2.1): it
// decides which kind is looked up first, never whether the other is.
#include "web/oidc/Endpoints.h"
#include "web/oidc/OAuthResponse.h"

namespace tessera::web::oidc {

namespace {

void introspect(Request& r, core::oidc::Provider& provider) {
    auto form = FormBody::parse(r);
    if (!form) return sendOAuthError(r, form.error());
    auto client = authenticateClient(r, provider, *form, provider.settings().introspectionEndpoint());
    if (!client) return;
    const auto token = form->get("token");
    if (!token) return sendOAuthError(r, Error::invalid("invalid_request", "token is required."));
    auto answer = provider.introspection().introspect(*client, *token, form->get("token_type_hint").value_or(""));
    if (!answer) return sendOAuthError(r, answer.error());
    sendOAuthJson(r, 200, **answer);
}

void revoke(Request& r, core::oidc::Provider& provider) {
    auto form = FormBody::parse(r);
    if (!form) return sendOAuthError(r, form.error());
    auto client = authenticateClient(r, provider, *form, provider.settings().revocationEndpoint());
    if (!client) return;
    const auto token = form->get("token");
    if (!token) return sendOAuthError(r, Error::invalid("invalid_request", "token is required."));
    if (auto revoked = provider.introspection().revoke(*client, *token, form->get("token_type_hint").value_or(""));
        !revoked)
        return sendOAuthError(r, revoked.error());
    sendOAuthOk(r);
}

}  // namespace

void registerTokenManagementEndpoints(Router& router, const ProviderPtr& provider) {
    router.post("/oauth2/introspect", [provider](Request& r) { introspect(r, *provider); });
    router.post("/oauth2/revoke", [provider](Request& r) { revoke(r, *provider); });
}

}  // namespace tessera::web::oidc
