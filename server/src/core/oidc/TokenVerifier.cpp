#include "core/oidc/TokenVerifier.h"

#include "core/oidc/Jws.h"
#include "core/oidc/JwsAlg.h"

namespace tessera::core::oidc {

namespace {

Error invalid(const std::string& why) { return Error::unauthorized("invalid_token", "The access token " + why + "."); }

std::optional<std::int64_t> integerClaim(const Poco::JSON::Object& claims, const char* name) {
    if (!claims.has(name)) return std::nullopt;
    Poco::Dynamic::Var v = claims.get(name);
    if (!v.isInteger() || v.isBoolean()) return std::nullopt;
    return v.convert<Poco::Int64>();
}

std::string stringClaim(const Poco::JSON::Object& claims, const char* name) {
    if (!claims.has(name)) return {};
    Poco::Dynamic::Var v = claims.get(name);
    return v.isString() ? v.extract<std::string>() : std::string();
}

bool isAccessTokenType(const std::string& typ) { return typ == "at+jwt" || typ == "application/at+jwt"; }

}  // namespace

Result<VerifiedAccessToken> TokenVerifier::verifyAccessToken(std::string_view token) {
    auto parsed = jws::parse(token);
    if (!parsed) return invalid("is malformed");
    const auto alg = jwsAlgFrom(parsed->alg);
    if (!alg) return invalid("uses an algorithm this server does not accept (" + parsed->alg.substr(0, 16) + ")");
    if (!isAccessTokenType(parsed->typ)) return invalid("is not an access token (typ)");
    const auto key = keys_.published(parsed->kid);
    if (!key) return invalid("names no key of this server");
    if (key->alg != *alg) return invalid("names an algorithm its key was not made for");
    if (!jws::verify(*alg, key->key, parsed->signingInput, parsed->signature)) return invalid("signature does not verify");

    const Poco::JSON::Object& claims = *parsed->payload;
    const std::int64_t now = clock_.now();
    if (stringClaim(claims, "iss") != settings_.issuer) return invalid("was issued by someone else");
    const auto exp = integerClaim(claims, "exp");
    const auto iat = integerClaim(claims, "iat");
    if (!exp || !iat) return invalid("lacks exp or iat");
    if (now >= *exp) return invalid("has expired");
    if (*iat > now + settings_.clockSkewSeconds) return invalid("was issued in the future");
    const std::string jti = stringClaim(claims, "jti");
    const std::string clientId = stringClaim(claims, "client_id");
    if (jti.empty() || clientId.empty()) return invalid("lacks jti or client_id");

    auto record = tokens_.find(jti);
    if (!record || record->expiresAt != *exp) return invalid("is unknown");
    if (record->revokedAt != 0) return invalid("was revoked");
    return VerifiedAccessToken{parsed->payload, *record, clientId};
}

}  // namespace tessera::core::oidc
