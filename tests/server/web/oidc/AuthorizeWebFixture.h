#pragma once
// Web-level fixtures for the authorization endpoint: a test server whose /oauth2/authorize
// answers, a browser (PortalClient: cookies, CSRF fields, no redirects followed) and the
// steps a citizen takes (sign in through the pages, answer the consent page), plus what the
// service receives (the Location of a 302, or the address a "returning you" page refreshes to).
#include <functional>
#include <memory>
#include <string>

#include "server/web/portal/PortalClient.h"
#include "support/AccountBuilders.h"
#include "support/AuthBuilders.h"
#include "support/AuthorizationBuilders.h"
#include "support/TestServer.h"
#include "web/HttpServer.h"
#include "web/Router.h"

namespace tessera::test {

// A TestServer with the provider's settings (issuer kIssuer). Its authorization endpoint is
// the server's own once registerOidcRoutes registers it; until then the fixture serves the
// same application through a second front door with every route plus the endpoint.
class AuthorizeServer {
public:
    // `tweak` adjusts the settings further (after the provider's).
    explicit AuthorizeServer(const std::string& backend = "sqlite",
                             const std::function<void(infra::Settings&)>& tweak = {});
    ~AuthorizeServer();

    TestServer& server() { return *server_; }
    int port() const;  // where the browser goes
    infra::ManualClock& clock() { return server_->clock(); }
    web::Services& services() { return server_->services(); }
    store::Database& db() { return server_->db(); }

private:
    std::unique_ptr<TestServer> server_;
    web::Router router_;
    std::unique_ptr<web::HttpServer> http_;
};

// The address the browser is sent on to: a redirect's Location, or the Refresh of a
// "returning you to the service" page; "" when the answer is neither.
std::string destination(const ApiResponse& r);

// Signs in through the sign-in pages (email and password, then the TOTP code) from the
// sign-in page `signInLocation` (with its next=); returns the answer to the code (a 303 to next).
ApiResponse signInThroughPages(PortalClient& browser, infra::ManualClock& clock, const TestAccount& account,
                               const std::string& signInLocation);

bool contains(const std::string& text, const std::string& part);

}  // namespace tessera::test
