#pragma once
// Web-level fixtures for logout: a server (issuer kIssuer), services citizens sign in to with
// a back-channel logout URI and post-logout redirect URIs, a citizen signed in over HTTP in a
// browser-like client with OP sessions at those services (rows made as the authorization-code
// grant makes them), ID tokens signed with the server's keys, and the server's JWKS.
#include <string>
#include <vector>

#include "OidcWebFixture.h"
#include "server/web/portal/PortalClient.h"
#include "support/OidcSessionBuilders.h"

namespace tessera::test {

// A confidential service citizens sign in to (authorization_code, openid).
ServiceCredentials createSignInService(TestServer& server, const std::string& name,
                                       const std::string& backchannelLogoutUri,
                                       std::vector<std::string> postLogoutRedirectUris = {});

struct BrowserCitizen {
    TestAccount account;
    std::string sessionPublicId;
    std::string cookie;             // the session cookie's value
    std::vector<std::string> sids;  // one per service given, in order
};
// Signs a new citizen in over HTTP on `browser` and records OP sessions at the services.
BrowserCitizen signInBrowser(TestServer& server, PortalClient& browser, const std::string& email,
                             const std::vector<std::string>& serviceIds);
// Signs an existing citizen in again on another browser.
BrowserCitizen signInAgain(TestServer& server, PortalClient& browser, const TestAccount& account,
                           const std::vector<std::string>& serviceIds);

// Whether a request with only this session cookie is still signed in (GET /api/v1/accounts/me).
bool cookieStillWorks(TestServer& server, const std::string& cookie);
// The server's JWKS, fetched over HTTP as a service would.
Poco::JSON::Object::Ptr fetchJwks(TestServer& server);
// Signs ID tokens with the server's keys.
ProviderSigner signerFor(TestServer& server);

}  // namespace tessera::test
