#include "OidcClient.h"

#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "Jws.h"

namespace tessera::demo {

namespace {

constexpr std::int64_t kMetadataSeconds = 3600;   // discovery rarely changes
constexpr std::int64_t kJwksRefetchSeconds = 10;  // an unknown kid refetches at most this often

std::string base64(const std::string& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

std::string withQuery(const std::string& endpoint, const std::vector<std::pair<std::string, std::string>>& params) {
    std::string url = endpoint;
    char separator = endpoint.find('?') == std::string::npos ? '?' : '&';
    for (const auto& [name, value] : params) {
        url += separator + formEncode(name) + "=" + formEncode(value);
        separator = '&';
    }
    return url;
}

}  // namespace

std::string formEncode(const std::string& value) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string originOf(const std::string& url) {
    const auto scheme = url.find("://");
    if (scheme == std::string::npos) return "";
    const auto end = url.find_first_of("/?#", scheme + 3);
    return url.substr(0, end);
}

OidcClient::OidcClient(std::string issuer, std::string redirectUri, CredentialsSource credentials,
                       std::shared_ptr<HttpClient> http, Clock clock)
    : issuer_(std::move(issuer)),
      redirectUri_(std::move(redirectUri)),
      credentials_(std::move(credentials)),
      http_(std::move(http)),
      clock_(std::move(clock)) {}

Result<Poco::JSON::Object::Ptr> OidcClient::jsonAnswer(const HttpResponse& response, const std::string& what) {
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(response.body);
        if (value.type() == typeid(Poco::JSON::Object::Ptr)) return value.extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception&) {
    }
    return Error::unavailable("provider_error", "Tessera's " + what + " answered HTTP " +
                                                    std::to_string(response.status) + " without a JSON object.");
}

Result<ProviderMetadata> OidcClient::metadata() {
    const std::int64_t now = clock_();
    {
        std::lock_guard lock(mutex_);
        if (metadata_ && now - metadataFetchedAt_ < kMetadataSeconds) return *metadata_;
    }
    auto response = http_->send({"GET", issuer_ + "/.well-known/openid-configuration", {}, "", ""});
    if (!response) return response.error();
    if (response->status != 200)
        return Error::unavailable("provider_error",
                                  "Tessera's discovery document answered HTTP " + std::to_string(response->status) + ".");
    auto parsed = parseProviderMetadata(response->body, issuer_);
    if (!parsed) return parsed.error();
    std::lock_guard lock(mutex_);
    metadata_ = *parsed;
    metadataFetchedAt_ = now;
    return *parsed;
}

std::optional<ProviderMetadata> OidcClient::cachedMetadata() {
    std::lock_guard lock(mutex_);
    return metadata_;
}

Result<std::string> OidcClient::authorizationUrl(const AuthorizationRequest& request) {
    auto meta = metadata();
    if (!meta) return meta.error();
    auto client = credentials_();
    if (!client) return client.error();
    std::vector<std::pair<std::string, std::string>> params{
        {"response_type", "code"},       {"client_id", client->clientId},
        {"redirect_uri", redirectUri_},  {"scope", kScope},
        {"state", request.state},        {"nonce", request.nonce},
        {"code_challenge", request.codeChallenge}, {"code_challenge_method", "S256"}};
    if (request.acr) params.emplace_back("acr_values", std::string(defaultAcr(*request.acr)));
    if (!request.uiLocales.empty()) params.emplace_back("ui_locales", request.uiLocales);
    return withQuery(meta->authorizationEndpoint, params);
}

Result<TokenResponse> OidcClient::exchangeCode(const std::string& code, const std::string& codeVerifier) {
    auto meta = metadata();
    if (!meta) return meta.error();
    auto client = credentials_();
    if (!client) return client.error();
    HttpRequest request;
    request.method = "POST";
    request.url = meta->tokenEndpoint;
    request.contentType = "application/x-www-form-urlencoded";
    request.body = "grant_type=authorization_code&code=" + formEncode(code) + "&redirect_uri=" +
                   formEncode(redirectUri_) + "&code_verifier=" + formEncode(codeVerifier);
    // client_secret_basic: both halves form-encoded first (RFC 6749 §2.3.1).
    request.headers.emplace_back("Authorization",
                                 "Basic " + base64(formEncode(client->clientId) + ":" + formEncode(client->clientSecret)));
    request.headers.emplace_back("Cache-Control", "no-store");
    auto response = http_->send(request);
    if (!response) return response.error();
    auto json = jsonAnswer(*response, "token endpoint");
    if (!json) return json.error();
    const auto& o = **json;
    if (response->status != 200) {
        const std::string error = stringClaim(o, "error").value_or("server_error");
        const std::string description = stringClaim(o, "error_description").value_or("");
        if (error == "invalid_client")
            return Error::unauthorized("invalid_client", "Tessera did not accept this service's client_id and secret." +
                                                             (description.empty() ? "" : " " + description));
        if (response->status >= 500)
            return Error::unavailable("provider_error", "Tessera's token endpoint failed (" + error + ").");
        return Error::invalid("token_" + error, description.empty() ? "Tessera refused the code (" + error + ")."
                                                                    : description);
    }
    TokenResponse tokens;
    tokens.accessToken = stringClaim(o, "access_token").value_or("");
    tokens.idToken = stringClaim(o, "id_token").value_or("");
    tokens.refreshToken = stringClaim(o, "refresh_token").value_or("");
    tokens.expiresIn = numericClaim(o, "expires_in").value_or(0);
    std::string type = stringClaim(o, "token_type").value_or("");
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (tokens.accessToken.empty() || tokens.idToken.empty() || type != "bearer")
        return Error::invalid("token_bad_response",
                              "Tessera's token answer lacks an access token, an ID token or the Bearer type.");
    return tokens;
}

Result<JwkSet> OidcClient::fetchJwks(const std::string& jwksUri) {
    auto response = http_->send({"GET", jwksUri, {}, "", ""});
    if (!response) return response.error();
    if (response->status != 200)
        return Error::unavailable("provider_error", "Tessera's JWKS answered HTTP " + std::to_string(response->status) + ".");
    return parseJwkSet(response->body);
}

Result<PublicKey> OidcClient::keyFor(const std::string& kid, const std::string& alg) {
    const std::int64_t now = clock_();
    bool mayRefetch = false;
    {
        std::lock_guard lock(mutex_);
        if (jwks_) {
            auto key = jwks_->keyFor(kid, alg);
            if (key || key.error().kind != ErrorKind::NotFound) return key;
            mayRefetch = now - jwksFetchedAt_ >= kJwksRefetchSeconds;
            if (!mayRefetch) return key;
        }
    }
    auto meta = metadata();
    if (!meta) return meta.error();
    auto fetched = fetchJwks(meta->jwksUri);
    if (!fetched) return fetched.error();
    std::lock_guard lock(mutex_);
    jwks_ = *fetched;
    jwksFetchedAt_ = now;
    return jwks_->keyFor(kid, alg);
}

Result<IdToken> OidcClient::validateIdToken(const std::string& idToken, const std::string& nonce,
                                            std::optional<Loa> minimumLoa, const std::string& accessToken) {
    auto meta = metadata();
    if (!meta) return meta.error();
    auto client = credentials_();
    if (!client) return client.error();
    IdTokenExpectations expect;
    expect.issuer = meta->issuer;
    expect.clientId = client->clientId;
    expect.now = clock_();
    expect.nonce = nonce;
    expect.minimumLoa = minimumLoa;
    expect.accessToken = accessToken;
    return demo::validateIdToken(idToken, [this](const std::string& kid, const std::string& alg) { return keyFor(kid, alg); },
                                 expect);
}

Result<LogoutToken> OidcClient::validateLogoutToken(const std::string& logoutToken) {
    auto meta = metadata();
    if (!meta) return meta.error();
    auto client = credentials_();
    if (!client) return client.error();
    TokenExpectations expect;
    expect.issuer = meta->issuer;
    expect.clientId = client->clientId;
    expect.now = clock_();
    return demo::validateLogoutToken(
        logoutToken, [this](const std::string& kid, const std::string& alg) { return keyFor(kid, alg); }, expect);
}

Result<Poco::JSON::Object::Ptr> OidcClient::userinfo(const std::string& accessToken, const std::string& expectedSub) {
    auto meta = metadata();
    if (!meta) return meta.error();
    if (meta->userinfoEndpoint.empty())
        return Error::notFound("no_userinfo", "Tessera's discovery document lists no userinfo endpoint.");
    HttpRequest request;
    request.url = meta->userinfoEndpoint;
    request.headers.emplace_back("Authorization", "Bearer " + accessToken);
    auto response = http_->send(request);
    if (!response) return response.error();
    if (response->status != 200)
        return Error::unavailable("provider_error", "Tessera's userinfo endpoint answered HTTP " +
                                                        std::to_string(response->status) + ".");
    auto json = jsonAnswer(*response, "userinfo endpoint");
    if (!json) return json.error();
    if (stringClaim(**json, "sub").value_or("") != expectedSub)
        return Error::invalid("userinfo_wrong_sub", "Tessera's userinfo answer is about another subject.");
    return json;
}

Result<std::string> OidcClient::endSessionUrl(const std::string& idTokenHint, const std::string& postLogoutRedirectUri,
                                              const std::string& state) {
    auto meta = metadata();
    if (!meta) return meta.error();
    if (meta->endSessionEndpoint.empty())
        return Error::notFound("no_end_session", "Tessera offers no end_session_endpoint.");
    std::vector<std::pair<std::string, std::string>> params{{"id_token_hint", idTokenHint},
                                                            {"post_logout_redirect_uri", postLogoutRedirectUri},
                                                            {"state", state}};
    if (auto client = credentials_()) params.emplace_back("client_id", client->clientId);
    return withQuery(meta->endSessionEndpoint, params);
}

}  // namespace tessera::demo
