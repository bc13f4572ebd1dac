#include "core/oidc/ClientJwks.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

namespace tessera::core::oidc {

namespace {

constexpr std::size_t kMaxKeys = 50;

std::string member(const Poco::JSON::Object& o, const char* name) {
    if (!o.has(name)) return {};
    Poco::Dynamic::Var v = o.get(name);
    return v.isString() ? v.extract<std::string>() : std::string();
}

}  // namespace

Result<std::vector<ClientKey>> parseClientJwks(const std::string& document) {
    Poco::JSON::Array::Ptr keys;
    try {
        Poco::JSON::Parser parser;
        Poco::Dynamic::Var v = parser.parse(document);
        if (v.type() == typeid(Poco::JSON::Object::Ptr)) keys = v.extract<Poco::JSON::Object::Ptr>()->getArray("keys");
    } catch (const std::exception&) {
    }
    if (!keys) return Error::invalid("bad_jwks", "The service's JWKS is not a JSON object with a keys array.");
    std::vector<ClientKey> out;
    for (std::size_t i = 0; i < keys->size() && i < kMaxKeys; ++i) {
        Poco::JSON::Object::Ptr jwk = keys->getObject(static_cast<unsigned>(i));
        if (!jwk) continue;
        const std::string use = member(*jwk, "use");
        if (!use.empty() && use != "sig") continue;
        auto key = AsymmetricKey::fromPublicJwk(*jwk);
        if (!key) continue;
        out.push_back({member(*jwk, "kid"), member(*jwk, "alg"), *key});
    }
    return out;
}

Result<std::vector<ClientKey>> ClientJwksCache::keys(const std::string& uri, bool refresh) {
    const std::int64_t now = clock_.now();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = entries_.find(uri); it != entries_.end()) {
            const std::int64_t age = now - it->second.fetchedAt;
            const bool fresh = age >= 0 && age < settings_.jwksCacheSeconds;
            const bool mayRefetch = age < 0 || age >= settings_.jwksMinRefetchSeconds;
            if (fresh && !(refresh && mayRefetch)) return it->second.keys;
        }
    }
    // Fetched without the lock: a slow JWKS endpoint must not hold up other services' clients.
    auto document = source_->fetch(uri);
    if (!document) return document.error();
    auto parsed = parseClientJwks(*document);
    if (!parsed) return parsed.error();
    std::lock_guard<std::mutex> lock(mutex_);
    entries_[uri] = Entry{*parsed, now};
    return *parsed;
}

}  // namespace tessera::core::oidc
