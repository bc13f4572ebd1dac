#include "core/accounts/PasswordResetService.h"

#include <Poco/URI.h>

#include "core/accounts/AccountMail.h"
#include "core/accounts/EmailCode.h"
#include "core/accounts/FieldErrorList.h"
#include "core/accounts/PasswordRules.h"
#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Email.h"

namespace tessera::core {

std::string PasswordResetService::resetLink(const std::string& email) const {
    std::string encoded;
    Poco::URI::encode(email, "!#$&'()*+,/:;=?@[]%", encoded);
    return ctx_.settings.publicUrl + "/reset-password?email=" + encoded;
}

Status PasswordResetService::request(const std::string& email, const std::string& clientAddress) {
    auto address = validate::email(email);
    if (!address) return address.error();
    auto account = ctx_.accounts.findByEmail(*address);
    if (!account || account->status == AccountStatus::Disabled) return {};

    auto code = ctx_.db.transaction<std::string>([&](Poco::Data::Session& s) -> Result<std::string> {
        auto issued = ctx_.codes.issue(s, account->id, CodePurpose::PasswordReset, account->email);
        if (!issued) return issued.error();
        auto audited = ctx_.audit.append(s, {"password.reset_requested", "", account->id, clientAddress, {}});
        if (!audited) return audited.error();
        return issued;
    });
    // Throttled or failed: the answer stays the same, so it cannot tell that the account exists.
    if (!code) return {};
    (void)sendAccountMail(ctx_, AccountMail::PasswordResetCode, account->language, account->email,
                          {account->name, *code, resetLink(account->email)});
    return {};
}

Status PasswordResetService::confirm(const std::string& email, const std::string& code, const std::string& password,
                                     const std::string& clientAddress) {
    FieldErrorList errors;
    auto address = errors.take(validate::email(email));
    auto typed = errors.take(normaliseCode(code));
    errors.take(checkNewPassword(ctx_, password, address.value_or(email), field::kPassword));
    if (auto valid = errors.status(); !valid) return valid;

    auto account = ctx_.accounts.findByEmail(*address);
    if (!account || account->status == AccountStatus::Disabled) return resetCodeRefused();
    auto target = ctx_.codes.consume(account->id, CodePurpose::PasswordReset, *typed);
    if (!target || *target != account->email) return resetCodeRefused();

    const std::string newHash = ctx_.passwords.hash(password);
    auto reset = ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        auto current = ctx_.accounts.findById(s, account->id);
        if (!current) return resetCodeRefused();
        current->passwordHash = newHash;
        if (auto updated = ctx_.accounts.update(s, *current, ctx_.clock.now()); !updated) return updated;
        auto ended = ctx_.sessions.endAll(s, account->id, "");
        if (!ended) return ended.error();
        return ctx_.audit.append(s, {"password.reset", account->id, account->id, clientAddress,
                                     {{"sessionsEnded", std::to_string(*ended)}}});
    });
    if (!reset) return reset;
    (void)sendAccountMail(ctx_, AccountMail::PasswordChanged, account->language, account->email,
                          {account->name, "", ""});
    return {};
}

}  // namespace tessera::core
