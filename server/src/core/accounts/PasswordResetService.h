#pragma once
// A forgotten password: a code (and a link for the portal) emailed to the account's address,
// then a new password with that code. Every answer reads the same whether or not the email
// has an account; a reset ends every session of the account.
#include <string>

#include "core/Context.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class PasswordResetService {
public:
    explicit PasswordResetService(Context& ctx) : ctx_(ctx) {}

    // Emails a code when the address has an account. Succeeds alike when it has none and
    // when a code was sent too recently (nothing is sent then). Only a malformed email is
    // refused (field error "email").
    Status request(const std::string& email, const std::string& clientAddress);
    // Field errors (all at once) on email, code and password; then one answer for every
    // refused code and for an unknown email (field "code", code_invalid). Nothing changes
    // on a refusal. Audited as "password.reset".
    Status confirm(const std::string& email, const std::string& code, const std::string& password,
                   const std::string& clientAddress);

    // The portal page that takes the code: PUBLIC_URL/reset-password?email=...
    std::string resetLink(const std::string& email) const;

private:
    Context& ctx_;
};

}  // namespace tessera::core
