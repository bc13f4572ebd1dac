#include "core/oidc/ClientAssertion.h"

#include <Poco/Data/Statement.h>
#include <Poco/JSON/Array.h>

#include <algorithm>

using namespace Poco::Data::Keywords;

namespace tessera::core::oidc {

namespace {

constexpr std::size_t kMaxJtiBytes = 256;

Error refused(const std::string& why) {
    return Error::unauthorized("invalid_client", "The client assertion was refused: " + why + ".");
}

std::string stringClaim(const Poco::JSON::Object& o, const char* name) {
    if (!o.has(name)) return {};
    Poco::Dynamic::Var v = o.get(name);
    return v.isString() ? v.extract<std::string>() : std::string();
}

std::optional<std::int64_t> integerClaim(const Poco::JSON::Object& o, const char* name) {
    if (!o.has(name)) return std::nullopt;
    Poco::Dynamic::Var v = o.get(name);
    if (!v.isInteger() || v.isBoolean()) return std::nullopt;
    return v.convert<Poco::Int64>();
}

// aud is a string or an array of strings (RFC 7519 §4.1.3).
std::vector<std::string> audiencesOf(const Poco::JSON::Object& o) {
    std::vector<std::string> out;
    if (!o.has("aud")) return out;
    Poco::Dynamic::Var v = o.get("aud");
    if (v.isString()) {
        out.push_back(v.extract<std::string>());
    } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
        for (const auto& item : *v.extract<Poco::JSON::Array::Ptr>())
            if (item.isString()) out.push_back(item.extract<std::string>());
    }
    return out;
}

}  // namespace

std::string ClientAssertionVerifier::claimedClientId(std::string_view assertion) {
    auto parsed = jws::parse(assertion);
    return parsed ? stringClaim(*parsed->payload, "iss") : std::string();
}

Status ClientAssertionVerifier::checkSignature(const Service& service, const jws::Parsed& parsed) {
    const auto alg = jwsAlgFrom(parsed.alg);
    if (!alg) return refused("its algorithm must be ES256 or RS256");
    auto tryKeys = [&](const std::vector<ClientKey>& keys, bool& kidFound) {
        kidFound = false;
        for (const auto& k : keys) {
            if (!parsed.kid.empty() && k.kid != parsed.kid) continue;
            kidFound = true;
            if (!k.alg.empty() && k.alg != parsed.alg) continue;
            if (jws::verify(*alg, k.key, parsed.signingInput, parsed.signature)) return true;
        }
        return false;
    };
    auto keys = jwks_.keys(service.jwksUri);
    if (!keys) return refused("the service's keys could not be read (" + keys.error().message + ")");
    bool kidFound = false;
    if (tryKeys(*keys, kidFound)) return {};
    // A kid we have not seen may be a key the service has just added.
    if (!parsed.kid.empty() && !kidFound) {
        keys = jwks_.keys(service.jwksUri, /*refresh=*/true);
        if (keys && tryKeys(*keys, kidFound)) return {};
    }
    return refused("its signature does not verify with the service's keys");
}

Status ClientAssertionVerifier::rememberJti(const std::string& clientId, const std::string& jti,
                                            std::int64_t expiresAt) {
    auto inserted = db_.transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
        std::string c = clientId, j = jti;
        Poco::Int64 expires = expiresAt;
        Poco::Data::Statement st(s);
        st << db_.sql("INSERT INTO client_assertion_jtis (client_id, jti, expires_at) VALUES (?, ?, ?) "
                      "ON CONFLICT (client_id, jti) DO NOTHING"),
            use(c), use(j), use(expires);
        return st.execute() == 1;
    });
    if (!inserted) return inserted.error();
    if (!*inserted) return refused("it was already used (jti)");
    return {};
}

Status ClientAssertionVerifier::verify(const Service& service, std::string_view assertion,
                                       const std::vector<std::string>& audiences) {
    auto parsed = jws::parse(assertion);
    if (!parsed) return refused("it is not a signed JWT");
    const Poco::JSON::Object& claims = *parsed->payload;
    if (stringClaim(claims, "iss") != service.clientId || stringClaim(claims, "sub") != service.clientId)
        return refused("iss and sub must both be the client_id");
    const auto aud = audiencesOf(claims);
    const bool forUs = std::any_of(aud.begin(), aud.end(), [&](const std::string& a) {
        return std::find(audiences.begin(), audiences.end(), a) != audiences.end();
    });
    if (!forUs) return refused("its aud must be this server's token endpoint");

    const std::int64_t now = clock_.now();
    const auto exp = integerClaim(claims, "exp");
    if (!exp) return refused("it has no exp");
    if (now >= *exp + settings_.clockSkewSeconds) return refused("it has expired");
    if (*exp - now > settings_.clientAssertionMaxSeconds)
        return refused("it is valid for too long (at most " + std::to_string(settings_.clientAssertionMaxSeconds) +
                       " seconds)");
    for (const char* name : {"iat", "nbf"}) {
        const auto t = integerClaim(claims, name);
        if (claims.has(name) && !t) return refused(std::string(name) + " must be a number");
        if (t && *t > now + settings_.clockSkewSeconds) return refused(std::string(name) + " is in the future");
    }
    const std::string jti = stringClaim(claims, "jti");
    if (jti.empty() || jti.size() > kMaxJtiBytes) return refused("it needs a jti");

    if (auto signature = checkSignature(service, *parsed); !signature) return signature;
    // Only a verified assertion may use up its jti, or anyone could burn a service's jtis.
    return rememberJti(service.clientId, jti, *exp + settings_.clockSkewSeconds);
}

int ClientAssertionVerifier::purgeExpired(std::int64_t before) {
    auto done = db_.transaction<int>([&](Poco::Data::Session& s) -> Result<int> {
        Poco::Int64 t = before;
        Poco::Data::Statement st(s);
        st << db_.sql("DELETE FROM client_assertion_jtis WHERE expires_at < ?"), use(t);
        return int(st.execute());
    });
    return done ? *done : 0;
}

}  // namespace tessera::core::oidc
