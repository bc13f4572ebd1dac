#pragma once
// The emails of the account lifecycle, in the account's language (en, fr, gd; English for
// anything else). Codes appear once in the text; nothing here is ever logged.
#include <string>

#include "core/Context.h"
#include "infra/mail/MailMessage.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

enum class AccountMail {
    VerificationCode,     // a code to verify the address given at registration
    RegistrationAttempt,  // to an address that already has an account: someone tried to register it
    EmailChangeCode,      // a code to confirm a new address (sent to the new address)
    EmailChangeRequested, // notice to the old address that a change was asked for
    EmailChanged,         // notice to the old address that the change happened
    PasswordResetCode,    // a code (and a link) to reset a forgotten password
    PasswordChanged       // notice that the password was changed or reset
};

struct AccountMailValues {
    std::string name;  // greeting; empty for "Hello,"
    std::string code;  // for the *Code mails
    std::string link;  // where to act; the public URL when empty
};

// The message, ready to send.
infra::MailMessage renderAccountMail(const Context& ctx, AccountMail which, const std::string& language,
                                     const std::string& to, const AccountMailValues& values);
// Renders and sends. A failure is logged (the template and the mailer's error, never the
// code) and returned; callers whose data change has already committed carry on.
Status sendAccountMail(Context& ctx, AccountMail which, const std::string& language, const std::string& to,
                       const AccountMailValues& values);

}  // namespace tessera::core
