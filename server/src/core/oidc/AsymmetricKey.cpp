#include "core/oidc/AsymmetricKey.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include <climits>
#include <stdexcept>
#include <vector>

#include "infra/Digest.h"
#include "infra/Encoding.h"

namespace tessera::core::oidc {

namespace {

constexpr std::size_t kP256CoordinateBytes = 32;

struct Free {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
    void operator()(BIGNUM* p) const { BN_free(p); }
    void operator()(OSSL_PARAM_BLD* p) const { OSSL_PARAM_BLD_free(p); }
    void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};
template <class T>
using Owned = std::unique_ptr<T, Free>;

std::shared_ptr<EVP_PKEY> share(EVP_PKEY* key) { return std::shared_ptr<EVP_PKEY>(key, Free{}); }

Error badJwk(const std::string& why) { return Error::invalid("bad_jwk", "The key is not usable: " + why); }

bool isEc(const EVP_PKEY* key) { return EVP_PKEY_is_a(key, "EC") == 1; }
bool isRsa(const EVP_PKEY* key) { return EVP_PKEY_is_a(key, "RSA") == 1; }

bool isP256(const EVP_PKEY* key) {
    char group[64] = {0};
    std::size_t len = 0;
    return isEc(key) && EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) == 1 &&
           std::string(group, len) == "prime256v1";
}

// A BIGNUM parameter of the key as big-endian bytes, left-padded to `width` when width > 0.
std::string bnParam(const EVP_PKEY* key, const char* name, std::size_t width) {
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1) throw std::runtime_error("OpenSSL cannot read a key parameter");
    Owned<BIGNUM> bn(raw);
    const std::size_t size = width > 0 ? width : static_cast<std::size_t>(BN_num_bytes(bn.get()));
    std::string out(size, '\0');
    const int written = width > 0 ? BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char*>(out.data()), int(size))
                                  : BN_bn2bin(bn.get(), reinterpret_cast<unsigned char*>(out.data()));
    if (written < 0) throw std::runtime_error("OpenSSL cannot encode a key parameter");
    return out;
}

std::string memberString(const Poco::JSON::Object& jwk, const std::string& name) {
    if (!jwk.has(name)) return {};
    Poco::Dynamic::Var v = jwk.get(name);
    return v.isString() ? v.extract<std::string>() : std::string();
}

Owned<EVP_PKEY> fromParams(const char* type, OSSL_PARAM* params) {
    Owned<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY* key = nullptr;
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) != 1)
        return nullptr;
    Owned<EVP_PKEY> owned(key);
    // A point not on the curve (invalid-curve attacks) or a malformed modulus is refused here.
    Owned<EVP_PKEY_CTX> check(EVP_PKEY_CTX_new_from_pkey(nullptr, owned.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1) return nullptr;
    return owned;
}

}  // namespace

AsymmetricKey AsymmetricKey::generate(JwsAlg alg, int rsaBits) {
    EVP_PKEY* key = nullptr;
    if (alg == JwsAlg::ES256) {
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    } else {
        if (rsaBits < kMinRsaBits) throw std::invalid_argument("RSA keys must have at least 2048 bits");
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<std::size_t>(rsaBits));
    }
    if (key == nullptr) throw std::runtime_error("OpenSSL could not generate a " + toString(alg) + " key");
    return AsymmetricKey(share(key));
}

Result<AsymmetricKey> AsymmetricKey::fromPrivatePem(std::string_view pem) {
    if (pem.size() > INT_MAX) return Error::invalid("bad_key", "The key is too large.");
    Owned<BIO> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio) return Error::internal("OpenSSL could not allocate a buffer");
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
    if (key == nullptr) return Error::invalid("bad_key", "The private key does not parse.");
    return AsymmetricKey(share(key));
}

