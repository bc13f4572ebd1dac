#include "core/oidc/TokenIntrospection.h"

namespace tessera::core::oidc {

std::optional<VerifiedAccessToken> TokenIntrospection::ownActiveToken(const AuthenticatedClient& caller,
                                                                      std::string_view token) {
    auto verified = verifier_.verifyAccessToken(token);
    if (!verified) return std::nullopt;
    if (verified->record.serviceId != caller.service.id || verified->clientId != caller.service.clientId)
        return std::nullopt;
    auto service = services_.findById(verified->record.serviceId);
    if (!service || service->disabled) return std::nullopt;
    return *verified;
}

Result<Poco::JSON::Object::Ptr> TokenIntrospection::introspect(const AuthenticatedClient& caller,
                                                                std::string_view token) {
    if (!caller.confidential())
        return Error::unauthorized("invalid_client", "Introspection needs client authentication.");
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
    auto verified = ownActiveToken(caller, token);
    out->set("active", verified.has_value());
    if (!verified) return out;
    const Poco::JSON::Object& claims = *verified->claims;
    for (const char* name : {"iss", "sub", "aud", "client_id", "scope", "exp", "iat", "jti", "acr", "auth_time"})
        if (claims.has(name)) out->set(name, claims.get(name));
    out->set("token_type", "Bearer");
    return out;
}

Status TokenIntrospection::revoke(const AuthenticatedClient& caller, std::string_view token) {
    if (auto verified = ownActiveToken(caller, token)) tokens_.revoke(verified->record.jti, clock_.now());
    return {};
}

}  // namespace tessera::core::oidc
