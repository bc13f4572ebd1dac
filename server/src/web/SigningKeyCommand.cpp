#include "web/SigningKeyCommand.h"

#include <ctime>
#include <memory>
#include <optional>

#include "core/audit/AuditLog.h"
#include "core/oidc/OidcSettings.h"
#include "core/oidc/SigningKeys.h"
#include "infra/Clock.h"
#include "infra/KeyFile.h"
#include "infra/SecretBox.h"
#include "store/Database.h"
#include "store/Migrator.h"

namespace tessera::web {

namespace {

constexpr int kExitUsage = 64;
constexpr int kExitSoftware = 70;

std::string utc(std::int64_t seconds) {
    if (seconds == 0) return "-";
    std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// What the keys need: the database (migrated, as a server would), the data key, the clock
// and the audit log.
struct KeyEnvironment {
    infra::SystemClock clock;
    std::unique_ptr<store::Database> db;
    std::optional<infra::SecretBox> box;
    std::unique_ptr<core::AuditLog> audit;
    std::unique_ptr<core::oidc::SigningKeys> keys;

    Status open(const infra::Settings& settings) {
        auto opened = store::Database::open(settings.databaseUrl);
        if (!opened) return opened.error();
        db = std::move(*opened);
        store::Migrator migrator(*db, settings.resourcesDir + "/migrations");
        if (auto migrated = migrator.migrate(); !migrated) return migrated.error();
        auto key = infra::loadOrCreateDataKey(settings.dataDir);
        if (!key) return key.error();
        auto made = infra::SecretBox::create(*key);
        if (!made) return made.error();
        box.emplace(std::move(*made));
        audit = std::make_unique<core::AuditLog>(*db, clock);
        keys = std::make_unique<core::oidc::SigningKeys>(*db, clock, *box, *audit,
                                                          core::oidc::oidcSettingsFrom(settings));
        return {};
    }
};

void printKey(std::ostream& out, const core::oidc::SigningKeyInfo& k) {
    out << k.kid << "  " << core::oidc::toString(k.alg) << "  created " << utc(k.createdAt) << "  signs from "
        << utc(k.activatesAt) << "  until " << utc(k.retiresAt) << "  published until " << utc(k.expiresAt) << "\n";
}

}  // namespace

int rotateSigningKey(const infra::Settings& settings, const std::string& algName, std::ostream& out,
                     std::ostream& err) {
    auto alg = core::oidc::jwsAlgFrom(algName);
    if (!alg) {
        err << "Unknown signing algorithm \"" << algName << "\": use ES256 or RS256.\n";
        return kExitUsage;
    }
    KeyEnvironment env;
    if (auto opened = env.open(settings); !opened) {
        err << "Cannot open the database or the data key: " << opened.error().message << "\n";
        return kExitSoftware;
    }
    auto rotated = env.keys->rotate(*alg, "operator:command-line");
    if (!rotated) {
        err << "Cannot rotate the " << algName << " signing key: " << rotated.error().message << "\n";
        return kExitSoftware;
    }
    out << "New " << core::oidc::toString(*alg) << " signing key " << rotated->kid
        << " signs from now on. Running servers use it within a minute; the keys it replaces stay in the JWKS "
           "until their tokens have expired.\n";
    for (const auto& k : env.keys->list()) printKey(out, k);
    return 0;
}

int listSigningKeys(const infra::Settings& settings, std::ostream& out, std::ostream& err) {
    KeyEnvironment env;
    if (auto opened = env.open(settings); !opened) {
        err << "Cannot open the database or the data key: " << opened.error().message << "\n";
        return kExitSoftware;
    }
    for (const auto& k : env.keys->list()) printKey(out, k);
    return 0;
}

}  // namespace tessera::web
