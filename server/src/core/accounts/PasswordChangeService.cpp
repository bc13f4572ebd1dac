#include "core/accounts/PasswordChangeService.h"

#include "core/accounts/AccountMail.h"
#include "core/accounts/FieldErrorList.h"
#include "core/accounts/PasswordRules.h"
#include "core/auth/LoginThrottle.h"
#include "tessera/shared/ApiFields.h"

namespace tessera::core {

namespace {

Error accountGone() { return Error::unauthorized("sign_in_required", "Your session has ended; sign in again."); }

}  // namespace

Status PasswordChangeService::change(const std::string& accountId, const std::string& currentSessionPublicId,
                                     const std::string& currentPassword, const std::string& newPassword,
                                     const std::string& clientAddress) {
    auto account = ctx_.accounts.findById(accountId);
    if (!account) return accountGone();

    // Guesses at the current password count like failed sign-ins, so a borrowed session
    // cannot be used to find the password by trying.
    LoginThrottle throttle(ctx_);
    const std::vector<std::string> subjects{LoginThrottle::accountSubject(accountId),
                                            LoginThrottle::addressSubject(clientAddress)};
    if (auto allowed = throttle.check(subjects); !allowed) return allowed;

    FieldErrorList errors;
    if (currentPassword.empty()) {
        errors.add(std::string(field::kCurrentPassword), "required", "Enter your current password.");
    } else if (!ctx_.passwords.verify(account->passwordHash, currentPassword)) {
        errors.add(std::string(field::kCurrentPassword), "incorrect", "That is not your current password.");
        if (auto counted = throttle.recordFailure(subjects); !counted) return counted;
    }
    errors.take(checkNewPassword(ctx_, newPassword, account->email, field::kNewPassword));
    if (auto valid = errors.status(); !valid) return valid;

    const std::string newHash = ctx_.passwords.hash(newPassword);
    auto changed = ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        auto current = ctx_.accounts.findById(s, accountId);
        if (!current) return accountGone();
        current->passwordHash = newHash;
        if (auto updated = ctx_.accounts.update(s, *current, ctx_.clock.now()); !updated) return updated;
        auto ended = ctx_.sessions.endAll(s, accountId, currentSessionPublicId);
        if (!ended) return ended.error();
        return ctx_.audit.append(s, {"password.changed", accountId, accountId, clientAddress,
                                     {{"sessionsEnded", std::to_string(*ended)}}});
    });
    if (!changed) return changed;
    (void)sendAccountMail(ctx_, AccountMail::PasswordChanged, account->language, account->email,
                          {account->name, "", ""});
    return {};
}

}  // namespace tessera::core
