#include "core/oidc/GrantTokens.h"

#include <algorithm>

#include "core/oidc/CitizenClaims.h"
#include "core/oidc/ReleasedClaims.h"
#include "core/oidc/Scope.h"
#include "infra/Random.h"

namespace tessera::core::oidc {

Result<PreparedTokens> GrantTokens::prepare(const TokenSetRequest& r) {
    const auto alg = jwsAlgFrom(r.service.idTokenAlg).value_or(JwsAlg::ES256);
    PreparedTokens out;

    AccessTokenRequest access;
    access.serviceId = r.service.id;
    access.clientId = r.service.clientId;
    access.alg = alg;
    access.subject = r.subject;
    access.accountId = r.account.id;
    access.grantId = r.grant.id;
    access.scopes = r.scopes;
    // RFC 9068 §3: aud names the resource server. Without a resource indicator that is the
    // provider itself (its userinfo endpoint, and the REST API for the workstation), as for
    // client credentials. Not the client_id: that is an ID token's audience, and an access
    // token must not be mistaken for one.
    access.audience = issuer_.issuer();
    access.acr = r.grant.acr;
    access.authTime = r.grant.authTime;
    auto signedAccess = issuer_.signAccessToken(access);
    if (!signedAccess) return signedAccess.error();
    out.accessToken = signedAccess->record;
    out.response.accessToken = signedAccess->issued.token;
    out.response.expiresIn = signedAccess->issued.expiresIn;
    out.response.scope = signedAccess->issued.scope;

    if (std::find(r.scopes.begin(), r.scopes.end(), "openid") != r.scopes.end()) {
        IdTokenRequest id;
        id.clientId = r.service.clientId;
        id.alg = alg;
        id.subject = r.subject;
        id.nonce = r.nonce;
        id.sid = r.grant.sid;
        id.acr = r.grant.acr;
        id.amr = r.grant.amr;
        id.authTime = r.grant.authTime;
        id.accessToken = out.response.accessToken;
        const auto released = claims::forIdToken(r.grant.claims, r.grant.claimsRequest);
        if (!released.empty()) {
            id.personalClaims = new Poco::JSON::Object;
            addCitizenClaims(*id.personalClaims, r.account, released);
            if (std::find(released.begin(), released.end(), "verified_claims") != released.end())
                verifiedClaims_.addTo(*id.personalClaims, r.account, r.grant.claimsRequest, "id_token",
                                      r.grant.claims);
        }
        auto idToken = idTokens_.issue(id);
        if (!idToken) return idToken.error();
        out.response.idToken = std::move(*idToken);
    }

    if (r.withRefreshToken) {
        out.response.refreshToken = infra::random::token(32);
        RefreshTokenRecord refresh;
        refresh.tokenHash = RefreshTokenStore::hashToken(out.response.refreshToken);
        refresh.grantId = r.grant.id;
        refresh.parentHash = r.parentRefreshHash;
        refresh.serviceId = r.service.id;
        refresh.accountId = r.account.id;
        // A refresh token always carries the whole grant: a narrowed refresh narrows only the
        // access token it returns (RFC 6749 §6).
        refresh.scopes = r.grant.scopes;
        refresh.createdAt = clock_.now();
        refresh.expiresAt = r.grant.expiresAt;
        out.refreshToken = std::move(refresh);
    }
    return out;
}

Status GrantTokens::record(Poco::Data::Session& s, const PreparedTokens& tokens) {
    if (auto stored = issuer_.recordAccessToken(s, tokens.accessToken); !stored) return stored;
    if (tokens.refreshToken) return refreshTokens_.insert(s, *tokens.refreshToken);
    return {};
}

}  // namespace tessera::core::oidc
