#include "Jws.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <openssl/bn.h>
#include <openssl/ecdsa.h>

#include <cmath>
#include <memory>

#include "Encoding.h"

namespace tessera::demo {

namespace {

constexpr std::size_t kMaxTokenBytes = 16 * 1024;

Error malformed(const std::string& why) { return Error::invalid("malformed_token", "The token is malformed: " + why); }

Poco::JSON::Object::Ptr parseObject(const std::string& json) {
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(json);
        if (value.type() != typeid(Poco::JSON::Object::Ptr)) return nullptr;
        return value.extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) {
        return nullptr;
    }
}

// JOSE's ES256 signature is R || S, 32 bytes each; OpenSSL verifies DER ECDSA-Sig-Value.
std::string joseToDer(const std::string& raw) {
    if (raw.size() != 64) return {};
    ECDSA_SIG* sig = ECDSA_SIG_new();
    if (!sig) return {};
    BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 32, nullptr);
    BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 32, 32, nullptr);
    if (!r || !s || ECDSA_SIG_set0(sig, r, s) != 1) {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(sig);
        return {};
    }
    unsigned char* der = nullptr;
    const int length = i2d_ECDSA_SIG(sig, &der);
    ECDSA_SIG_free(sig);
    if (length <= 0) return {};
    std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    return out;
}

struct MdCtxFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

}  // namespace

Result<Jws> parseJws(std::string_view compact) {
    if (compact.empty()) return malformed("it is empty.");
    if (compact.size() > kMaxTokenBytes) return malformed("it is too long.");
    const auto first = compact.find('.');
    const auto second = first == std::string_view::npos ? first : compact.find('.', first + 1);
    if (second == std::string_view::npos || compact.find('.', second + 1) != std::string_view::npos)
        return malformed("it does not have three parts.");
    const auto header = base64UrlDecode(compact.substr(0, first));
    const auto payload = base64UrlDecode(compact.substr(first + 1, second - first - 1));
    const auto signature = base64UrlDecode(compact.substr(second + 1));
    if (!header || !payload || !signature) return malformed("a part is not base64url.");
    Jws jws;
    jws.header = parseObject(*header);
    jws.claims = parseObject(*payload);
    if (!jws.header) return malformed("the header is not a JSON object.");
    if (!jws.claims) return malformed("the claims are not a JSON object.");
    jws.alg = stringClaim(*jws.header, "alg").value_or("");
    jws.kid = stringClaim(*jws.header, "kid").value_or("");
    jws.typ = stringClaim(*jws.header, "typ").value_or("");
    if (jws.alg.empty()) return malformed("the header names no algorithm.");
    // A header that asks for extensions this client does not understand must be refused (RFC 7515 §4.1.11).
    if (jws.header->has("crit")) return malformed("the header has critical extensions.");
    jws.signingInput = std::string(compact.substr(0, second));
    jws.signature = *signature;
    return jws;
}

Status verifySignature(const Jws& jws, EVP_PKEY* key) {
    const Error bad = Error::invalid("bad_signature", "The token's signature does not verify.");
    if (!key) return bad;
    std::string signature;
    if (jws.alg == "ES256") {
        if (EVP_PKEY_get_base_id(key) != EVP_PKEY_EC) return bad;
        signature = joseToDer(jws.signature);
    } else if (jws.alg == "RS256") {
        if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) return bad;
        signature = jws.signature;
    } else {
        return Error::invalid("unsupported_alg", "Tokens signed with \"" + jws.alg + "\" are not accepted.");
    }
    if (signature.empty()) return bad;
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1) return bad;
    const int ok = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                                    reinterpret_cast<const unsigned char*>(jws.signingInput.data()),
                                    jws.signingInput.size());
    if (ok != 1) return bad;
    return {};
}

std::optional<std::string> stringClaim(const Poco::JSON::Object& claims, const std::string& name) {
    if (!claims.has(name)) return std::nullopt;
    const auto value = claims.get(name);
    if (!value.isString()) return std::nullopt;
    return value.convert<std::string>();
}

std::optional<std::int64_t> numericClaim(const Poco::JSON::Object& claims, const std::string& name) {
    if (!claims.has(name)) return std::nullopt;
    const auto value = claims.get(name);
    if (!value.isNumeric() || value.isBoolean()) return std::nullopt;
    try {
        if (value.isInteger()) return value.convert<std::int64_t>();
        const double d = value.convert<double>();
        if (!std::isfinite(d) || std::fabs(d) > 9.0e15) return std::nullopt;
        return static_cast<std::int64_t>(d);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::vector<std::string> audiences(const Poco::JSON::Object& claims) {
    std::vector<std::string> out;
    if (auto single = stringClaim(claims, "aud")) {
        out.push_back(*single);
    } else if (claims.isArray("aud")) {
        auto list = claims.getArray("aud");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto v = list->get(static_cast<unsigned>(i));
            if (v.isString()) out.push_back(v.convert<std::string>());
        }
    }
    return out;
}

}  // namespace tessera::demo