Result<AsymmetricKey> AsymmetricKey::fromPublicJwk(const Poco::JSON::Object& jwk) {
    const std::string kty = memberString(jwk, "kty");
    Owned<OSSL_PARAM_BLD> bld(OSSL_PARAM_BLD_new());
    if (!bld) return Error::internal("OpenSSL could not allocate parameters");
    if (kty == "EC") {
        if (memberString(jwk, "crv") != "P-256") return badJwk("only the P-256 curve is accepted");
        auto x = infra::encoding::unbase64url(memberString(jwk, "x"));
        auto y = infra::encoding::unbase64url(memberString(jwk, "y"));
        if (!x || !y || x->size() != kP256CoordinateBytes || y->size() != kP256CoordinateBytes)
            return badJwk("x and y must be 32-byte base64url values");
        const std::string point = std::string(1, '\x04') + *x + *y;  // uncompressed SEC1 point
        if (OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) != 1 ||
            OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1)
            return Error::internal("OpenSSL could not build EC parameters");
        Owned<OSSL_PARAM> params(OSSL_PARAM_BLD_to_param(bld.get()));
        Owned<EVP_PKEY> key = params ? fromParams("EC", params.get()) : nullptr;
        if (!key) return badJwk("the point is not on the P-256 curve");
        return AsymmetricKey(share(key.release()));
    }
    if (kty == "RSA") {
        auto n = infra::encoding::unbase64url(memberString(jwk, "n"));
        auto e = infra::encoding::unbase64url(memberString(jwk, "e"));
        if (!n || !e || n->empty() || e->empty() || e->size() > 8) return badJwk("n and e must be base64url values");
        Owned<BIGNUM> bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(n->data()), int(n->size()), nullptr));
        Owned<BIGNUM> be(BN_bin2bn(reinterpret_cast<const unsigned char*>(e->data()), int(e->size()), nullptr));
        if (!bn || !be || BN_num_bits(bn.get()) < kMinRsaBits || BN_num_bits(bn.get()) > 16384)
            return badJwk("RSA keys must have from 2048 to 16384 bits");
        if (OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn.get()) != 1 ||
            OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, be.get()) != 1)
            return Error::internal("OpenSSL could not build RSA parameters");
        Owned<OSSL_PARAM> params(OSSL_PARAM_BLD_to_param(bld.get()));
        Owned<EVP_PKEY> key = params ? fromParams("RSA", params.get()) : nullptr;
        if (!key) return badJwk("the RSA public key is malformed");
        return AsymmetricKey(share(key.release()));
    }
    return badJwk("kty must be EC or RSA");
}

std::string AsymmetricKey::privatePem() const {
    Owned<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        throw std::runtime_error("OpenSSL could not write the private key");
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    std::string pem(data, static_cast<std::size_t>(len));
    OPENSSL_cleanse(data, static_cast<std::size_t>(len));
    return pem;
}

Poco::JSON::Object::Ptr AsymmetricKey::publicJwk() const {
    Poco::JSON::Object::Ptr jwk = new Poco::JSON::Object;
    if (isEc(key_.get())) {
        jwk->set("kty", "EC");
        jwk->set("crv", "P-256");
        jwk->set("x", infra::encoding::base64url(bnParam(key_.get(), OSSL_PKEY_PARAM_EC_PUB_X, kP256CoordinateBytes)));
        jwk->set("y", infra::encoding::base64url(bnParam(key_.get(), OSSL_PKEY_PARAM_EC_PUB_Y, kP256CoordinateBytes)));
    } else {
        jwk->set("kty", "RSA");
        jwk->set("n", infra::encoding::base64url(bnParam(key_.get(), OSSL_PKEY_PARAM_RSA_N, 0)));
        jwk->set("e", infra::encoding::base64url(bnParam(key_.get(), OSSL_PKEY_PARAM_RSA_E, 0)));
    }
    return jwk;
}

std::string AsymmetricKey::thumbprint() const {
    // RFC 7638 §3: the required members in lexicographic order, no whitespace. The values are
    // base64url and fixed names, so no JSON escaping is needed.
    const Poco::JSON::Object::Ptr jwk = publicJwk();
    auto member = [&](const char* name) { return std::string("\"") + name + "\":\"" + jwk->getValue<std::string>(name) + "\""; };
    const std::string canonical = isEc(key_.get())
                                      ? "{" + member("crv") + "," + member("kty") + "," + member("x") + "," + member("y") + "}"
                                      : "{" + member("e") + "," + member("kty") + "," + member("n") + "}";
    return infra::encoding::base64url(infra::digest::sha256(canonical));
}

bool AsymmetricKey::suits(JwsAlg alg) const {
    if (alg == JwsAlg::ES256) return isP256(key_.get());
    return isRsa(key_.get()) && EVP_PKEY_get_bits(key_.get()) >= kMinRsaBits;
}

}  // namespace tessera::core::oidc
