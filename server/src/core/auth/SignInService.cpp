#include "core/auth/SignInService.h"

#include <Poco/Data/Statement.h>
#include <Poco/Logger.h>

#include <map>
#include <mutex>
#include <optional>
#include <tuple>

#include "core/accounts/AccountMail.h"
#include "core/accounts/EmailCode.h"
#include "core/auth/CodeMail.h"
#include "core/auth/LoginThrottle.h"
#include "core/auth/RecoveryCodes.h"
#include "core/auth/TotpSecrets.h"
#include "infra/Random.h"
#include "infra/Totp.h"
#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Email.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

// An Argon2id hash of a random password, made once per parameter set: verifying a password
// against it for an unknown email costs what verifying a real account's password costs.
const std::string& standInHash(const infra::PasswordHasher& hasher) {
    static std::mutex mutex;
    static std::map<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>, std::string> hashes;
    const auto& p = hasher.params();
    const auto key = std::make_tuple(p.memoryKiB, p.iterations, p.parallelism);
    std::lock_guard<std::mutex> lock(mutex);
    auto it = hashes.find(key);
    if (it == hashes.end()) it = hashes.emplace(key, hasher.hash(infra::random::token(16))).first;
    return it->second;
}

Error invalidCredentials() {
    return Error::unauthorized("invalid_credentials", "The email address or password is not right.");
}

Error wrongCode(std::string_view field, const std::string& message) {
    Error e = Error::unauthorized("invalid_code", message);
    e.fields.push_back({std::string(field), "code_wrong", message});
    return e;
}

Error codeAlreadyUsed() {
    const std::string message =
        "That code has already been used. Wait for your authenticator app to show a new code and enter that.";
    Error e = Error::unauthorized("code_already_used", message);
    e.fields.push_back({std::string(field::kCode), "code_already_used", message});
    return e;
}

// Wrong guesses count toward the throttle; other refusals (expired code, ...) do not.
bool isWrongGuess(const Error& e) { return e.code == "invalid_code" || e.code == "code_already_used"; }

// The code store speaks of asking for a new code; at sign-in that means signing in again.
Error emailCodeRefused(const Error& e) {
    if (e.code == "code_wrong") return wrongCode(field::kCode, e.message);
    Error out = e;
    out.message = "That code can no longer be used. Sign in again with your password to get a new one.";
    out.fields = {{std::string(field::kCode), e.code, out.message}};
    return out;
}

// Sends a fresh code unless one went out moments ago (that one is still good). Sent inside
// the caller's transaction: if the mail cannot go out, no unsent code is left waiting.
Status sendCode(Context& ctx, Poco::Data::Session& s, const Account& account, CodePurpose purpose) {
    const CodePolicy policy;
    auto code = ctx.codes.issue(s, account.id, purpose, account.email, policy);
    if (!code) return code.error().kind == ErrorKind::TooManyRequests ? Status{} : Status{code.error()};
    if (purpose == CodePurpose::EmailVerification) {
        const std::string name = account.preferredName.empty() ? account.name : account.preferredName;
        return ctx.mailer.send(
            renderAccountMail(ctx, AccountMail::VerificationCode, account.language, account.email, {name, *code, ""}));
    }
    return ctx.mailer.send(codeMail(ctx.settings, account, purpose, *code, policy.lifetimeSeconds / 60));
}

// Authenticator apps show codes as "123 456"; people type them either way.
std::string withoutSeparators(std::string_view code) {
    std::string out;
    for (char c : code)
        if (c != ' ' && c != '-') out.push_back(c);
    return out;
}

// Records `step` as the account's last used TOTP step unless it (or a later one) already is.
// The WHERE clause makes the check and the write one atomic step: of two requests racing
// with the same code, exactly one changes the row. The version bump makes any stale
// AccountStore::update fail instead of writing an older last step back.
bool claimTotpStep(Context& ctx, Poco::Data::Session& s, const std::string& accountId, std::int64_t step) {
    Poco::Int64 claimed = step, at = ctx.clock.now();
    std::string id = accountId;
    Poco::Data::Statement up(s);
    up << ctx.db.sql("UPDATE accounts SET totp_last_step = ?, updated_at = ?, version = version + 1 "
                     "WHERE id = ? AND totp_last_step < ?"),
        use(claimed), use(at), use(id), use(claimed);
    return up.execute() == 1;
}

Poco::Logger& logger() { return Poco::Logger::get("tessera.auth"); }

}  // namespace

