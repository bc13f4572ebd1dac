#pragma once
// The demo council service: its pages and the relying party's endpoints.
//   GET  /                    what the service is; sign-in button, or the citizen's claims
//   GET  /sign-in             starts a sign-in (state, nonce, PKCE) and sends the browser to Tessera
//   GET  /callback            the authorization response: code exchange, ID token checks, userinfo
//   GET  /secure              needs LoA 2; starts a sign-in with acr_values when the session is lower
//   POST /sign-out            ends the local session, then Tessera's (RP-initiated logout)
//   GET  /signed-out          where Tessera sends the browser back after logout
//   POST /backchannel-logout  Tessera's logout token ends the local sessions of that sid/sub
// Every answer is produced here as a value (WebResponse); nothing throws out of handle().
#include <memory>
#include <optional>
#include <string>

#include "OidcClient.h"
#include "Options.h"
#include "SessionStore.h"
#include "Web.h"

namespace tessera::demo {

class DemoService {
public:
    DemoService(Options options, std::shared_ptr<OidcClient> oidc, std::shared_ptr<SessionStore> store, Clock clock);

    WebResponse handle(const WebRequest& request);

    // The cookies' names: __Host-/__Secure- prefixed when the service is on https.
    std::string sessionCookieName() const;
    std::string loginCookieName() const;

private:
    WebResponse route(const WebRequest& request);
    WebResponse home(const WebRequest& request);
    WebResponse signIn(const WebRequest& request);
    WebResponse callback(const WebRequest& request);
    WebResponse secure(const WebRequest& request);
    WebResponse signOut(const WebRequest& request);
    WebResponse signedOut(const WebRequest& request);
    WebResponse backchannelLogout(const WebRequest& request);

    WebResponse startSignIn(std::optional<Loa> acr, const std::string& returnTo, const std::string& uiLocales);
    WebResponse providerProblem(const Error& error);
    WebResponse page(int status, const std::string& title, const std::string& mainHtml, const std::string& name = "");
    std::optional<Session> currentSession(const WebRequest& request);
    Session sessionFrom(const IdToken& idToken, const std::string& accessToken);
    std::string cookie(const std::string& name, const std::string& value, long maxAgeSeconds, const std::string& path) const;
    std::string contentSecurityPolicy() const;

    const Options options_;
    const std::shared_ptr<OidcClient> oidc_;
    const std::shared_ptr<SessionStore> store_;
    const Clock clock_;
};

}  // namespace tessera::demo
