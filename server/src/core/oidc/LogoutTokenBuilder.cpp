#include "core/oidc/LogoutTokenBuilder.h"

#include "core/oidc/JwsAlg.h"
#include "infra/Random.h"

namespace tessera::core::oidc {

Poco::JSON::Object LogoutTokenBuilder::claims(const LogoutTokenSubject& about) const {
    const std::int64_t now = clock_.now();
    Poco::JSON::Object claims;
    claims.set("iss", settings_.issuer);
    claims.set("aud", about.clientId);
    claims.set("iat", Poco::Int64(now));
    claims.set("exp", Poco::Int64(now + lifetimeSeconds_));
    claims.set("jti", infra::random::token(16));
    if (!about.subject.empty()) claims.set("sub", about.subject);
    claims.set("sid", about.sid);
    Poco::JSON::Object::Ptr events = new Poco::JSON::Object;
    events->set(kEvent, Poco::JSON::Object::Ptr(new Poco::JSON::Object));
    claims.set("events", events);
    return claims;
}

Result<std::string> LogoutTokenBuilder::build(const LogoutTokenSubject& about) {
    const auto alg = jwsAlgFrom(about.alg);
    if (!alg) return Error::internal("The service's token algorithm " + about.alg.substr(0, 16) + " is not supported.");
    return issuer_.sign(*alg, kType, claims(about));
}

}  // namespace tessera::core::oidc
