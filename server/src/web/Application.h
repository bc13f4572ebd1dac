#pragma once
// The composition root: opens the database, applies migrations, builds the core services
// and registers every route. main.cpp and the integration tests both start the server here.
#include <memory>

#include "core/oidc/OidcLogout.h"
#include "core/verification/VerificationParts.h"
#include "infra/Clock.h"
#include "infra/Settings.h"
#include "store/Database.h"
#include "web/HttpServer.h"
#include "web/PeriodicTask.h"
#include "web/Router.h"

#include "web/Services.h"

namespace tessera::web {

class Application {
public:
    // clock: null uses the system clock. mailer: null builds one from settings (SMTP or outbox).
    static Result<std::unique_ptr<Application>> create(const infra::Settings& settings,
                                                       std::shared_ptr<infra::Clock> clock = nullptr,
                                                       std::shared_ptr<infra::Mailer> mailer = nullptr);
    ~Application();

    void start();
    void stop(int graceSeconds = 30);
    int port() const { return http_->port(); }
    const infra::Settings& settings() const { return settings_; }
    store::Database& database() { return *db_; }
    Services& services() { return *services_; }
    // Read-only: the routes the server answers (tests compare them with the OpenAPI document).
    const Router& router() const { return router_; }

private:
    Application() = default;
    void registerRoutes();

    infra::Settings settings_;
    std::shared_ptr<infra::Clock> clock_;
    std::shared_ptr<infra::Mailer> mailer_;
    std::unique_ptr<store::Database> db_;
    std::unique_ptr<infra::PasswordHasher> passwords_;
    std::unique_ptr<infra::CommonPasswords> commonPasswords_;
    std::unique_ptr<infra::SecretBox> dataKey_;
    std::unique_ptr<Services> services_;
    // OpenID Connect logout: built here (the composition root), its worker running from
    // start() to stop(); shared with the end-session endpoint's handlers.
    std::shared_ptr<core::oidc::OidcLogout> logout_;
    // Identity verification: policy, registers, media store; and its housekeeping (lapsed
    // evidence, expired drafts and claims, media past retention), once a minute.
    std::unique_ptr<core::VerificationParts> verification_;
    std::unique_ptr<PeriodicTask> housekeeping_;
    Router router_;
    std::unique_ptr<HttpServer> http_;
};

}  // namespace tessera::web
