#include "core/oidc/TokenIssuer.h"

#include <stdexcept>

#include "core/oidc/Jws.h"
#include "core/oidc/Scope.h"
#include "infra/Random.h"

namespace tessera::core::oidc {

Result<std::string> TokenIssuer::sign(JwsAlg alg, const std::string& typ, const Poco::JSON::Object& claims) {
    auto signer = keys_.current(alg);
    if (!signer) return signer.error();
    try {
        return jws::sign(alg, signer->key, signer->kid, typ, claims);
    } catch (const std::exception& e) {
        return Error::internal(std::string("Could not sign a token: ") + e.what());
    }
}

Result<IssuedAccessToken> TokenIssuer::issueAccessToken(const AccessTokenRequest& request) {
    auto signedToken = signAccessToken(request);
    if (!signedToken) return signedToken.error();
    auto stored = db_.transaction<void>(
        [&](Poco::Data::Session& s) -> Status { return recordAccessToken(s, signedToken->record); });
    if (!stored) return stored.error();
    return signedToken->issued;
}

Status TokenIssuer::recordAccessToken(Poco::Data::Session& s, const AccessTokenRecord& record) {
    return tokens_.insert(s, record);
}

Result<SignedAccessToken> TokenIssuer::signAccessToken(const AccessTokenRequest& request) {
    IssuedAccessToken out;
    const std::int64_t now = clock_.now();
    out.jti = infra::random::token(16);
    out.scope = scope::join(request.scopes);
    out.expiresIn = settings_.accessTokenSeconds;
    out.expiresAt = now + settings_.accessTokenSeconds;

    Poco::JSON::Object claims;
    claims.set("iss", settings_.issuer);
    claims.set("sub", request.subject);
    claims.set("aud", request.audience);
    claims.set("exp", Poco::Int64(out.expiresAt));
    claims.set("iat", Poco::Int64(now));
    claims.set("jti", out.jti);
    claims.set("client_id", request.clientId);
    if (!out.scope.empty()) claims.set("scope", out.scope);
    if (!request.acr.empty()) claims.set("acr", request.acr);
    if (request.authTime > 0) claims.set("auth_time", Poco::Int64(request.authTime));

    // Signed before the transaction: signing may have to create or unseal a key first.
    auto token = sign(request.alg, kAccessTokenType, claims);
    if (!token) return token.error();
    out.token = std::move(*token);

    AccessTokenRecord record{out.jti, request.serviceId, request.accountId, request.grantId, out.scope,
                             now,     out.expiresAt,     0};
    return SignedAccessToken{std::move(out), std::move(record)};
}

}  // namespace tessera::core::oidc
