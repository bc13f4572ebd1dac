#include "core/oidc/Jws.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>

#include <memory>
#include <sstream>
#include <stdexcept>

#include "infra/Encoding.h"

namespace tessera::core::oidc::jws {

namespace {

constexpr std::size_t kEs256ComponentBytes = 32;

struct Free {
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
    void operator()(ECDSA_SIG* p) const { ECDSA_SIG_free(p); }
    void operator()(unsigned char* p) const { OPENSSL_free(p); }
};

const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

std::string condensed(const Poco::JSON::Object& o) {
    std::ostringstream os;
    Poco::JSON::Stringifier::condense(o, os);
    return os.str();
}

// OpenSSL's DER ECDSA-Sig-Value -> JOSE R || S.
std::string derToJose(const std::string& der) {
    const unsigned char* p = bytes(der);
    std::unique_ptr<ECDSA_SIG, Free> sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
    if (!sig) throw std::runtime_error("OpenSSL produced an unreadable ECDSA signature");
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    std::string out(2 * kEs256ComponentBytes, '\0');
    auto* o = reinterpret_cast<unsigned char*>(out.data());
    if (BN_bn2binpad(r, o, kEs256ComponentBytes) < 0 || BN_bn2binpad(s, o + kEs256ComponentBytes, kEs256ComponentBytes) < 0)
        throw std::runtime_error("ECDSA signature component too large");
    return out;
}

// JOSE R || S -> DER, or "" when the input cannot be a P-256 signature.
std::string joseToDer(std::string_view jose) {
    if (jose.size() != 2 * kEs256ComponentBytes) return {};
    std::unique_ptr<ECDSA_SIG, Free> sig(ECDSA_SIG_new());
    BIGNUM* r = BN_bin2bn(bytes(jose), kEs256ComponentBytes, nullptr);
    BIGNUM* s = BN_bin2bn(bytes(jose) + kEs256ComponentBytes, kEs256ComponentBytes, nullptr);
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
        BN_free(r);
        BN_free(s);
        return {};
    }
    unsigned char* der = nullptr;
    const int len = i2d_ECDSA_SIG(sig.get(), &der);
    if (len <= 0) return {};
    std::unique_ptr<unsigned char, Free> owned(der);
    return std::string(reinterpret_cast<const char*>(der), static_cast<std::size_t>(len));
}

Error malformed(const std::string& why) { return Error::invalid("malformed_jws", "The token is malformed: " + why); }

Result<Poco::JSON::Object::Ptr> decodeObject(std::string_view part, const char* what) {
    auto text = infra::encoding::unbase64url(part);
    if (!text) return malformed(std::string(what) + " is not base64url");
    try {
        Poco::JSON::Parser parser;
        Poco::Dynamic::Var v = parser.parse(*text);
        if (v.type() != typeid(Poco::JSON::Object::Ptr)) return malformed(std::string(what) + " is not a JSON object");
        return v.extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) {
        return malformed(std::string(what) + " is not JSON");
    }
}

std::string optionalString(const Poco::JSON::Object& o, const char* name) {
    if (!o.has(name)) return {};
    Poco::Dynamic::Var v = o.get(name);
    return v.isString() ? v.extract<std::string>() : std::string();
}

}  // namespace

std::string sign(JwsAlg alg, const AsymmetricKey& key, const std::string& kid, const std::string& typ,
                 const Poco::JSON::Object& claims) {
    if (!key.suits(alg)) throw std::invalid_argument("the key does not suit " + toString(alg));
    Poco::JSON::Object header;
    header.set("alg", toString(alg));
    if (!kid.empty()) header.set("kid", kid);
    if (!typ.empty()) header.set("typ", typ);
    const std::string input =
        infra::encoding::base64url(condensed(header)) + "." + infra::encoding::base64url(condensed(claims));

    std::unique_ptr<EVP_MD_CTX, Free> ctx(EVP_MD_CTX_new());
    std::size_t len = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.native()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &len, bytes(input), input.size()) != 1)
        throw std::runtime_error("OpenSSL could not start signing");
    std::string signature(len, '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &len, bytes(input),
                       input.size()) != 1)
        throw std::runtime_error("OpenSSL could not sign");
    signature.resize(len);
    if (alg == JwsAlg::ES256) signature = derToJose(signature);
    return input + "." + infra::encoding::base64url(signature);
}

Result<Parsed> parse(std::string_view compact) {
    if (compact.size() > kMaxCompactBytes) return malformed("it is too long");
    const auto first = compact.find('.');
    const auto second = first == std::string_view::npos ? first : compact.find('.', first + 1);
    if (second == std::string_view::npos || compact.find('.', second + 1) != std::string_view::npos)
        return malformed("it must have three parts");
    Parsed p;
    auto header = decodeObject(compact.substr(0, first), "the header");
    if (!header) return header.error();
    auto payload = decodeObject(compact.substr(first + 1, second - first - 1), "the payload");
    if (!payload) return payload.error();
    auto signature = infra::encoding::unbase64url(compact.substr(second + 1));
    if (!signature) return malformed("the signature is not base64url");
    p.header = *header;
    p.payload = *payload;
    if (!p.header->has("alg") || !p.header->get("alg").isString()) return malformed("the header has no alg");
    if (p.header->has("crit")) return malformed("it names critical extensions this server does not support");
    p.alg = optionalString(*p.header, "alg");
    p.kid = optionalString(*p.header, "kid");
    p.typ = optionalString(*p.header, "typ");
    p.signingInput = std::string(compact.substr(0, second));
    p.signature = std::move(*signature);
    return p;
}

bool verify(JwsAlg alg, const AsymmetricKey& key, std::string_view signingInput, std::string_view signature) {
    if (!key.suits(alg)) return false;
    std::string der;
    if (alg == JwsAlg::ES256) {
        der = joseToDer(signature);
        if (der.empty()) return false;
        signature = der;
    }
    std::unique_ptr<EVP_MD_CTX, Free> ctx(EVP_MD_CTX_new());
    return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.native()) == 1 &&
           EVP_DigestVerify(ctx.get(), bytes(signature), signature.size(), bytes(signingInput), signingInput.size()) == 1;
}

}  // namespace tessera::core::oidc::jws
