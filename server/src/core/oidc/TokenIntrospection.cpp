#include "core/oidc/TokenIntrospection.h"

#include "core/oidc/Scope.h"

namespace tessera::core::oidc {

namespace {

Poco::JSON::Object::Ptr inactive() {
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
    out->set("active", false);
    return out;
}

bool refreshFirst(const std::string& hint) { return hint == "refresh_token"; }

}  // namespace

std::optional<VerifiedAccessToken> TokenIntrospection::ownActiveAccessToken(const AuthenticatedClient& caller,
                                                                            std::string_view token) {
    auto verified = verifier_.verifyAccessToken(token);
    if (!verified) return std::nullopt;
    if (verified->record.serviceId != caller.service.id || verified->clientId != caller.service.clientId)
        return std::nullopt;
    auto service = services_.findById(verified->record.serviceId);
    if (!service || service->disabled) return std::nullopt;
    if (!verified->record.grantId.empty() && !lifecycle_.inForce(verified->record.grantId)) return std::nullopt;
    return *verified;
}

std::optional<RefreshTokenRecord> TokenIntrospection::ownRefreshToken(const AuthenticatedClient& caller,
                                                                      std::string_view token) {
    // Refresh tokens are opaque base64url strings; anything with a dot is a JWT, not one.
    if (token.empty() || token.size() > 512 || token.find('.') != std::string_view::npos) return std::nullopt;
    auto record = refreshTokens_.findByToken(std::string(token));
    if (!record || record->serviceId != caller.service.id) return std::nullopt;
    return record;
}

Poco::JSON::Object::Ptr TokenIntrospection::describeAccessToken(const VerifiedAccessToken& verified) {
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
    out->set("active", true);
    const Poco::JSON::Object& claims = *verified.claims;
    for (const char* name : {"iss", "sub", "aud", "client_id", "scope", "exp", "iat", "jti", "acr", "auth_time"})
        if (claims.has(name)) out->set(name, claims.get(name));
    out->set("token_type", "Bearer");
    return out;
}

Poco::JSON::Object::Ptr TokenIntrospection::describeRefreshToken(const AuthenticatedClient& caller,
                                                                 const RefreshTokenRecord& record) {
    if (record.usedAt != 0 || record.revokedAt != 0 || ctx_.clock.now() >= record.expiresAt) return inactive();
    auto live = lifecycle_.refreshable(record.grantId);
    if (!live) return inactive();
    auto subject = subjects_.subjectFor(live->account.id, caller.service);
    if (!subject) return inactive();
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
    out->set("active", true);
    out->set("iss", settings_.issuer);
    out->set("sub", *subject);
    out->set("client_id", caller.service.clientId);
    out->set("scope", scope::join(record.scopes));
    out->set("exp", Poco::Int64(record.expiresAt));
    out->set("iat", Poco::Int64(record.createdAt));
    out->set("token_type", "refresh_token");
    return out;
}

Result<Poco::JSON::Object::Ptr> TokenIntrospection::introspect(const AuthenticatedClient& caller,
                                                                std::string_view token, const std::string& hint) {
    if (!caller.confidential())
        return Error::unauthorized("invalid_client", "Introspection needs client authentication.");
    auto asAccessToken = [&]() -> Poco::JSON::Object::Ptr {
        auto verified = ownActiveAccessToken(caller, token);
        return verified ? describeAccessToken(*verified) : nullptr;
    };
    auto asRefreshToken = [&]() -> Poco::JSON::Object::Ptr {
        auto record = ownRefreshToken(caller, token);
        return record ? describeRefreshToken(caller, *record) : nullptr;
    };
    Poco::JSON::Object::Ptr answer = refreshFirst(hint) ? asRefreshToken() : asAccessToken();
    if (!answer) answer = refreshFirst(hint) ? asAccessToken() : asRefreshToken();
    return answer ? answer : inactive();
}

Status TokenIntrospection::revoke(const AuthenticatedClient& caller, std::string_view token, const std::string& hint) {
    auto revokeAccessToken = [&]() {
        auto verified = ownActiveAccessToken(caller, token);
        if (verified) tokens_.revoke(verified->record.jti, ctx_.clock.now());
        return verified.has_value();
    };
    auto revokeRefreshToken = [&]() -> Result<bool> {
        auto record = ownRefreshToken(caller, token);
        if (!record) return false;
        if (auto revoked = lifecycle_.revoke(record->grantId, "revoked_by_client"); !revoked) return revoked.error();
        return true;
    };
    if (refreshFirst(hint)) {
        auto done = revokeRefreshToken();
        if (!done) return done.error();
        if (!*done) revokeAccessToken();
        return {};
    }
    if (revokeAccessToken()) return {};
    if (auto done = revokeRefreshToken(); !done) return done.error();
    return {};
}

}  // namespace tessera::core::oidc
