#include "support/OidcSessionBuilders.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>

#include <openssl/bio.h>
#include <openssl/pem.h>

#include <sstream>

#include <stdexcept>

#include "core/oidc/AsymmetricKey.h"
#include "core/oidc/JwsAlg.h"
#include "infra/Digest.h"
#include "infra/Encoding.h"
#include "infra/Random.h"

using namespace Poco::Data::Keywords;

namespace tessera::test {

std::string makeOpSession(core::Context& ctx, const std::string& sessionPublicId, const std::string& accountId,
                          const std::string& serviceId, const std::string& subject) {
    std::string sid = infra::random::token(24), pub = sessionPublicId, account = accountId, service = serviceId,
                sub = subject.empty() ? "sub-" + accountId : subject;
    Poco::Int64 at = ctx.clock.now();
    auto made = ctx.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        s << ctx.db.sql("INSERT INTO oidc_sessions (sid, session_public_id, account_id, service_id, subject, "
                        "created_at, last_auth_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            use(sid), use(pub), use(account), use(service), use(sub), use(at), use(at), now;
        return {};
    });
    if (!made) throw std::runtime_error("makeOpSession: " + made.error().message);
    return sid;
}

core::oidc::OidcSession opSession(core::Context& ctx, const std::string& sid) {
    auto found = core::oidc::OidcSessionStore(ctx.db).find(sid);
    if (!found) throw std::runtime_error("opSession: no row for sid " + sid);
    return *found;
}

ProviderSigner::ProviderSigner(core::Context& ctx, core::oidc::OidcSettings settings)
    : ctx_(ctx), settings_(std::move(settings)), keys_(ctx.db, ctx.clock, ctx.dataKey, ctx.audit, settings_),
      issuer_(ctx.db, ctx.clock, keys_, settings_) {}

std::string ProviderSigner::idToken(const IdTokenSpec& spec) {
    const std::int64_t iat = ctx_.clock.now() - spec.ageSeconds;
    Poco::JSON::Object claims;
    claims.set("iss", spec.issuer.empty() ? settings_.issuer : spec.issuer);
    claims.set("sub", spec.subject);
    claims.set("aud", spec.clientId);
    claims.set("azp", spec.clientId);
    claims.set("iat", Poco::Int64(iat));
    claims.set("exp", Poco::Int64(iat + spec.lifetimeSeconds));
    claims.set("auth_time", Poco::Int64(iat));
    if (!spec.sid.empty()) claims.set("sid", spec.sid);
    auto alg = core::oidc::jwsAlgFrom(spec.alg);
    if (!alg) throw std::runtime_error("idToken: unknown alg " + spec.alg);
    auto token = issuer_.sign(*alg, "JWT", claims);
    if (!token) throw std::runtime_error("idToken: " + token.error().message);
    return *token;
}

std::optional<core::oidc::jws::Parsed> verifiedWithJwks(const std::string& token, const Poco::JSON::Object& jwks) {
    auto parsed = core::oidc::jws::parse(token);
    if (!parsed) return std::nullopt;
    auto keys = jwks.getArray("keys");
    if (!keys) return std::nullopt;
    for (std::size_t i = 0; i < keys->size(); ++i) {
        auto jwk = keys->getObject(static_cast<unsigned>(i));
        if (!jwk || jwk->optValue<std::string>("kid", "") != parsed->kid) continue;
        const auto alg = core::oidc::jwsAlgFrom(jwk->optValue<std::string>("alg", ""));
        if (!alg || core::oidc::toString(*alg) != parsed->alg) return std::nullopt;
        auto key = core::oidc::AsymmetricKey::fromPublicJwk(*jwk);
        if (!key) return std::nullopt;
        if (!core::oidc::jws::verify(*alg, *key, parsed->signingInput, parsed->signature)) return std::nullopt;
        return *parsed;
    }
    return std::nullopt;
}

}  // namespace tessera::test

namespace tessera::test {

namespace {

std::string publicPem(const core::oidc::AsymmetricKey& key) {
    BIO* bio = BIO_new(BIO_s_mem());
    if (!bio || PEM_write_bio_PUBKEY(bio, key.native()) != 1) throw std::runtime_error("publicPem: OpenSSL failed");
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<std::size_t>(len));
    BIO_free(bio);
    return pem;
}

std::string withHeader(const core::oidc::jws::Parsed& parsed, const std::string& alg) {
    Poco::JSON::Object header(*parsed.header);
    header.set("alg", alg);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(header, out);
    return infra::encoding::base64url(out.str());
}

}  // namespace

std::vector<std::pair<std::string, std::string>> forgeriesOf(const std::string& token, const Poco::JSON::Object& jwks) {
    auto parsed = core::oidc::jws::parse(token);
    if (!parsed) throw std::runtime_error("forgeriesOf: not a JWS");
    const std::string payload = token.substr(token.find('.') + 1, token.rfind('.') - token.find('.') - 1);
    std::vector<std::pair<std::string, std::string>> out;

    std::string brokenSignature = token;
    char& last = brokenSignature[brokenSignature.size() - 3];
    last = last == 'A' ? 'B' : 'A';
    out.emplace_back("a changed signature", brokenSignature);

    std::string changedPayload = token;
    char& inPayload = changedPayload[token.find('.') + 5];
    inPayload = inPayload == 'A' ? 'B' : 'A';
    out.emplace_back("a changed payload", changedPayload);

    out.emplace_back("alg none", withHeader(*parsed, "none") + "." + payload + ".");

    auto keys = jwks.getArray("keys");
    for (std::size_t i = 0; keys && i < keys->size(); ++i) {
        auto jwk = keys->getObject(static_cast<unsigned>(i));
        if (!jwk || jwk->optValue<std::string>("kid", "") != parsed->kid) continue;
        auto key = core::oidc::AsymmetricKey::fromPublicJwk(*jwk);
        if (!key) break;
        const std::string input = withHeader(*parsed, "HS256") + "." + payload;
        out.emplace_back("HS256 keyed with the public key",
                         input + "." + infra::encoding::base64url(infra::digest::hmacSha256(publicPem(*key), input)));
    }
    return out;
}

}  // namespace tessera::test
