#include "web/Application.h"

#include <Poco/Logger.h>

#include <filesystem>

#include "core/review/ReviewSweeper.h"
#include "core/verification/VerificationSweeper.h"
#include "infra/KeyFile.h"
#include "infra/http/HttpFormPoster.h"
#include "infra/mail/MakeMailer.h"
#include "store/Migrator.h"
#include "web/Services.h"
#include "web/oidc/EndSessionEndpoint.h"
#include "web/routes/Routes.h"

namespace tessera::web {

Result<std::unique_ptr<Application>> Application::create(const infra::Settings& settings,
                                                         std::shared_ptr<infra::Clock> clock,
                                                         std::shared_ptr<infra::Mailer> mailer) {
    std::unique_ptr<Application> app(new Application);
    app->settings_ = settings;
    app->clock_ = clock ? std::move(clock) : std::make_shared<infra::SystemClock>();

    std::error_code ec;
    std::filesystem::create_directories(settings.dataDir, ec);
    if (ec) return Error::unavailable("data_dir", "Cannot create the data folder " + settings.dataDir + ": " + ec.message());
    std::filesystem::permissions(settings.dataDir, std::filesystem::perms::owner_all, ec);

    auto db = store::Database::open(settings.databaseUrl);
    if (!db) return db.error();
    app->db_ = std::move(*db);

    store::Migrator migrator(*app->db_, settings.resourcesDir + "/migrations");
    auto migrated = migrator.migrate();
    if (!migrated) return migrated.error();

    if (mailer) {
        app->mailer_ = std::move(mailer);
    } else {
        auto made = infra::makeMailer(settings.smtpUrl, settings.outboxDir(), settings.mailFrom, *app->clock_);
        if (!made) return made.error();
        app->mailer_ = std::shared_ptr<infra::Mailer>(std::move(*made));
    }

    auto common = infra::CommonPasswords::load(settings.resourcesDir + "/passwords/common-passwords.txt");
    if (!common) return common.error();
    app->commonPasswords_ = std::make_unique<infra::CommonPasswords>(std::move(*common));
    app->passwords_ = std::make_unique<infra::PasswordHasher>(
        infra::PasswordHashParams{settings.argon2MemoryKiB, settings.argon2Iterations, settings.argon2Parallelism});
    auto key = infra::loadOrCreateDataKey(settings.dataDir);
    if (!key) return key.error();
    auto box = infra::SecretBox::create(*key);
    if (!box) return box.error();
    app->dataKey_ = std::make_unique<infra::SecretBox>(std::move(*box));

    app->services_ = std::make_unique<Services>(app->settings_, *app->clock_, *app->db_, *app->mailer_,
                                                *app->passwords_, *app->commonPasswords_, *app->dataKey_);
    auto verification = core::VerificationParts::open(app->settings_, *app->dataKey_, *app->clock_);
    if (!verification) return verification.error();
    app->verification_ = std::move(*verification);
    app->services_->verification = app->verification_.get();
    app->housekeeping_ = std::make_unique<PeriodicTask>("verification housekeeping", 60, [a = app.get()] {
        auto swept = core::VerificationSweeper(*a->services_, *a->verification_->blobs, a->verification_->policy)
                         .run(a->clock_->now());
        if (!swept)
            Poco::Logger::get("tessera.housekeeping").error("verification sweep failed: " + swept.error().message);
        core::ReviewSweeper(*a->services_).sweep();
    });
    // RP-initiated and back-channel logout (core/oidc/OidcLogout): services are told of ended
    // sessions by POSTs with a 5 s timeout, from a worker thread.
    app->logout_ = std::make_shared<core::oidc::OidcLogout>(
        *app->services_, core::oidc::oidcSettingsFrom(app->settings_), std::make_shared<infra::HttpFormPoster>(5));
    auto seeded = seedReferenceData(*app->services_);
    if (!seeded) return seeded.error();
    try {
        app->registerRoutes();
    } catch (const std::exception& e) {  // e.g. the portal's templates or catalogues are unusable
        return Error::unavailable("routes", e.what());
    }

    HttpServerOptions options;
    options.host = settings.httpHost;
    options.port = settings.httpPort;
    options.threads = settings.httpThreads;
    options.maxBodyBytes = settings.maxBodyBytes;
    options.tls = settings.publicUrl.rfind("https://", 0) == 0;
    try {
        app->http_ = std::make_unique<HttpServer>(app->router_, options);
    } catch (const Poco::Exception& e) {
        return Error::unavailable("listen_failed", "Cannot listen on " + settings.httpHost + ":" +
                                                       std::to_string(settings.httpPort) + ": " + e.displayText());
    }
    return app;
}

Application::~Application() { stop(5); }

void Application::registerRoutes() {
    web::registerRoutes(router_, *services_);
    oidc::registerEndSessionEndpoint(router_, *services_, logout_);
}

void Application::start() {
    logout_->start();
    housekeeping_->start();
    http_->start();
}

void Application::stop(int graceSeconds) {
    if (http_) http_->stop(graceSeconds);
    // After the requests: undelivered logouts stay queued in the database for the next start.
    if (logout_) logout_->stop();
    if (housekeeping_) housekeeping_->stop();
}

}  // namespace tessera::web
