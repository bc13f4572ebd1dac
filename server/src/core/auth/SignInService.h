#pragma once
// Signing in: the password first, then the second factor, each on its own request.
//
// The password step answers the same (401 invalid_credentials) for an unknown email and a
// wrong password and does the same work for both (an Argon2 verify against a stand-in hash,
// a throttle write, an audit entry), so neither the answer nor its timing tells whether an
// address has an account. The second step accepts a TOTP code (each time step at most once,
// enforced by the database), an emailed code or a recovery code, and gives the session a new
// token when it is fully signed in, so a token seen before sign-in is worthless after it.
#include <cstdint>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/auth/Caller.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct PasswordSignIn {
    std::string email;  // as typed
    std::string password;
    std::string clientAddress;
    std::string userAgent;
};

struct SignInProgress {
    // What the citizen does next: "second_factor" (give a code), "second_factor_setup" (the
    // account has no second factor yet) or "verify_email" (a fresh code was sent).
    std::string next;
    std::vector<std::string> methods;  // accepted next: "totp" | "email", "recovery_code"; or set-up choices
    NewSession session;                // a pending session at the matching stage
};

struct SecondFactorProof {
    std::string code;          // from the authenticator app or the sign-in email
    std::string recoveryCode;  // or one of the recovery codes (exactly one of the two is set)
};

class SignInService {
public:
    explicit SignInService(Context& ctx) : ctx_(ctx) {}

    Result<SignInProgress> withPassword(const PasswordSignIn& attempt);
    // caller: the session the password step created (stage PendingSecondFactor).
    Result<NewSession> withSecondFactor(const Caller& caller, const SecondFactorProof& proof);

    // After an answer of kind TooManyRequests: seconds until the next attempt may be made
    // (for Retry-After). 0 otherwise.
    std::int64_t retryAfterSeconds() const { return retryAfter_; }

private:
    Status refuseIfThrottled(const std::vector<std::string>& subjects);
    Result<SignInProgress> startSession(Account& account, const PasswordSignIn& attempt,
                                        const std::string& newPasswordHash);
    // Checks the proof and, in the same transaction, spends it and signs the session in.
    Result<NewSession> verifyAndSignIn(const Caller& caller, const Account& account, const SecondFactorProof& proof);
    void auditFailure(const std::string& accountId, const std::string& clientAddress, const std::string& reason);

    Context& ctx_;
    std::int64_t retryAfter_ = 0;
};

}  // namespace tessera::core
