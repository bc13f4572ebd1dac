#pragma once
// The emails that carry a one-time code for the second factor: at sign-in and when choosing
// email codes at set-up. The code is in the body only (never the subject, which mail clients
// show in notifications and lists). English only for now: core/accounts/AccountMail.h has the
// translated account mails, whose list of kinds belongs to the accounts capability.
#include <cstdint>
#include <string>

#include "core/accounts/Account.h"
#include "core/codes/OneTimeCodeStore.h"
#include "infra/Settings.h"
#include "infra/mail/MailMessage.h"

namespace tessera::core {

// purpose: SignInEmail or SecondFactorSetupEmail.
infra::MailMessage codeMail(const infra::Settings& settings, const Account& to, CodePurpose purpose,
                            const std::string& code, std::int64_t lifetimeMinutes);

}  // namespace tessera::core
