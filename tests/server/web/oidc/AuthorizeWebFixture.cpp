#include "server/web/oidc/AuthorizeWebFixture.h"

#include <Poco/Data/Session.h>

#include <catch2/catch.hpp>

#include <stdexcept>

#include "core/oidc/OidcSettings.h"
#include "core/oidc/Provider.h"
#include "server/web/oidc/OidcWebFixture.h"
#include "web/oidc/AuthorizeEndpoint.h"
#include "web/oidc/HttpJwksSource.h"
#include "web/routes/Routes.h"

namespace tessera::test {

AuthorizeServer::AuthorizeServer(const std::string& backend, const std::function<void(infra::Settings&)>& tweak)
    : server_(startServer(backend, [&](infra::Settings& s) {
          oidcServerSettings(s);
          if (tweak) tweak(s);
      })) {
    if (server_->app().router().match("GET", "/oauth2/authorize").handler) return;
    auto& services = server_->services();
    web::registerRoutes(router_, services);
    auto settings = core::oidc::oidcSettingsFrom(services.settings);
    auto jwks = std::make_shared<web::oidc::HttpJwksSource>(settings.jwksFetchTimeoutSeconds, settings.jwksMaxBytes);
    auto provider = std::make_shared<core::oidc::Provider>(services, std::move(settings), std::move(jwks));
    if (auto started = provider->start(); !started) throw std::runtime_error(started.error().message);
    web::oidc::registerAuthorizeEndpoint(router_, provider);
    web::HttpServerOptions options;
    options.host = "127.0.0.1";
    options.port = 0;
    options.threads = 4;
    options.maxBodyBytes = services.settings.maxBodyBytes;
    http_ = std::make_unique<web::HttpServer>(router_, options);
    http_->start();
}

AuthorizeServer::~AuthorizeServer() {
    if (http_) http_->stop(5);
}

int AuthorizeServer::port() const { return http_ ? http_->port() : server_->port(); }

std::string destination(const ApiResponse& r) {
    if (r.status >= 300 && r.status < 400) return r.header("Location");
    const std::string refresh = r.header("Refresh");
    const auto at = refresh.find("url=");
    return at == std::string::npos ? std::string() : refresh.substr(at + 4);
}

ApiResponse signInThroughPages(PortalClient& browser, infra::ManualClock& clock, const TestAccount& account,
                               const std::string& signInLocation) {
    auto form = browser.get(signInLocation);
    REQUIRE(form.status == 200);
    const auto next = queryOf(signInLocation)["next"];
    auto password = browser.submit("/sign-in", {{"email", account.email}, {"password", account.password}, {"next", next}});
    REQUIRE(password.status == 303);
    auto codePage = browser.follow(password);
    REQUIRE(codePage.status == 200);
    clock.advance(30);  // a code no earlier sign-in used
    auto signedIn = browser.submit(withoutQuery(password.header("Location")),
                                   {{"code", totpCode(account.totpSecret, clock)}, {"next", next}});
    REQUIRE(signedIn.status == 303);
    return signedIn;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace tessera::test
