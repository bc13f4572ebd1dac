#include "core/oidc/SigningKeys.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <openssl/crypto.h>

#include <algorithm>
#include <sstream>

#include "infra/Encoding.h"

namespace tessera::core::oidc {

namespace {

// Binds a sealed private key to its kid: a sealed value copied to another row does not open.
std::string associatedData(const std::string& kid) { return "tessera:signing-key:" + kid; }

std::string condensed(const Poco::JSON::Object::Ptr& o) {
    std::ostringstream os;
    Poco::JSON::Stringifier::condense(o, os);
    return os.str();
}

Poco::JSON::Object::Ptr parseObject(const std::string& text) {
    try {
        Poco::JSON::Parser parser;
        return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) {
        return nullptr;
    }
}

SigningKeyInfo infoOf(const SigningKeyRecord& r) {
    return {r.kid, jwsAlgFrom(r.alg).value_or(JwsAlg::ES256), r.createdAt, r.activatesAt, r.retiresAt, r.expiresAt};
}

const SigningKeyRecord* newestSigning(const std::vector<SigningKeyRecord>& keys, std::int64_t now) {
    const SigningKeyRecord* best = nullptr;
    for (const auto& k : keys)
        if (k.signsAt(now) && (!best || k.activatesAt >= best->activatesAt)) best = &k;
    return best;
}

bool hasSuccessor(const std::vector<SigningKeyRecord>& keys, std::int64_t now) {
    return std::any_of(keys.begin(), keys.end(), [&](const auto& k) { return k.activatesAt > now && k.retiresAt == 0; });
}

}  // namespace

SigningKeys::SigningKeys(store::Database& db, infra::Clock& clock, const infra::SecretBox& dataKey, AuditLog& audit,
                         OidcSettings settings)
    : db_(db), clock_(clock), dataKey_(dataKey), audit_(audit), settings_(std::move(settings)), store_(db) {}

Result<SigningKeyRecord> SigningKeys::createKey(Poco::Data::Session& s, const AsymmetricKey& key, JwsAlg alg,
                                                std::int64_t activatesAt, const std::string& actor,
                                                const std::string& event) {
    SigningKeyRecord r;
    r.kid = key.thumbprint();
    r.alg = toString(alg);
    std::string pem = key.privatePem();
    r.sealedPrivateKey = infra::encoding::base64url(dataKey_.seal(pem, associatedData(r.kid)));
    OPENSSL_cleanse(pem.data(), pem.size());
    r.publicJwk = condensed(key.publicJwk());
    r.createdAt = clock_.now();
    r.activatesAt = activatesAt;
    store_.retireAt(s, r.alg, activatesAt, activatesAt + settings_.retiredKeyOverlapSeconds());
    if (auto inserted = store_.insert(s, r); !inserted) return inserted.error();
    if (auto audited = audit_.append(
            s, {event, actor, r.kid, "", {{"alg", r.alg}, {"activatesAt", std::to_string(activatesAt)}}});
        !audited)
        return audited.error();
    return r;
}

std::optional<std::int64_t> SigningKeys::activationDue(const std::vector<SigningKeyRecord>& keys,
                                                       std::int64_t now) const {
    const SigningKeyRecord* active = newestSigning(keys, now);
    if (!active) return now;
    const std::int64_t due = active->activatesAt + settings_.keyRotationSeconds;
    if (hasSuccessor(keys, now) || now < due - settings_.keyPrepublishSeconds) return std::nullopt;
    // Published now, signing once the rotation period is over (or after a full pre-publication
    // period, if the server was not running when it should have started it).
    return std::max(due, now + settings_.keyPrepublishSeconds);
}

Status SigningKeys::ensureCurrent(JwsAlg alg) {
    const std::int64_t now = clock_.now();
    const std::string algName = toString(alg);
    // Decide outside the transaction: generating an RSA key takes a while, and no lock should
    // be held for it. The decision is taken again under the lock before anything is written.
    std::optional<std::int64_t> due;
    {
        Poco::Data::Session s = db_.session();
        due = activationDue(store_.publishedForAlg(s, algName, now), now);
    }
    std::optional<AsymmetricKey> fresh;
    if (due) fresh = AsymmetricKey::generate(alg, settings_.rsaKeyBits);
    return db_.transaction<void>([&](Poco::Data::Session& s) -> Status {
        store_.lock(s);
        store_.purgeExpired(s, now);
        const auto activatesAt = activationDue(store_.publishedForAlg(s, algName, now), now);
        if (!activatesAt) return {};  // nothing was due, or another process did it meanwhile
        if (!fresh) fresh = AsymmetricKey::generate(alg, settings_.rsaKeyBits);
        const bool scheduled = *activatesAt > now;
        auto created = createKey(s, *fresh, alg, *activatesAt, "system",
                                 scheduled ? "signing_key.scheduled" : "signing_key.created");
        return created ? Status{} : Status(created.error());
    });
}

Result<AsymmetricKey> SigningKeys::unseal(const SigningKeyRecord& record) {
    if (auto it = unsealed_.find(record.kid); it != unsealed_.end()) return it->second;
    auto sealed = infra::encoding::unbase64url(record.sealedPrivateKey);
    if (!sealed) return Error::internal("The stored signing key " + record.kid + " is damaged.");
    auto pem = dataKey_.open(*sealed, associatedData(record.kid));
    if (!pem) return Error::internal("The signing key " + record.kid + " does not open with this data key.");
    auto key = AsymmetricKey::fromPrivatePem(*pem);
    OPENSSL_cleanse(pem->data(), pem->size());
    if (!key) return Error::internal("The signing key " + record.kid + " does not parse.");
    const auto alg = jwsAlgFrom(record.alg);
    if (!alg || !key->suits(*alg) || key->thumbprint() != record.kid)
        return Error::internal("The signing key " + record.kid + " does not match its record.");
    unsealed_.emplace(record.kid, *key);
    return *key;
}

Result<Signer> SigningKeys::current(JwsAlg alg) {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::int64_t now = clock_.now();
    if (auto it = signers_.find(alg); it != signers_.end()) {
        const CachedSigner& c = it->second;
        if (now - c.checkedAt < settings_.keyCacheSeconds && now >= c.checkedAt && (c.retiresAt == 0 || now < c.retiresAt))
            return c.signer;
    }
    if (auto ensured = ensureCurrent(alg); !ensured) return ensured.error();
    Poco::Data::Session s = db_.session();
    const auto keys = store_.publishedForAlg(s, toString(alg), now);
    const SigningKeyRecord* active = newestSigning(keys, now);
    if (!active) return Error::internal("No " + toString(alg) + " signing key is active.");
    auto key = unseal(*active);
    if (!key) return key.error();
    CachedSigner cached{Signer{active->kid, alg, *key}, now, active->retiresAt};
    signers_.insert_or_assign(alg, cached);
    return cached.signer;
}

void SigningKeys::forgetCachedSigners() {
    std::lock_guard<std::mutex> lock(mutex_);
    signers_.clear();
}

Result<SigningKeyInfo> SigningKeys::rotate(JwsAlg alg, const std::string& actor) {
    const std::int64_t now = clock_.now();
    const AsymmetricKey key = AsymmetricKey::generate(alg, settings_.rsaKeyBits);
    auto created = db_.transaction<SigningKeyRecord>([&](Poco::Data::Session& s) -> Result<SigningKeyRecord> {
        store_.lock(s);
        return createKey(s, key, alg, now, actor, "signing_key.rotated");
    });
    if (!created) return created.error();
    forgetCachedSigners();
    return infoOf(*created);
}

std::optional<PublishedKey> SigningKeys::published(const std::string& kid) {
    if (kid.empty() || kid.size() > 128) return std::nullopt;
    const std::int64_t now = clock_.now();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = public_.find(kid); it != public_.end() && now - it->second.loadedAt < settings_.keyCacheSeconds &&
                                         now >= it->second.loadedAt) {
            const CachedPublic& c = it->second;
            if (c.expiresAt != 0 && now >= c.expiresAt) return std::nullopt;
            return c.key;
        }
    }
    auto record = store_.find(kid);
    if (!record) return std::nullopt;  // unknown kids are not cached: callers choose them
    CachedPublic cached;
    cached.loadedAt = now;
    cached.expiresAt = record->expiresAt;
    const auto alg = jwsAlgFrom(record->alg);
    const auto jwk = parseObject(record->publicJwk);
    if (alg && jwk) {
        if (auto key = AsymmetricKey::fromPublicJwk(*jwk); key && key->suits(*alg))
            cached.key = PublishedKey{kid, *alg, *key};
    }
    std::lock_guard<std::mutex> lock(mutex_);
    public_.insert_or_assign(kid, cached);
    if (!record->publishedAt(now)) return std::nullopt;
    return cached.key;
}

Poco::JSON::Object::Ptr SigningKeys::jwks() {
    Poco::JSON::Array::Ptr keys = new Poco::JSON::Array;
    for (const auto& record : store_.published(clock_.now())) {
        auto jwk = parseObject(record.publicJwk);
        if (!jwk) continue;
        jwk->set("kid", record.kid);
        jwk->set("alg", record.alg);
        jwk->set("use", "sig");
        keys->add(jwk);
    }
    Poco::JSON::Object::Ptr out = new Poco::JSON::Object;
    out->set("keys", keys);
    return out;
}

std::vector<SigningKeyInfo> SigningKeys::list() {
    std::vector<SigningKeyInfo> out;
    for (const auto& record : store_.published(clock_.now())) out.push_back(infoOf(record));
    return out;
}

}  // namespace tessera::core::oidc
