#pragma once
// A signed-in citizen changing their password: proves the current one, and every other
// session of the account ends (the one making the change stays signed in).
#include <string>

#include "core/Context.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class PasswordChangeService {
public:
    explicit PasswordChangeService(Context& ctx) : ctx_(ctx) {}

    // Field errors (all at once): currentPassword (required, incorrect), newPassword (the
    // rules of PasswordRules.h); TooManyRequests too_many_attempts after repeated wrong
    // current passwords (core/auth/LoginThrottle.h). Audited as "password.changed".
    Status change(const std::string& accountId, const std::string& currentSessionPublicId,
                  const std::string& currentPassword, const std::string& newPassword,
                  const std::string& clientAddress);

private:
    Context& ctx_;
};

}  // namespace tessera::core
