#include "core/oidc/IdTokenIssuer.h"

#include <Poco/JSON/Array.h>

#include "infra/Digest.h"
#include "infra/Encoding.h"

namespace tessera::core::oidc {

std::string IdTokenIssuer::accessTokenHash(const std::string& accessToken) {
    const std::string digest = infra::digest::sha256(accessToken);
    return infra::encoding::base64url(digest.substr(0, digest.size() / 2));
}

Result<std::string> IdTokenIssuer::issue(const IdTokenRequest& r) {
    const std::int64_t now = clock_.now();
    Poco::JSON::Object claims;
    // Personal claims first, so that none of them can stand in for a registered claim.
    if (r.personalClaims)
        for (const auto& [name, value] : *r.personalClaims) claims.set(name, value);
    claims.set("iss", settings_.issuer);
    claims.set("sub", r.subject);
    claims.set("aud", r.clientId);
    claims.set("azp", r.clientId);
    claims.set("exp", Poco::Int64(now + settings_.idTokenSeconds));
    claims.set("iat", Poco::Int64(now));
    if (r.authTime > 0) claims.set("auth_time", Poco::Int64(r.authTime));
    if (!r.nonce.empty()) claims.set("nonce", r.nonce);
    if (!r.acr.empty()) claims.set("acr", r.acr);
    if (!r.amr.empty()) {
        Poco::JSON::Array::Ptr amr = new Poco::JSON::Array;
        for (const auto& method : r.amr) amr->add(method);
        claims.set("amr", amr);
    }
    if (!r.sid.empty()) claims.set("sid", r.sid);
    if (!r.accessToken.empty()) claims.set("at_hash", accessTokenHash(r.accessToken));
    return issuer_.sign(r.alg, kType, claims);
}

}  // namespace tessera::core::oidc
