#include "core/accounts/EmailChangeService.h"

#include "core/accounts/AccountMail.h"
#include "core/accounts/EmailCode.h"
#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Email.h"

namespace tessera::core {

namespace {

Error accountGone() { return Error::unauthorized("sign_in_required", "Your session has ended; sign in again."); }

Error noChangeWaiting() {
    return Error::conflict("no_email_change", "No change of email is waiting; ask for one first.");
}

}  // namespace

Result<std::string> EmailChangeService::request(const std::string& accountId, const std::string& newEmail,
                                                const std::string& clientAddress) {
    auto email = validate::email(newEmail);
    if (!email) return email.error();
    struct Requested {
        Account account;
        std::string code;
    };
    auto requested = ctx_.db.transaction<Requested>([&](Poco::Data::Session& s) -> Result<Requested> {
        auto account = ctx_.accounts.findById(s, accountId);
        if (!account) return accountGone();
        if (*email == account->email)
            return Error::field(std::string(field::kEmail), "same_as_current", "This is already your email address.");
        // Whether another account holds the address is only checked at confirmation, by
        // someone who proved they read its mail: asking must not reveal it.
        account->pendingEmail = *email;
        if (auto updated = ctx_.accounts.update(s, *account, ctx_.clock.now()); !updated) return updated.error();
        auto code = ctx_.codes.issue(s, accountId, CodePurpose::EmailChange, *email);
        if (!code) return code.error().kind == ErrorKind::TooManyRequests ? codeResendThrottled() : code.error();
        auto audited = ctx_.audit.append(s, {"email.change_requested", accountId, accountId, clientAddress, {}});
        if (!audited) return audited.error();
        return Requested{std::move(*account), std::move(*code)};
    });
    if (!requested) return requested.error();

    const Account& account = requested->account;
    // No name in the mail to the new address: it may belong to someone else (a typo).
    auto sent = sendAccountMail(ctx_, AccountMail::EmailChangeCode, account.language, *email, {"", requested->code, ""});
    (void)sendAccountMail(ctx_, AccountMail::EmailChangeRequested, account.language, account.email,
                          {account.name, "", ""});
    if (!sent) return sent.error();
    return *email;
}

Result<Account> EmailChangeService::confirm(const std::string& accountId, const std::string& code,
                                            const std::string& clientAddress) {
    auto typed = normaliseCode(code);
    if (!typed) return typed.error();
    auto account = ctx_.accounts.findById(accountId);
    if (!account) return accountGone();
    if (account->pendingEmail.empty()) return noChangeWaiting();

    auto target = ctx_.codes.consume(accountId, CodePurpose::EmailChange, *typed);
    if (!target) return codeRefused(target.error().code);

    const std::string oldEmail = account->email;
    auto changed = ctx_.db.transaction<Account>([&](Poco::Data::Session& s) -> Result<Account> {
        auto current = ctx_.accounts.findById(s, accountId);
        if (!current) return accountGone();
        if (current->pendingEmail != *target) return noChangeWaiting();
        current->email = *target;
        current->pendingEmail.clear();
        current->emailVerified = true;
        if (auto updated = ctx_.accounts.update(s, *current, ctx_.clock.now()); !updated) return updated.error();
        auto audited = ctx_.audit.append(s, {"email.changed", accountId, accountId, clientAddress, {}});
        if (!audited) return audited.error();
        return std::move(*current);
    });
    if (!changed) {
        // On PostgreSQL a concurrent claim of the address surfaces as a unique-index exception.
        if (changed.error().kind == ErrorKind::Internal) {
            if (auto holder = ctx_.accounts.findByEmail(*target); holder && holder->id != accountId)
                return Error::conflict("email_taken", "That email address is already in use.");
        }
        return changed.error();
    }
    (void)sendAccountMail(ctx_, AccountMail::EmailChanged, changed->language, oldEmail, {changed->name, "", ""});
    return changed;
}

}  // namespace tessera::core