Status SignInService::refuseIfThrottled(const std::vector<std::string>& subjects) {
    retryAfter_ = LoginThrottle(ctx_).retryAfterSeconds(subjects);
    if (retryAfter_ <= 0) return {};
    return LoginThrottle::refusal(retryAfter_);
}

void SignInService::auditFailure(const std::string& accountId, const std::string& clientAddress,
                                 const std::string& reason) {
    AuditEvent e;
    e.event = "signin.failed";
    e.subject = accountId;
    e.clientAddress = clientAddress;
    e.details = {{"reason", reason}};
    if (auto audited = ctx_.audit.append(e); !audited)
        logger().error("could not audit a failed sign-in: " + audited.error().message);
}

Result<SignInProgress> SignInService::withPassword(const PasswordSignIn& attempt) {
    retryAfter_ = 0;
    // Input that is not an email address cannot belong to an account; it gets the same
    // answer (and the same throttle) as any unknown address.
    auto normalised = validate::email(attempt.email);
    const std::string email = normalised ? *normalised : attempt.email;
    const std::vector<std::string> subjects{LoginThrottle::emailSubject(email),
                                            LoginThrottle::addressSubject(attempt.clientAddress)};
    if (auto allowed = refuseIfThrottled(subjects); !allowed) return allowed.error();

    std::optional<Account> account;
    if (normalised) account = ctx_.accounts.findByEmail(email);
    bool passwordOk = false;
    if (account) {
        passwordOk = ctx_.passwords.verify(account->passwordHash, attempt.password);
    } else {
        (void)ctx_.passwords.verify(standInHash(ctx_.passwords), attempt.password);  // same work, always false
    }
    if (!passwordOk) {
        if (auto counted = LoginThrottle(ctx_).recordFailure(subjects); !counted) return counted.error();
        auditFailure(account ? account->id : std::string(), attempt.clientAddress,
                     account ? "wrong_password" : "unknown_email");
        return invalidCredentials();
    }
    if (account->status == AccountStatus::Disabled) {
        auditFailure(account->id, attempt.clientAddress, "account_disabled");
        return Error::forbidden("account_disabled", "This account is disabled; contact support.");
    }

    // Hashed before the transaction: Argon2 is slow and must not hold the database's write lock.
    const std::string newHash =
        ctx_.passwords.needsRehash(account->passwordHash) ? ctx_.passwords.hash(attempt.password) : std::string();
    auto progress = startSession(*account, attempt, newHash);
    if (progress && progress->next != "second_factor") {
        // Without a second factor to give, the password was the whole sign-in.
        if (auto reset = LoginThrottle(ctx_).recordSuccess({subjects[0], LoginThrottle::accountSubject(account->id)});
            !reset)
            logger().warning("could not reset sign-in throttle counters: " + reset.error().message);
    }
    return progress;
}

Result<SignInProgress> SignInService::startSession(Account& account, const PasswordSignIn& attempt,
                                                   const std::string& newPasswordHash) {
    return ctx_.db.transaction<SignInProgress>([&](Poco::Data::Session& s) -> Result<SignInProgress> {
        if (!newPasswordHash.empty()) {
            Account rehashed = account;
            rehashed.passwordHash = newPasswordHash;
            // If another request changed the account meanwhile, the re-hash waits for the next sign-in.
            if (ctx_.accounts.update(s, rehashed, ctx_.clock.now())) account = rehashed;
        }

        SignInProgress p;
        SessionStage stage = SessionStage::PendingSecondFactor;
        if (!account.emailVerified || account.status == AccountStatus::PendingEmail) {
            stage = SessionStage::PendingEmail;
            p.next = "verify_email";
            if (auto sent = sendCode(ctx_, s, account, CodePurpose::EmailVerification); !sent) return sent.error();
        } else if (account.status != AccountStatus::Active || account.secondFactor == SecondFactorMethod::None) {
            stage = SessionStage::PendingSecondFactorSetup;
            p.next = "second_factor_setup";
            p.methods = {"totp", "email"};
        } else {
            p.next = "second_factor";
            p.methods = {toString(account.secondFactor), "recovery_code"};
            if (account.secondFactor == SecondFactorMethod::Email) {
                if (auto sent = sendCode(ctx_, s, account, CodePurpose::SignInEmail); !sent) return sent.error();
            }
        }
        auto session = ctx_.sessions.create(s, account.id, stage, attempt.clientAddress, attempt.userAgent);
        if (!session) return session.error();
        p.session = std::move(*session);

        AuditEvent e;
        e.event = "signin.password_ok";
        e.actor = e.subject = account.id;
        e.clientAddress = attempt.clientAddress;
        e.details = {{"session", p.session.session.publicId}, {"next", p.next}};
        if (auto audited = ctx_.audit.append(s, e); !audited) return audited.error();
        return p;
    });
}

