#pragma once
// Two-factor set-up: TOTP (an authenticator app) or one-time codes by email, then ten
// recovery codes. Finishing set-up activates the account and, when the caller was in the
// set-up stage, signs them in with a new session token. Also used by signed-in citizens to
// change method or to replace their recovery codes.
#include <optional>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/auth/Caller.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct TotpEnrolment {
    std::string secret;      // base32, for typing into an app
    std::string otpauthUri;  // otpauth://totp/Issuer:email?secret=...&issuer=...
    std::string qrSvg;       // the URI as a QR code
};

struct SecondFactorEnrolled {
    std::vector<std::string> recoveryCodes;  // in clear, shown once
    // The signed-in session (new token) when set-up finished sign-up; empty when the caller
    // was already signed in and keeps their session.
    std::optional<NewSession> signedIn;
};

class SecondFactorService {
public:
    explicit SecondFactorService(Context& ctx) : ctx_(ctx) {}

    // Creates a new secret and keeps it, sealed, as the account's pending secret until confirmed.
    Result<TotpEnrolment> startTotp(const Caller& caller);
    // Confirms the pending secret with a code from the app (current step ±1).
    Result<SecondFactorEnrolled> confirmTotp(const Caller& caller, const std::string& code);
    // Sends a code to the account's address to prove it receives mail.
    Status startEmail(const Caller& caller);
    Result<SecondFactorEnrolled> confirmEmail(const Caller& caller, const std::string& code);
    // Replaces every recovery code (the old ones stop working).
    Result<std::vector<std::string>> regenerateRecoveryCodes(const Caller& caller);

private:
    // The caller's account, refused unless its email is verified and it is not disabled.
    Result<Account> enrollableAccount(Poco::Data::Session& s, const Caller& caller);
    // Stores the chosen method, activates the account, issues recovery codes, signs the
    // set-up session in and audits, all in the caller's transaction.
    Result<SecondFactorEnrolled> finishEnrolment(Poco::Data::Session& s, const Caller& caller, Account& account,
                                                 SecondFactorMethod method);

    Context& ctx_;
};

}  // namespace tessera::core
