#pragma once
// Proving the registration email: the 6-digit code we sent (10-minute lifetime, 5 tries,
// single use), and sending a new one (throttled). Success moves the account to
// PendingSecondFactor and the session to PendingSecondFactorSetup with a new token.
#include <string>

#include "core/Context.h"
#include "core/accounts/Account.h"
#include "core/sessions/SessionStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct VerifiedEmail {
    Account account;
    NewSession session;  // the advanced session: the caller sets its new cookie
};

class EmailVerificationService {
public:
    explicit EmailVerificationService(Context& ctx) : ctx_(ctx) {}

    // sessionToken: the pending session's cookie value. Errors: field "code" (required,
    // invalid_format, code_wrong), Gone code_expired / code_used / code_used_up, Conflict
    // email_already_verified.
    Result<VerifiedEmail> verify(const std::string& sessionToken, const std::string& accountId,
                                 const std::string& code, const std::string& clientAddress);
    // Sends a new code, replacing the old one. TooManyRequests resend_throttled.
    Status resend(const std::string& accountId);

    // The same two steps for a decoy session (DecoySession.h): always refused exactly as a
    // real pending account refuses a wrong or expired code; resend sends nothing.
    Error verifyDecoy(const Session& decoy, const std::string& code);
    Status resendDecoy(const Session& decoy);

private:
    Context& ctx_;
};

}  // namespace tessera::core
