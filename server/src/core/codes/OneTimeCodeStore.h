#pragma once
// One-time codes sent by email (email verification, sign-in codes, password reset): stored
// hashed, single use, with a lifetime, a cap on tries and a throttle on re-sending.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <string>

#include "infra/Clock.h"
#include "store/Database.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

enum class CodePurpose { EmailVerification, SignInEmail, SecondFactorSetupEmail, PasswordReset, EmailChange };
std::string toString(CodePurpose p);

struct CodePolicy {
    std::int64_t lifetimeSeconds = 600;      // 10 minutes
    int maxAttempts = 5;                     // then the code is spent
    std::int64_t resendIntervalSeconds = 60; // at most one new code a minute
    int maxPerHour = 5;                      // and a few an hour
    std::size_t digits = 6;
};

class OneTimeCodeStore {
public:
    OneTimeCodeStore(store::Database& db, infra::Clock& clock) : db_(db), clock_(clock) {}

    // Issues a new code (replacing any live one for the same purpose) and returns it in clear
    // for the caller to send. TooManyRequests "resend_throttled" when asked again too soon.
    // target: what the code is bound to (e.g. the email it was sent to).
    Result<std::string> issue(Poco::Data::Session& s, const std::string& accountId, CodePurpose purpose,
                              const std::string& target, const CodePolicy& policy = {});
    // Checks a code: Gone "code_expired" / "code_used_up", Invalid "code_wrong" (attempts
    // counted, committed even though the caller's transaction may roll back), ok with the
    // target on success (the code is then spent).
    Result<std::string> consume(const std::string& accountId, CodePurpose purpose, const std::string& code,
                                const CodePolicy& policy = {});

private:
    store::Database& db_;
    infra::Clock& clock_;
};

}  // namespace tessera::core
