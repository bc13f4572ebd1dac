#include "Jwk.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>

#include <optional>

#include "Encoding.h"

namespace tessera::demo {

namespace {

struct ParamBuildFree {
    void operator()(OSSL_PARAM_BLD* b) const { OSSL_PARAM_BLD_free(b); }
};
struct ParamFree {
    void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};
struct CtxFree {
    void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
struct BnFree {
    void operator()(BIGNUM* n) const { BN_free(n); }
};

std::optional<std::string> member(const Poco::JSON::Object& o, const std::string& name) {
    if (!o.has(name) || !o.get(name).isString()) return std::nullopt;
    return o.getValue<std::string>(name);
}

std::optional<std::string> decodedMember(const Poco::JSON::Object& o, const std::string& name) {
    auto text = member(o, name);
    if (!text) return std::nullopt;
    return base64UrlDecode(*text);
}

PublicKey fromParams(const char* type, OSSL_PARAM_BLD* builder) {
    std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(builder));
    std::unique_ptr<EVP_PKEY_CTX, CtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) return nullptr;
    EVP_PKEY* key = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) return nullptr;
    return PublicKey(key, EVP_PKEY_free);
}

// An uncompressed P-256 point; OpenSSL checks that it lies on the curve.
PublicKey ecKey(const Poco::JSON::Object& jwk) {
    if (member(jwk, "crv").value_or("") != "P-256") return nullptr;
    auto x = decodedMember(jwk, "x");
    auto y = decodedMember(jwk, "y");
    if (!x || !y || x->size() != 32 || y->size() != 32) return nullptr;
    const std::string point = std::string(1, '\x04') + *x + *y;
    std::unique_ptr<OSSL_PARAM_BLD, ParamBuildFree> builder(OSSL_PARAM_BLD_new());
    if (!builder ||
        OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1)
        return nullptr;
    auto key = fromParams("EC", builder.get());
    if (!key) return nullptr;
    std::unique_ptr<EVP_PKEY_CTX, CtxFree> check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1) return nullptr;
    return key;
}

// RSA of at least 2048 bits (RFC 7518 §3.3).
PublicKey rsaKey(const Poco::JSON::Object& jwk) {
    auto n = decodedMember(jwk, "n");
    auto e = decodedMember(jwk, "e");
    if (!n || !e || n->empty() || e->empty() || e->size() > 8) return nullptr;
    std::unique_ptr<BIGNUM, BnFree> bnN(BN_bin2bn(reinterpret_cast<const unsigned char*>(n->data()), int(n->size()), nullptr));
    std::unique_ptr<BIGNUM, BnFree> bnE(BN_bin2bn(reinterpret_cast<const unsigned char*>(e->data()), int(e->size()), nullptr));
    if (!bnN || !bnE || BN_num_bits(bnN.get()) < 2048) return nullptr;
    std::unique_ptr<OSSL_PARAM_BLD, ParamBuildFree> builder(OSSL_PARAM_BLD_new());
    if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, bnN.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, bnE.get()) != 1)
        return nullptr;
    return fromParams("RSA", builder.get());
}

}  // namespace

std::string keyTypeFor(const std::string& alg) {
    if (alg == "ES256") return "EC";
    if (alg == "RS256") return "RSA";
    return "";
}

Result<PublicKey> JwkSet::keyFor(const std::string& kid, const std::string& alg) const {
    const std::string kty = keyTypeFor(alg);
    const Jwk* found = nullptr;
    int candidates = 0;
    for (const auto& k : keys) {
        if (k.kty != kty || (!k.alg.empty() && k.alg != alg)) continue;
        if (!kid.empty()) {
            if (k.kid == kid) return k.key;
            continue;
        }
        found = &k;
        ++candidates;
    }
    if (kid.empty() && candidates == 1) return found->key;
    if (kid.empty() && candidates > 1)
        return Error::invalid("ambiguous_key", "The token names no key (kid) and the provider publishes several.");
    return Error::notFound("unknown_key", "The provider publishes no " + alg + " key" +
                                              (kid.empty() ? std::string() : " with kid \"" + kid + "\"") + ".");
}

Result<JwkSet> parseJwkSet(const std::string& json) {
    Poco::JSON::Object::Ptr root;
    try {
        Poco::JSON::Parser parser;
        root = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) {
        return Error::invalid("bad_jwks", "The provider's JWK Set is not a JSON object.");
    }
    if (!root || !root->has("keys") || !root->isArray("keys"))
        return Error::invalid("bad_jwks", "The provider's JWK Set has no \"keys\" array.");
    JwkSet set;
    auto list = root->getArray("keys");
    for (std::size_t i = 0; i < list->size(); ++i) {
        if (!list->isObject(static_cast<unsigned>(i))) continue;
        const auto jwk = list->getObject(static_cast<unsigned>(i));
        const std::string use = member(*jwk, "use").value_or("sig");
        if (use != "sig") continue;
        Jwk k;
        k.kid = member(*jwk, "kid").value_or("");
        k.kty = member(*jwk, "kty").value_or("");
        k.alg = member(*jwk, "alg").value_or("");
        if (k.kty == "EC") k.key = ecKey(*jwk);
        else if (k.kty == "RSA") k.key = rsaKey(*jwk);
        if (k.key) set.keys.push_back(std::move(k));
    }
    return set;
}

}  // namespace tessera::demo
