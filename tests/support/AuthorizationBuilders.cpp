#include "support/AuthorizationBuilders.h"
#include "support/FakeSectorSource.h"

#include <Poco/Data/Session.h>
#include <Poco/URI.h>

#include <stdexcept>

using namespace Poco::Data::Keywords;

namespace tessera::test {

namespace {

std::string encoded(const std::string& text) {
    std::string out;
    Poco::URI::encode(text, "!#$&'()*+,/:;=?@[]% ", out);
    return out;
}

}  // namespace

core::ServiceChanges signInService(const std::string& name) {
    core::ServiceChanges c;
    c.name = name;
    c.clientType = "confidential";
    c.tokenEndpointAuthMethod = "client_secret_basic";
    c.redirectUris = std::vector<std::string>{kServiceRedirect};
    c.grantTypes = std::vector<std::string>{"authorization_code", "refresh_token"};
    c.allowedScopes = std::vector<std::string>{"openid", "profile", "email", "address", "offline_access"};
    c.allowedClaims = std::vector<std::string>{"name", "email", "email_verified", "birthdate", "address"};
    c.consentText = std::map<std::string, std::string>{
        {"en", "We use your name and address to find your council tax account."},
        {"fr", "Nous utilisons votre nom et votre adresse pour trouver votre compte de taxe."},
        {"gd", "Cleachdaidh sinn d’ ainm is do sheòladh gus an cunntas cìse agad a lorg."}};
    return c;
}

core::ServiceChanges loopbackApp(const std::string& name) {
    core::ServiceChanges c;
    c.name = name;
    c.clientType = "public";
    c.tokenEndpointAuthMethod = "none";
    c.redirectUris = std::vector<std::string>{kLoopbackRedirect};
    c.grantTypes = std::vector<std::string>{"authorization_code", "refresh_token"};
    c.allowedScopes = std::vector<std::string>{"openid", "profile", "email"};
    c.allowedClaims = std::vector<std::string>{"name", "email"};
    return c;
}

core::ServiceWithSecret makeService(core::Context& ctx, const core::ServiceChanges& changes) {
    auto created = core::ServiceRegistry(ctx, FakeSectorSource::vouchingFor(changes)).create(changes, {"test-admin", "127.0.0.1"});
    if (!created) {
        std::string detail = created.error().message;
        for (const auto& f : created.error().fields) detail += " [" + f.field + ": " + f.code + "]";
        throw std::runtime_error("makeService: " + detail);
    }
    return *created;
}

core::oidc::AuthorizationParameters authorizeParameters(const core::Service& service, const std::string& redirectUri) {
    return {{"response_type", "code"},
            {"client_id", service.clientId},
            {"redirect_uri", redirectUri},
            {"scope", "openid profile email"},
            {"state", "af0ifjsldkj"},
            {"nonce", "n-0S6_WzA2Mj"},
            {"code_challenge", kPkceChallenge},
            {"code_challenge_method", "S256"}};
}

core::oidc::AuthorizationParameters with(core::oidc::AuthorizationParameters parameters, const std::string& name,
                                         const std::optional<std::string>& value) {
    core::oidc::AuthorizationParameters out;
    bool placed = false;
    for (auto& [n, v] : parameters) {
        if (n != name) {
            out.emplace_back(std::move(n), std::move(v));
        } else if (value && !placed) {
            out.emplace_back(name, *value);
            placed = true;
        }
    }
    if (value && !placed) out.emplace_back(name, *value);
    return out;
}

std::string authorizePath(const core::oidc::AuthorizationParameters& parameters) {
    std::string query;
    for (const auto& [name, value] : parameters) query += (query.empty() ? "" : "&") + encoded(name) + "=" + encoded(value);
    return "/oauth2/authorize?" + query;
}

void setAccountLoa(core::Context& ctx, const std::string& accountId, int loa) {
    Poco::Data::Session s = ctx.db.session();
    std::string id = accountId;
    Poco::Int64 level = loa;
    s << ctx.db.sql("UPDATE accounts SET loa = ? WHERE id = ?"), use(level), use(id), now;
}

std::map<std::string, std::string> queryOf(const std::string& url) {
    std::map<std::string, std::string> out;
    const auto q = url.find('?');
    if (q == std::string::npos) return out;
    Poco::URI uri("/?" + url.substr(q + 1));
    for (const auto& [name, value] : uri.getQueryParameters()) out[name] = value;
    return out;
}

std::string withoutQuery(const std::string& url) { return url.substr(0, url.find('?')); }

}  // namespace tessera::test
