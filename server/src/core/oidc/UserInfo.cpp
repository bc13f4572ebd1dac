#include "core/oidc/UserInfo.h"

#include <algorithm>

#include "core/oidc/CitizenClaims.h"
#include "core/oidc/ReleasedClaims.h"
#include "core/oidc/Scope.h"

namespace tessera::core::oidc {

Result<Poco::JSON::Object::Ptr> UserInfo::claimsFor(std::string_view accessToken) {
    auto verified = verifier_.verifyAccessToken(accessToken);
    if (!verified) return verified.error();
    const Poco::JSON::Object& token = *verified->claims;
    std::vector<std::string> scopes;
    if (token.has("scope")) {
        if (auto parsed = scope::parse(token.getValue<std::string>("scope"))) scopes = std::move(*parsed);
    }
    if (std::find(scopes.begin(), scopes.end(), "openid") == scopes.end() || verified->record.grantId.empty())
        return Error::forbidden("insufficient_scope", "The access token does not carry the openid scope.");
    auto live = lifecycle_.inForce(verified->record.grantId);
    if (!live) return Error::unauthorized("invalid_token", "The access token is no longer good: " + live.error().message);

    Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
    out->set("sub", token.getValue<std::string>("sub"));
    const auto released = claims::forUserInfo(live->grant.claims, scopes, live->grant.claimsRequest);
    addCitizenClaims(*out, live->account, released);
    if (std::find(released.begin(), released.end(), "verified_claims") != released.end())
        verifiedClaims_.addTo(*out, live->account, live->grant.claimsRequest, "userinfo", live->grant.claims);
    return out;
}

}  // namespace tessera::core::oidc
