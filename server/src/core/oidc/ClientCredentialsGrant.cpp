#include "core/oidc/ClientCredentialsGrant.h"

#include "core/oidc/Scope.h"
#include "core/services/ServiceVocabulary.h"

namespace tessera::core::oidc {

Result<IssuedAccessToken> ClientCredentialsGrant::issue(const AuthenticatedClient& client,
                                                        const std::optional<std::string>& requested) {
    const Service& service = client.service;
    if (!client.confidential() || !service.isConfidential())
        return Error::invalid("unauthorized_client", "Only a confidential client may use client_credentials.");
    if (!service.allowsGrant("client_credentials"))
        return Error::invalid("unauthorized_client", "This client is not allowed the client_credentials grant.");

    std::vector<std::string> scopes;
    if (requested) {
        auto parsed = scope::parse(*requested);
        if (!parsed) return parsed.error();
        for (const auto& s : *parsed) {
            if (vocabulary::isCitizenScope(s))
                return Error::invalid("invalid_scope", "The scope " + s + " names a citizen's data; a client "
                                                       "credentials token has no citizen behind it.");
            if (!service.allowsScope(s))
                return Error::invalid("invalid_scope", "This client is not allowed the scope " + s + ".");
        }
        scopes = std::move(*parsed);
    }
    auto alg = jwsAlgFrom(service.idTokenAlg);
    AccessTokenRequest request;
    request.serviceId = service.id;
    request.clientId = service.clientId;
    request.alg = alg.value_or(JwsAlg::ES256);
    request.subject = service.clientId;
    request.scopes = std::move(scopes);
    request.audience = settings_.issuer;
    return issuer_.issueAccessToken(request);
}

}  // namespace tessera::core::oidc
