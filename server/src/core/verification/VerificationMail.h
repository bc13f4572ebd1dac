#pragma once
// The email a citizen gets when a reviewer decides their verification application: approved
// (with the level it gives) or rejected (with the reason and the reviewer's message). In the
// account's language (en, fr, gd; English otherwise). The review workflow calls
// notifyDecision after the decision has committed; a mail failure is logged, never undoes it.
#include "core/Context.h"
#include "core/verification/VerificationApplication.h"
#include "infra/mail/MailMessage.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

// Sends the mail for an Approved or Rejected application (other states: nothing is sent, ok).
// NotFound "account_not_found" when the account is gone.
Status notifyDecision(Context& ctx, const VerificationApplication& application);

// The message itself, for tests and previews.
infra::MailMessage renderDecisionMail(const Context& ctx, const VerificationApplication& application,
                                      const Account& account);

}  // namespace tessera::core
