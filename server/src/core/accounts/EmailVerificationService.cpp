#include "core/accounts/EmailVerificationService.h"

#include "core/accounts/AccountMail.h"
#include "core/accounts/EmailCode.h"

namespace tessera::core {

namespace {

Error alreadyVerified() {
    return Error::conflict("email_already_verified", "This email address is already verified.");
}

Error accountGone() { return Error::unauthorized("sign_in_required", "Your session has ended; sign in again."); }

}  // namespace

Result<VerifiedEmail> EmailVerificationService::verify(const std::string& sessionToken, const std::string& accountId,
                                                       const std::string& code, const std::string& clientAddress) {
    auto typed = normaliseCode(code);
    if (!typed) return typed.error();
    auto account = ctx_.accounts.findById(accountId);
    if (!account) return accountGone();
    if (account->emailVerified || account->status != AccountStatus::PendingEmail) return alreadyVerified();

    // Outside the transaction below: a wrong try must count even though nothing else changes.
    auto target = ctx_.codes.consume(accountId, CodePurpose::EmailVerification, *typed);
    if (!target) return codeRefused(target.error().code);
    if (*target != account->email) return codeRefused("code_wrong");

    return ctx_.db.transaction<VerifiedEmail>([&](Poco::Data::Session& s) -> Result<VerifiedEmail> {
        auto current = ctx_.accounts.findById(s, accountId);
        if (!current) return accountGone();
        if (current->emailVerified) return alreadyVerified();
        current->emailVerified = true;
        current->status = AccountStatus::PendingSecondFactor;
        if (auto updated = ctx_.accounts.update(s, *current, ctx_.clock.now()); !updated) return updated.error();
        auto session = ctx_.sessions.advance(s, sessionToken, SessionStage::PendingSecondFactorSetup, "");
        if (!session) return session.error();
        auto audited = ctx_.audit.append(s, {"account.email_verified", accountId, accountId, clientAddress, {}});
        if (!audited) return audited.error();
        return VerifiedEmail{std::move(*current), std::move(*session)};
    });
}

Status EmailVerificationService::resend(const std::string& accountId) {
    auto account = ctx_.accounts.findById(accountId);
    if (!account) return accountGone();
    if (account->emailVerified || account->status != AccountStatus::PendingEmail) return alreadyVerified();
    auto code = ctx_.db.transaction<std::string>([&](Poco::Data::Session& s) -> Result<std::string> {
        return ctx_.codes.issue(s, accountId, CodePurpose::EmailVerification, account->email);
    });
    if (!code) return code.error().kind == ErrorKind::TooManyRequests ? codeResendThrottled() : code.error();
    return sendAccountMail(ctx_, AccountMail::VerificationCode, account->language, account->email,
                           {account->name, *code, ""});
}

Error EmailVerificationService::verifyDecoy(const Session& decoy, const std::string& code) {
    auto typed = normaliseCode(code);
    if (!typed) return typed.error();
    // The decoy's code was "sent" when the decoy was made, and lives as long as a real one.
    if (ctx_.clock.now() >= decoy.createdAt + CodePolicy{}.lifetimeSeconds) return codeRefused("code_expired");
    return codeRefused("code_wrong");
}

Status EmailVerificationService::resendDecoy(const Session& decoy) {
    if (ctx_.clock.now() - decoy.createdAt < CodePolicy{}.resendIntervalSeconds) return codeResendThrottled();
    return {};
}

}  // namespace tessera::core
