#pragma once
// Test data for registration, email verification, terms, profile and password reset:
//  - AccountTestContext: a core::Context over a fresh TestDatabase with the shipped list of
//    common passwords, the terms seeded, a manual clock, an in-memory mailer and cheap Argon2;
//  - request builders (a valid registration form or JSON body accepting the terms in force);
//  - over HTTP: register, and register-and-verify, as a browser would;
//  - DatabaseSnapshot: what a refused request must leave exactly as it was.
#include <Poco/JSON/Object.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/accounts/RegistrationService.h"
#include "infra/Settings.h"
#include "support/ApiClient.h"
#include "support/AuthBuilders.h"
#include "support/TestDatabase.h"
#include "support/TestServer.h"

namespace tessera::test {

class AccountTestContext {
public:
    explicit AccountTestContext(const std::string& backend);

    core::Context& ctx() { return *ctx_; }
    infra::ManualClock& clock() { return clock_; }
    RecordingMailer& mailer() { return mailer_; }
    infra::Settings& settings() { return settings_; }
    store::Database& db() { return database_->db(); }

private:
    std::unique_ptr<TestDatabase> database_;
    infra::Settings settings_;
    infra::ManualClock clock_;
    RecordingMailer mailer_;
    infra::PasswordHasher passwords_;
    infra::CommonPasswords commonPasswords_;
    std::unique_ptr<infra::SecretBox> dataKey_;
    std::unique_ptr<core::Context> ctx_;
};

inline constexpr const char* kTestPassword = "correct horse battery staple";

// The ids of the documents in force, in `language` (one per kind).
std::vector<std::string> currentTermsIds(core::Context& ctx, const std::string& language = "en");
// A form that registers: every field valid, the terms in force accepted, consent given.
core::RegistrationForm validRegistration(core::Context& ctx, const std::string& email = "grace@example.org",
                                         const std::string& language = "en");

// The newest message to `to` in the in-memory mailer; throws if there is none.
infra::MailMessage lastMailTo(const RecordingMailer& mailer, const std::string& to);

// A TestServer with cheap Argon2 (production strength is covered by the infra tests).
std::unique_ptr<TestServer> startServer(const std::string& backend,
                                        const std::function<void(infra::Settings&)>& tweak = {});

// GET /api/v1/terms/current?language=...: the ids it lists.
std::vector<std::string> fetchCurrentTermsIds(ApiClient& client, const std::string& language = "en");
// A valid registration body for POST /api/v1/accounts; change members with set() before use.
Poco::JSON::Object registrationJson(const std::vector<std::string>& termsIds,
                                    const std::string& email = "grace@example.org",
                                    const std::string& password = kTestPassword);
std::string toJson(const Poco::JSON::Object& object);

struct RegisteredCitizen {
    std::string accountId;
    std::string email;
    std::string password;
};
// POST /api/v1/accounts with a valid body; the client then holds the pending session.
ApiResponse registerOverHttp(ApiClient& client, const std::string& email = "grace@example.org",
                             const std::string& password = kTestPassword);
// Registers and verifies the email with the code from the outbox; the client then holds the
// session awaiting two-factor set-up. Throws if a step fails.
RegisteredCitizen registerAndVerify(ApiClient& client, TestServer& server,
                                    const std::string& email = "grace@example.org");

// Row counts of every account table, and the full contents of the rows a refused request
// could touch (accounts, sessions but for their last activity time, terms acceptances).
// Wrong code attempts are counted by design, so one_time_codes is compared by row count only.
struct DatabaseSnapshot {
    std::map<std::string, std::int64_t> counts;
    std::string accounts;
    std::string sessions;
    std::string acceptances;
    bool operator==(const DatabaseSnapshot&) const = default;
};
DatabaseSnapshot snapshot(store::Database& db);
std::int64_t countRows(store::Database& db, const std::string& table, const std::string& where = "");

}  // namespace tessera::test
