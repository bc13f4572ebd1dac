#pragma once
// Changing the account's email: the new address must prove itself with a code before it
// replaces the old one, and the old address is told at each step, so a stolen session
// cannot quietly take the account over.
#include <string>

#include "core/Context.h"
#include "core/accounts/Account.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class EmailChangeService {
public:
    explicit EmailChangeService(Context& ctx) : ctx_(ctx) {}

    // Stores the new address as pending, emails it a code and notifies the old address.
    // Returns the normalised pending address. Field errors on "email" (the shared rules,
    // same_as_current); TooManyRequests resend_throttled (nothing changes).
    Result<std::string> request(const std::string& accountId, const std::string& newEmail,
                                const std::string& clientAddress);
    // Switches to the pending address when the code matches. Field "code" errors, Gone
    // code_expired / code_used / code_used_up, Conflict no_email_change, Conflict email_taken
    // (the address got an account meanwhile).
    Result<Account> confirm(const std::string& accountId, const std::string& code, const std::string& clientAddress);

private:
    Context& ctx_;
};

}  // namespace tessera::core
