#include "support/FakeProvider.h"

#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Object.h>
#include <openssl/sha.h>

#include <sstream>

#include "HttpServer.h"

namespace tessera::demo::test {

namespace {

const std::string kIssuer = TestIssuer::kIssuer;

HttpResponse json(int status, const Poco::JSON::Object& o) {
    std::ostringstream out;
    o.stringify(out);
    return {status, "application/json", out.str()};
}

HttpResponse oauthError(int status, const std::string& error) {
    Poco::JSON::Object o;
    o.set("error", error);
    return json(status, o);
}

std::string header(const HttpRequest& r, const std::string& name) {
    for (const auto& [n, v] : r.headers)
        if (n == name) return v;
    return "";
}

std::string base64(const std::string& in) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << in;
    encoder.close();
    return out.str();
}

// S256 computed here, not with the demo's code.
std::string s256(const std::string& verifier) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest);
    std::string b64 = base64(std::string(reinterpret_cast<const char*>(digest), SHA256_DIGEST_LENGTH));
    for (auto& c : b64) c = c == '+' ? '-' : c == '/' ? '_' : c;
    while (!b64.empty() && b64.back() == '=') b64.pop_back();
    return b64;
}

}  // namespace

Result<HttpResponse> FakeProvider::send(const HttpRequest& request) {
    if (down) return Error::unavailable("provider_unreachable", "No answer from " + request.url + ": Connection refused");
    if (request.url == kIssuer + "/.well-known/openid-configuration") {
        Poco::JSON::Object d;
        d.set("issuer", kIssuer);
        d.set("authorization_endpoint", kIssuer + "/oauth2/authorize");
        d.set("token_endpoint", kIssuer + "/oauth2/token");
        d.set("userinfo_endpoint", kIssuer + "/oauth2/userinfo");
        d.set("jwks_uri", kIssuer + "/oauth2/jwks");
        d.set("end_session_endpoint", kIssuer + "/oauth2/logout");
        return json(200, d);
    }
    if (request.url == kIssuer + "/oauth2/jwks") {
        ++jwksFetches;
        return HttpResponse{200, "application/json", issuer_.jwks()};
    }
    if (request.url == kIssuer + "/oauth2/token" && request.method == "POST") return token(request);
    if (request.url == kIssuer + "/oauth2/userinfo") {
        const std::string auth = header(request, "Authorization");
        auto it = accessTokens_.find(auth.rfind("Bearer ", 0) == 0 ? auth.substr(7) : "");
        if (it == accessTokens_.end()) return oauthError(401, "invalid_token");
        Poco::JSON::Object info;
        info.set("sub", it->second.sub);
        info.set("name", "Morag MacLeod");
        info.set("email", "citizen@demo.tessera.localhost");
        info.set("email_verified", true);
        Poco::JSON::Object address;
        address.set("street_address", "1 High Street");
        address.set("locality", "Edinburgh");
        address.set("postal_code", "EH1 1YZ");
        info.set("address", address);
        return json(200, info);
    }
    return HttpResponse{404, "text/plain", "not found"};
}

HttpResponse FakeProvider::token(const HttpRequest& request) {
    lastTokenRequestBody = request.body;
    if (header(request, "Authorization") != "Basic " + base64(std::string(TestIssuer::kClientId) + ":" + kSecret))
        return oauthError(401, "invalid_client");
    bool repeated = false;
    const auto form = parseFormEncoded(request.body, repeated);
    auto value = [&](const std::string& name) {
        auto it = form.find(name);
        return it == form.end() ? std::string() : it->second;
    };
    if (value("grant_type") != "authorization_code") return oauthError(400, "unsupported_grant_type");
    auto it = codes.find(value("code"));
    if (it == codes.end()) return oauthError(400, "invalid_grant");
    const IssuedCode issued = it->second;
    codes.erase(it);  // single use
    if (s256(value("code_verifier")) != issued.codeChallenge) return oauthError(400, "invalid_grant");
    if (value("redirect_uri") != "http://127.0.0.1:8081/callback") return oauthError(400, "invalid_grant");

    const std::string accessToken = "access-" + std::to_string(accessTokens_.size() + 1);
    accessTokens_[accessToken] = issued;
    auto claims = issuer_.idTokenClaims(now, issued.nonceOverride.empty() ? issued.nonce : issued.nonceOverride, issued.loa);
    claims.set("sid", issued.sid);
    claims.set("sub", issued.sub);
    claims.set("at_hash", atHashOf(accessToken));
    Poco::JSON::Object o;
    o.set("access_token", accessToken);
    o.set("token_type", "Bearer");
    o.set("expires_in", 600);
    o.set("id_token", issuer_.sign(claims));
    return json(200, o);
}

}  // namespace tessera::demo::test
