#include "LogoutWebFixture.h"

#include <stdexcept>

#include "core/oidc/OidcSettings.h"

namespace tessera::test {

ServiceCredentials createSignInService(TestServer& server, const std::string& name,
                                       const std::string& backchannelLogoutUri,
                                       std::vector<std::string> postLogoutRedirectUris) {
    return createBackendService(server, name, "client_secret_basic", [&](core::ServiceChanges& c) {
        c.grantTypes = std::vector<std::string>{"authorization_code"};
        c.allowedScopes = std::vector<std::string>{"openid"};
        c.redirectUris = std::vector<std::string>{"https://service.example/callback"};
        c.postLogoutRedirectUris = postLogoutRedirectUris;
        if (!backchannelLogoutUri.empty()) c.backchannelLogoutUri = backchannelLogoutUri;
    });
}

BrowserCitizen signInAgain(TestServer& server, PortalClient& browser, const TestAccount& account,
                           const std::vector<std::string>& serviceIds) {
    auto signedIn = signInWithTotp(browser.api(), server.clock(), account);
    if (signedIn.status != 200) throw std::runtime_error("signInAgain: " + signedIn.body);
    BrowserCitizen c;
    c.account = account;
    c.sessionPublicId = signedIn.json()->getObject("session")->getValue<std::string>("id");
    c.cookie = browser.api().cookies().at("tessera_session");
    for (const auto& id : serviceIds) c.sids.push_back(makeOpSession(server.services(), c.sessionPublicId, account.id, id));
    return c;
}

BrowserCitizen signInBrowser(TestServer& server, PortalClient& browser, const std::string& email,
                             const std::vector<std::string>& serviceIds) {
    return signInAgain(server, browser, makeAccount(server.services(), activeWithTotp(email)), serviceIds);
}

bool cookieStillWorks(TestServer& server, const std::string& cookie) {
    ApiClient other(server.port());
    other.cookies()["tessera_session"] = cookie;
    return other.get("/api/v1/accounts/me").status == 200;
}

Poco::JSON::Object::Ptr fetchJwks(TestServer& server) {
    ApiClient client(server.port());
    auto r = client.get("/oauth2/jwks");
    if (r.status != 200) throw std::runtime_error("fetchJwks: " + std::to_string(r.status));
    return r.json();
}

ProviderSigner signerFor(TestServer& server) {
    return ProviderSigner(server.services(), core::oidc::oidcSettingsFrom(server.settings()));
}

}  // namespace tessera::test
