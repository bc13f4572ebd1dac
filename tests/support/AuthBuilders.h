#pragma once
// Test data for two-factor set-up, sign-in and sessions:
//  - AuthTestContext: a core::Context over a fresh TestDatabase with a manual clock, a mailer
//    that keeps messages in memory and a cheap Argon2 setting, for core tests without a server;
//  - makeAccount: an account at any stage of set-up, written straight to the database, whose
//    password and TOTP secret the test knows (works on a TestServer's services too);
//  - totpCode / signIn helpers for computing codes at the manual clock's time.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/accounts/Account.h"
#include "core/auth/Caller.h"
#include "infra/Clock.h"
#include "infra/mail/Mailer.h"
#include "support/ApiClient.h"
#include "support/TestDatabase.h"

namespace tessera::test {

// Keeps every message instead of sending it.
class RecordingMailer final : public infra::Mailer {
public:
    Status send(const infra::MailMessage& message) override;
    std::vector<infra::MailMessage> sent() const;
    // The 6-digit code in the newest message to `to`; throws if there is none.
    std::string lastCodeTo(const std::string& to) const;

private:
    mutable std::mutex mutex_;
    std::vector<infra::MailMessage> sent_;
};

// Argon2 parameters that keep tests fast; production strength is covered by infra tests.
infra::PasswordHashParams cheapPasswordHashing();
// The same for a TestServer: pass as its settings tweak.
void useCheapPasswordHashing(infra::Settings& settings);

class AuthTestContext {
public:
    explicit AuthTestContext(const std::string& backend);
    // Another server process on the same database: a connection pool, clock, mailer and
    // context of its own, the same data key. `first` must outlive it.
    explicit AuthTestContext(AuthTestContext& first);

    core::Context& ctx() { return *ctx_; }
    infra::ManualClock& clock() { return clock_; }
    RecordingMailer& mailer() { return mailer_; }
    infra::Settings& settings() { return settings_; }
    store::Database& db() { return *db_; }

private:
    std::unique_ptr<TestDatabase> database_;     // the first context owns the database
    std::unique_ptr<store::Database> ownPool_;   // a second context has its own pool on it
    store::Database* db_ = nullptr;
    infra::Settings settings_;
    infra::ManualClock clock_;
    RecordingMailer mailer_;
    infra::PasswordHasher passwords_;
    infra::CommonPasswords commonPasswords_;
    std::unique_ptr<infra::SecretBox> dataKey_;
    std::unique_ptr<core::Context> ctx_;
};

struct AccountSpec {
    std::string email = "ada@example.org";
    std::string password = "a long and private passphrase";
    std::string name = "Ada Lovelace";
    core::AccountStatus status = core::AccountStatus::Active;
    bool emailVerified = true;
    core::SecondFactorMethod secondFactor = core::SecondFactorMethod::Totp;
    bool acceptTerms = true;  // false: held at the terms gate once signed in
};

struct TestAccount {
    std::string id;
    std::string email;
    std::string password;
    std::string totpSecret;  // raw bytes; empty unless secondFactor is Totp
};

// Writes the account (accepting the terms in force, if any, unless spec.acceptTerms is
// false). status Active with secondFactor None is refused: such an account cannot exist.
TestAccount makeAccount(core::Context& ctx, const AccountSpec& spec = {});
// Presets for the stages of set-up.
AccountSpec activeWithTotp(std::string email = "ada@example.org");
AccountSpec activeWithEmailCodes(std::string email = "ada@example.org");
AccountSpec awaitingSecondFactorSetup(std::string email = "ada@example.org");
AccountSpec awaitingEmailVerification(std::string email = "ada@example.org");
// Replaces the account's recovery codes and returns them.
std::vector<std::string> giveRecoveryCodes(core::Context& ctx, const std::string& accountId);

// A session for the account at `stage`, as sign-up or sign-in would have left it.
core::NewSession makeSession(core::Context& ctx, const std::string& accountId, core::SessionStage stage);
// The caller the core sees for a session (client address 127.0.0.1).
core::Caller callerFor(const core::NewSession& session);

// The TOTP code for `secret` at the clock's time, or `stepOffset` steps (30 s) away from it.
std::string totpCode(const std::string& secret, const infra::Clock& clock, int stepOffset = 0);

// The password step over HTTP: POST /api/v1/sessions.
ApiResponse postPassword(ApiClient& client, const std::string& email, const std::string& password);
// Password then TOTP over HTTP; returns the second answer. The client then holds the
// signed-in cookie and CSRF token. Advances the clock one step first, so each call uses a
// code no earlier sign-in used.
ApiResponse signInWithTotp(ApiClient& client, infra::ManualClock& clock, const TestAccount& account);

}  // namespace tessera::test
