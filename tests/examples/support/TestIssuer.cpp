#include "TestIssuer.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>

#include <sstream>
#include <stdexcept>
#include <vector>

namespace tessera::demo::test {

namespace {

// Plain base64url, written here so the tests do not check the demo's encoder with itself.
std::string b64url(const std::string& in) {
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    int bits = 0;
    unsigned buffer = 0;
    for (unsigned char c : in) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += alphabet[(buffer >> bits) & 63];
        }
    }
    if (bits > 0) out += alphabet[(buffer << (6 - bits)) & 63];
    return out;
}

std::string json(const Poco::JSON::Object& o) {
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

std::string bnParam(EVP_PKEY* key, const char* name, int pad) {
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1) throw std::runtime_error("no key parameter");
    std::vector<unsigned char> buf(pad > 0 ? static_cast<std::size_t>(pad) : static_cast<std::size_t>(BN_num_bytes(bn)));
    BN_bn2binpad(bn, buf.data(), static_cast<int>(buf.size()));
    BN_free(bn);
    return std::string(buf.begin(), buf.end());
}

std::string signBytes(EVP_PKEY* key, const std::string& input, bool ecdsa) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    std::size_t length = 0;
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key);
    EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(input.data()), input.size());
    std::vector<unsigned char> sig(length);
    EVP_DigestSign(ctx, sig.data(), &length, reinterpret_cast<const unsigned char*>(input.data()), input.size());
    EVP_MD_CTX_free(ctx);
    if (!ecdsa) return std::string(sig.begin(), sig.begin() + static_cast<long>(length));
    // DER ECDSA-Sig-Value -> R || S (32 bytes each), as JOSE wants.
    const unsigned char* p = sig.data();
    ECDSA_SIG* parsed = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(length));
    unsigned char raw[64];
    BN_bn2binpad(ECDSA_SIG_get0_r(parsed), raw, 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(parsed), raw + 32, 32);
    ECDSA_SIG_free(parsed);
    return std::string(reinterpret_cast<const char*>(raw), 64);
}

}  // namespace

TestIssuer::TestIssuer()
    : ec_(EVP_EC_gen("P-256"), EVP_PKEY_free), rsa_(EVP_RSA_gen(2048), EVP_PKEY_free) {
    if (!ec_ || !rsa_) throw std::runtime_error("cannot make test keys");
}

std::string TestIssuer::jwks() const {
    Poco::JSON::Object ec;
    ec.set("kty", "EC");
    ec.set("crv", "P-256");
    ec.set("kid", kEcKid);
    ec.set("use", "sig");
    ec.set("alg", "ES256");
    ec.set("x", b64url(bnParam(ec_.get(), OSSL_PKEY_PARAM_EC_PUB_X, 32)));
    ec.set("y", b64url(bnParam(ec_.get(), OSSL_PKEY_PARAM_EC_PUB_Y, 32)));
    Poco::JSON::Object rsa;
    rsa.set("kty", "RSA");
    rsa.set("kid", kRsaKid);
    rsa.set("use", "sig");
    rsa.set("alg", "RS256");
    rsa.set("n", b64url(bnParam(rsa_.get(), OSSL_PKEY_PARAM_RSA_N, 0)));
    rsa.set("e", b64url(bnParam(rsa_.get(), OSSL_PKEY_PARAM_RSA_E, 0)));
    Poco::JSON::Array keys;
    keys.add(ec);
    keys.add(rsa);
    Poco::JSON::Object root;
    root.set("keys", keys);
    return json(root);
}

std::string TestIssuer::sign(const Poco::JSON::Object& claims, const std::string& alg, const std::string& kid,
                             const std::string& typ) const {
    Poco::JSON::Object header;
    header.set("alg", alg);
    header.set("kid", kid.empty() ? (alg == "RS256" ? kRsaKid : kEcKid) : kid);
    if (!typ.empty()) header.set("typ", typ);
    return signWithHeader(header, claims, alg == "RS256" ? "RS256" : "ES256");
}

std::string TestIssuer::signWithHeader(const Poco::JSON::Object& header, const Poco::JSON::Object& claims,
                                       const std::string& signWith) const {
    const std::string input = b64url(json(header)) + "." + b64url(json(claims));
    const bool ecdsa = signWith != "RS256";
    return input + "." + b64url(signBytes(ecdsa ? ec_.get() : rsa_.get(), input, ecdsa));
}

Poco::JSON::Object TestIssuer::idTokenClaims(std::int64_t now, const std::string& nonce, int loa) const {
    Poco::JSON::Object c;
    c.set("iss", kIssuer);
    c.set("sub", "citizen-1");
    c.set("aud", kClientId);
    c.set("exp", now + 600);
    c.set("iat", now);
    c.set("auth_time", now - 5);
    c.set("nonce", nonce);
    c.set("acr", "urn:tessera:loa:" + std::to_string(loa));
    Poco::JSON::Array amr;
    amr.add("pwd");
    amr.add("otp");
    c.set("amr", amr);
    c.set("sid", "session-1");
    c.set("name", "Morag MacLeod");
    c.set("email", "citizen@demo.tessera.localhost");
    return c;
}

Poco::JSON::Object TestIssuer::logoutTokenClaims(std::int64_t now, const std::string& sid, const std::string& sub) const {
    Poco::JSON::Object c;
    c.set("iss", kIssuer);
    c.set("aud", kClientId);
    c.set("iat", now);
    c.set("exp", now + 120);
    static int counter = 0;
    c.set("jti", "logout-" + std::to_string(++counter) + "-" + std::to_string(now));
    if (!sub.empty()) c.set("sub", sub);
    if (!sid.empty()) c.set("sid", sid);
    Poco::JSON::Object events;
    events.set("http://schemas.openid.net/event/backchannel-logout", Poco::JSON::Object());
    c.set("events", events);
    return c;
}

std::string atHashOf(const std::string& accessToken) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(accessToken.data()), accessToken.size(), digest);
    return b64url(std::string(reinterpret_cast<const char*>(digest), SHA256_DIGEST_LENGTH / 2));
}

}  // namespace tessera::demo::test
