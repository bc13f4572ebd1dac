#include "core/oidc/IdTokenHint.h"

#include <Poco/JSON/Array.h>

#include "core/oidc/Jws.h"
#include "core/oidc/JwsAlg.h"

namespace tessera::core::oidc {

namespace {

Error invalid(const std::string& why) {
    return Error::invalid("invalid_id_token_hint", "The id_token_hint " + why + ".");
}

std::string stringClaim(const Poco::JSON::Object& claims, const char* name) {
    if (!claims.has(name)) return {};
    Poco::Dynamic::Var v = claims.get(name);
    return v.isString() ? v.extract<std::string>() : std::string();
}

// The one client the token is for: aud as a string, an array of one, or azp among several.
std::string audienceOf(const Poco::JSON::Object& claims) {
    if (!claims.has("aud")) return {};
    if (auto single = stringClaim(claims, "aud"); !single.empty()) return single;
    auto array = claims.getArray("aud");
    if (!array || array->size() == 0) return {};
    std::vector<std::string> audiences;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Poco::Dynamic::Var v = array->get(i);
        if (!v.isString()) return {};
        audiences.push_back(v.extract<std::string>());
    }
    if (audiences.size() == 1) return audiences.front();
    const std::string azp = stringClaim(claims, "azp");
    for (const auto& a : audiences)
        if (a == azp) return azp;
    return {};
}

// Typed tokens of other kinds this provider signs with the same keys are not ID tokens.
bool isOtherTokenType(const std::string& typ) {
    for (const char* other : {"at+jwt", "logout+jwt", "secevent+jwt"}) {
        if (typ == other || typ == std::string("application/") + other) return true;
    }
    return false;
}

}  // namespace

Result<IdTokenHint> IdTokenHintReader::read(std::string_view token) {
    auto parsed = jws::parse(token);
    if (!parsed) return invalid("is malformed");
    const auto alg = jwsAlgFrom(parsed->alg);
    if (!alg) return invalid("uses an algorithm this server does not accept (" + parsed->alg.substr(0, 16) + ")");
    if (isOtherTokenType(parsed->typ)) return invalid("is not an ID token (typ)");
    const auto key = keys_.published(parsed->kid);
    if (!key) return invalid("names no key of this server");
    if (key->alg != *alg) return invalid("names an algorithm its key was not made for");
    if (!jws::verify(*alg, key->key, parsed->signingInput, parsed->signature)) return invalid("signature does not verify");

    const Poco::JSON::Object& claims = *parsed->payload;
    if (stringClaim(claims, "iss") != settings_.issuer) return invalid("was issued by someone else");
    const std::string clientId = audienceOf(claims);
    if (clientId.empty()) return invalid("names no single audience");
    auto service = services_.findByClientId(clientId);
    if (!service || service->disabled) return invalid("was issued to no known service");
    return IdTokenHint{std::move(*service), stringClaim(claims, "sub"), stringClaim(claims, "sid")};
}

}  // namespace tessera::core::oidc