Result<NewSession> SignInService::withSecondFactor(const Caller& caller, const SecondFactorProof& proof) {
    retryAfter_ = 0;
    if (caller.session.stage != SessionStage::PendingSecondFactor)
        return Error::conflict("wrong_stage", "Sign in with your email address and password first.");
    auto account = ctx_.accounts.findById(caller.session.accountId);
    if (!account) return Error::unauthorized("sign_in_required", "Your session has ended; sign in again.");
    if (account->status == AccountStatus::Disabled)  // disabled since the password step
        return Error::forbidden("account_disabled", "This account is disabled; contact support.");
    const std::vector<std::string> subjects{LoginThrottle::accountSubject(account->id),
                                            LoginThrottle::emailSubject(account->email),
                                            LoginThrottle::addressSubject(caller.clientAddress)};
    if (auto allowed = refuseIfThrottled(subjects); !allowed) return allowed.error();

    auto signedIn = verifyAndSignIn(caller, *account, proof);
    if (!signedIn) {
        if (isWrongGuess(signedIn.error())) {
            if (auto counted = LoginThrottle(ctx_).recordFailure(subjects); !counted) return counted.error();
            auditFailure(account->id, caller.clientAddress, signedIn.error().code);
        }
        return signedIn;
    }
    if (auto reset = LoginThrottle(ctx_).recordSuccess({subjects[0], subjects[1]}); !reset)
        logger().warning("could not reset sign-in throttle counters: " + reset.error().message);
    return signedIn;
}

Result<NewSession> SignInService::verifyAndSignIn(const Caller& caller, const Account& account,
                                                  const SecondFactorProof& proof) {
    // Advances the session (new token) and audits, inside the transaction that spent the proof.
    auto signIn = [&](Poco::Data::Session& s, const std::string& amr,
                      std::map<std::string, std::string> details) -> Result<NewSession> {
        auto advanced = ctx_.sessions.advance(s, caller.token, SessionStage::Authenticated, amr);
        if (!advanced) return advanced.error();
        AuditEvent e;
        e.event = "signin.succeeded";
        e.actor = e.subject = account.id;
        e.clientAddress = caller.clientAddress;
        details["session"] = advanced->session.publicId;
        e.details = std::move(details);
        if (auto audited = ctx_.audit.append(s, e); !audited) return audited.error();
        return advanced;
    };

    if (!proof.recoveryCode.empty()) {
        return ctx_.db.transaction<NewSession>([&](Poco::Data::Session& s) -> Result<NewSession> {
            RecoveryCodes codes(ctx_);
            if (!codes.consume(s, account.id, proof.recoveryCode))
                return wrongCode(field::kRecoveryCode, "That recovery code is not right, or it has already been used.");
            return signIn(s, "pwd rec",
                          {{"method", "recovery_code"}, {"recoveryCodesLeft", std::to_string(codes.remaining(s, account.id))}});
        });
    }

    switch (account.secondFactor) {
        case SecondFactorMethod::Totp: {
            auto secret = openTotpSecret(ctx_.dataKey, account.id, account.totpSecret);
            if (!secret) return secret.error();
            auto step = infra::totp::matchStep(*secret, withoutSeparators(proof.code), ctx_.clock.now(), 1);
            if (!step)
                return wrongCode(field::kCode,
                                 "That code is not right. Enter the 6-digit code your authenticator app shows now.");
            if (*step <= account.totpLastStep) return codeAlreadyUsed();
            return ctx_.db.transaction<NewSession>([&](Poco::Data::Session& s) -> Result<NewSession> {
                if (!claimTotpStep(ctx_, s, account.id, *step)) return codeAlreadyUsed();
                return signIn(s, "pwd otp", {{"method", "totp"}});
            });
        }
        case SecondFactorMethod::Email: {
            auto code = normaliseCode(proof.code);
            if (!code) return code.error();  // not six digits: a typing slip, not a guess
            // Its own transaction: a wrong code is counted against the code even though we refuse.
            auto consumed = ctx_.codes.consume(account.id, CodePurpose::SignInEmail, *code);
            if (!consumed) return emailCodeRefused(consumed.error());
            return ctx_.db.transaction<NewSession>(
                [&](Poco::Data::Session& s) -> Result<NewSession> { return signIn(s, "pwd email", {{"method", "email"}}); });
        }
        case SecondFactorMethod::None: break;
    }
    return Error::conflict("second_factor_not_set_up", "Set up two-factor sign-in before signing in.");
}

}  // namespace tessera::core
