#include "support/AuthBuilders.h"

#include <regex>
#include <stdexcept>

#include "core/auth/RecoveryCodes.h"
#include "core/auth/TotpSecrets.h"
#include "core/terms/TermsService.h"
#include "infra/Random.h"
#include "infra/Totp.h"

namespace tessera::test {

Status RecordingMailer::send(const infra::MailMessage& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    sent_.push_back(message);
    return {};
}

std::vector<infra::MailMessage> RecordingMailer::sent() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return sent_;
}

std::string RecordingMailer::lastCodeTo(const std::string& to) const {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = sent_.rbegin(); it != sent_.rend(); ++it) {
        if (it->to != to) continue;
        std::smatch m;
        static const std::regex sixDigits("(^|[^0-9])([0-9]{6})([^0-9]|$)");
        if (std::regex_search(it->textBody, m, sixDigits)) return m[2];
        throw std::runtime_error("the newest mail to " + to + " has no code");
    }
    throw std::runtime_error("no mail was sent to " + to);
}

infra::PasswordHashParams cheapPasswordHashing() { return {1024, 1, 1}; }

void useCheapPasswordHashing(infra::Settings& settings) {
    const auto p = cheapPasswordHashing();
    settings.argon2MemoryKiB = p.memoryKiB;
    settings.argon2Iterations = p.iterations;
    settings.argon2Parallelism = p.parallelism;
}

AuthTestContext::AuthTestContext(const std::string& backend)
    : database_(std::make_unique<TestDatabase>(backend)), db_(&database_->db()), passwords_(cheapPasswordHashing()) {
    auto box = infra::SecretBox::create(infra::SecretBox::generateKey());
    if (!box) throw std::runtime_error("cannot create the test data key");
    dataKey_ = std::make_unique<infra::SecretBox>(std::move(*box));
    ctx_ = std::make_unique<core::Context>(settings_, clock_, *db_, mailer_, passwords_, commonPasswords_, *dataKey_);
}

AuthTestContext::AuthTestContext(AuthTestContext& first)
    : settings_(first.settings_), passwords_(cheapPasswordHashing()),
      dataKey_(std::make_unique<infra::SecretBox>(*first.dataKey_)) {
    auto pool = store::Database::open(first.database_->url(), 4);
    if (!pool) throw std::runtime_error("cannot open a second pool: " + pool.error().message);
    ownPool_ = std::move(*pool);
    db_ = ownPool_.get();
    clock_.set(first.clock_.now());
    ctx_ = std::make_unique<core::Context>(settings_, clock_, *db_, mailer_, passwords_, commonPasswords_, *dataKey_);
}

TestAccount makeAccount(core::Context& ctx, const AccountSpec& spec) {
    using core::AccountStatus;
    using core::SecondFactorMethod;
    if (spec.status == AccountStatus::Active && spec.secondFactor == SecondFactorMethod::None)
        throw std::invalid_argument("an active account always has a second factor");

    core::Account a;
    a.id = infra::random::id();
    a.email = spec.email;
    a.emailVerified = spec.emailVerified;
    a.name = spec.name;
    a.passwordHash = ctx.passwords.hash(spec.password);
    a.status = spec.status;
    a.secondFactor = spec.secondFactor;
    a.createdAt = a.updatedAt = ctx.clock.now();
    TestAccount out{a.id, a.email, spec.password, ""};
    if (spec.secondFactor == SecondFactorMethod::Totp) {
        out.totpSecret = infra::totp::generateSecret();
        a.totpSecret = core::sealTotpSecret(ctx.dataKey, a.id, out.totpSecret);
    }

    core::TermsService terms(ctx);
    std::vector<std::string> termsIds;
    if (auto current = terms.current("en"); current && spec.acceptTerms)
        for (const auto& d : *current) termsIds.push_back(d.id);
    auto written = ctx.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        if (auto inserted = ctx.accounts.insert(s, a); !inserted) return inserted;
        if (termsIds.empty()) return {};
        return terms.accept(s, a.id, termsIds, ctx.clock.now());
    });
    if (!written) throw std::runtime_error("makeAccount: " + written.error().message);
    return out;
}

AccountSpec activeWithTotp(std::string email) {
    AccountSpec s;
    s.email = std::move(email);
    return s;
}

AccountSpec activeWithEmailCodes(std::string email) {
    AccountSpec s = activeWithTotp(std::move(email));
    s.secondFactor = core::SecondFactorMethod::Email;
    return s;
}

AccountSpec awaitingSecondFactorSetup(std::string email) {
    AccountSpec s = activeWithTotp(std::move(email));
    s.status = core::AccountStatus::PendingSecondFactor;
    s.secondFactor = core::SecondFactorMethod::None;
    return s;
}

AccountSpec awaitingEmailVerification(std::string email) {
    AccountSpec s = awaitingSecondFactorSetup(std::move(email));
    s.status = core::AccountStatus::PendingEmail;
    s.emailVerified = false;
    return s;
}

std::vector<std::string> giveRecoveryCodes(core::Context& ctx, const std::string& accountId) {
    using Codes = std::vector<std::string>;
    auto codes = ctx.db.transaction<Codes>(
        [&](Poco::Data::Session& s) -> Result<Codes> { return core::RecoveryCodes(ctx).replace(s, accountId); });
    if (!codes) throw std::runtime_error("giveRecoveryCodes: " + codes.error().message);
    return *codes;
}

core::NewSession makeSession(core::Context& ctx, const std::string& accountId, core::SessionStage stage) {
    auto made = ctx.db.transaction<core::NewSession>([&](Poco::Data::Session& s) -> Result<core::NewSession> {
        return ctx.sessions.create(s, accountId, stage, "127.0.0.1", "test");
    });
    if (!made) throw std::runtime_error("makeSession: " + made.error().message);
    return *made;
}

core::Caller callerFor(const core::NewSession& session) { return {session.session, session.token, "127.0.0.1"}; }

std::string totpCode(const std::string& secret, const infra::Clock& clock, int stepOffset) {
    return infra::totp::code(secret, clock.now() + stepOffset * infra::totp::kStepSeconds);
}

ApiResponse postPassword(ApiClient& client, const std::string& email, const std::string& password) {
    return client.post("/api/v1/sessions", json({{"email", email}, {"password", password}}));
}

ApiResponse signInWithTotp(ApiClient& client, infra::ManualClock& clock, const TestAccount& account) {
    clock.advance(infra::totp::kStepSeconds);
    ApiResponse first = postPassword(client, account.email, account.password);
    if (first.status != 200) return first;
    return client.post("/api/v1/sessions/second-factor", json({{"code", totpCode(account.totpSecret, clock)}}));
}

}  // namespace tessera::test
