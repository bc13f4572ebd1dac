#include "core/auth/SecondFactorService.h"

#include "core/accounts/EmailCode.h"
#include "core/auth/CodeMail.h"
#include "core/auth/RecoveryCodes.h"
#include "core/auth/TotpSecrets.h"
#include "infra/Encoding.h"
#include "infra/QrSvg.h"
#include "infra/Totp.h"

namespace tessera::core {

namespace {

// Authenticator apps show codes as "123 456"; people type them either way.
std::string withoutSeparators(std::string_view code) {
    std::string out;
    for (char c : code)
        if (c != ' ' && c != '-') out.push_back(c);
    return out;
}

std::string amrFor(SecondFactorMethod method) { return method == SecondFactorMethod::Totp ? "pwd otp" : "pwd email"; }

}  // namespace

Result<Account> SecondFactorService::enrollableAccount(Poco::Data::Session& s, const Caller& caller) {
    auto account = ctx_.accounts.findById(s, caller.session.accountId);
    if (!account) return Error::unauthorized("sign_in_required", "Your account no longer exists; sign in again.");
    if (account->status == AccountStatus::Disabled)
        return Error::forbidden("account_disabled", "This account is disabled; contact support.");
    if (!account->emailVerified)
        return Error::conflict("email_not_verified", "Verify your email address before setting up two-factor sign-in.");
    return std::move(*account);
}

Result<TotpEnrolment> SecondFactorService::startTotp(const Caller& caller) {
    return ctx_.db.transaction<TotpEnrolment>([&](Poco::Data::Session& s) -> Result<TotpEnrolment> {
        auto account = enrollableAccount(s, caller);
        if (!account) return account.error();
        const std::string secret = infra::totp::generateSecret();
        account->totpPendingSecret = sealTotpSecret(ctx_.dataKey, account->id, secret);
        if (auto updated = ctx_.accounts.update(s, *account, ctx_.clock.now()); !updated) return updated.error();

        TotpEnrolment e;
        e.secret = infra::encoding::base32(secret);
        e.otpauthUri = infra::totp::otpauthUri(ctx_.settings.organisationName, account->email, e.secret);
        auto qr = infra::qrSvg(e.otpauthUri, "QR code to add " + ctx_.settings.organisationName +
                                                 " to your authenticator app");
        if (!qr) return qr.error();
        e.qrSvg = std::move(*qr);
        return e;
    });
}

Result<SecondFactorEnrolled> SecondFactorService::confirmTotp(const Caller& caller, const std::string& code) {
    return ctx_.db.transaction<SecondFactorEnrolled>([&](Poco::Data::Session& s) -> Result<SecondFactorEnrolled> {
        auto account = enrollableAccount(s, caller);
        if (!account) return account.error();
        if (account->totpPendingSecret.empty())
            return Error::conflict("totp_not_started", "Start setting up an authenticator app first.");
        auto secret = openTotpSecret(ctx_.dataKey, account->id, account->totpPendingSecret);
        if (!secret) return secret.error();
        auto step = infra::totp::matchStep(*secret, withoutSeparators(code), ctx_.clock.now(), 1);
        if (!step)
            return Error::field("code", "code_wrong",
                                "That code is not right. Enter the 6-digit code your authenticator app shows now.");
        account->totpSecret = account->totpPendingSecret;
        account->totpPendingSecret.clear();
        // The secret is new, so no earlier step can be in use; this code must not sign in later.
        account->totpLastStep = *step;
        return finishEnrolment(s, caller, *account, SecondFactorMethod::Totp);
    });
}

Status SecondFactorService::startEmail(const Caller& caller) {
    return ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        auto account = enrollableAccount(s, caller);
        if (!account) return account.error();
        const CodePolicy policy;
        auto code = ctx_.codes.issue(s, account->id, CodePurpose::SecondFactorSetupEmail, account->email, policy);
        if (!code) return code.error();
        // Sent inside the transaction: if the mail cannot go out, no code is left waiting
        // (and the resend throttle is not spent on a message that never left).
        return ctx_.mailer.send(
            codeMail(ctx_.settings, *account, CodePurpose::SecondFactorSetupEmail, *code, policy.lifetimeSeconds / 60));
    });
}

Result<SecondFactorEnrolled> SecondFactorService::confirmEmail(const Caller& caller, const std::string& code) {
    auto normalised = normaliseCode(code);
    if (!normalised) return normalised.error();
    // Outside the transaction below: a wrong attempt is counted even though we answer an error.
    auto sentTo = ctx_.codes.consume(caller.session.accountId, CodePurpose::SecondFactorSetupEmail, *normalised);
    if (!sentTo) return codeRefused(sentTo.error().code);
    return ctx_.db.transaction<SecondFactorEnrolled>([&](Poco::Data::Session& s) -> Result<SecondFactorEnrolled> {
        auto account = enrollableAccount(s, caller);
        if (!account) return account.error();
        if (*sentTo != account->email)
            return Error::conflict("email_changed",
                                   "Your email address changed after the code was sent; ask for a new code.");
        return finishEnrolment(s, caller, *account, SecondFactorMethod::Email);
    });
}

Result<SecondFactorEnrolled> SecondFactorService::finishEnrolment(Poco::Data::Session& s, const Caller& caller,
                                                                  Account& account, SecondFactorMethod method) {
    account.secondFactor = method;
    if (method == SecondFactorMethod::Email) {
        // Switching away from an app: its secret must not keep working as a second way in.
        account.totpSecret.clear();
        account.totpPendingSecret.clear();
    }
    if (account.status == AccountStatus::PendingSecondFactor) account.status = AccountStatus::Active;
    if (auto updated = ctx_.accounts.update(s, account, ctx_.clock.now()); !updated) return updated.error();

    SecondFactorEnrolled out;
    out.recoveryCodes = RecoveryCodes(ctx_).replace(s, account.id);
    if (caller.session.stage == SessionStage::PendingSecondFactorSetup) {
        auto signedIn = ctx_.sessions.advance(s, caller.token, SessionStage::Authenticated, amrFor(method));
        if (!signedIn) return signedIn.error();
        out.signedIn = std::move(*signedIn);
    }
    AuditEvent e;
    e.event = method == SecondFactorMethod::Totp ? "2fa.totp_enrolled" : "2fa.email_enrolled";
    e.actor = e.subject = account.id;
    e.clientAddress = caller.clientAddress;
    e.details = {{"session", caller.session.publicId}};
    if (auto audited = ctx_.audit.append(s, e); !audited) return audited.error();
    return out;
}

Result<std::vector<std::string>> SecondFactorService::regenerateRecoveryCodes(const Caller& caller) {
    using Codes = std::vector<std::string>;
    return ctx_.db.transaction<Codes>([&](Poco::Data::Session& s) -> Result<Codes> {
        auto account = ctx_.accounts.findById(s, caller.session.accountId);
        if (!account) return Error::unauthorized("sign_in_required", "Your account no longer exists; sign in again.");
        if (account->secondFactor == SecondFactorMethod::None)
            return Error::conflict("second_factor_not_set_up", "Set up two-factor sign-in first.");
        Codes codes = RecoveryCodes(ctx_).replace(s, account->id);
        AuditEvent e;
        e.event = "2fa.recovery_codes_regenerated";
        e.actor = e.subject = account->id;
        e.clientAddress = caller.clientAddress;
        e.details = {{"session", caller.session.publicId}};
        if (auto audited = ctx_.audit.append(s, e); !audited) return audited.error();
        return codes;
    });
}

}  // namespace tessera::core
