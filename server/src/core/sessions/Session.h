#pragma once
#include <cstdint>
#include <string>

namespace tessera::core {

// How far a session has come. Pending stages allow only the next set-up or sign-in step.
enum class SessionStage {
    PendingEmail,         // just registered: may verify email (and resend the code)
    PendingSecondFactorSetup,  // email verified: must enrol 2FA
    PendingSecondFactor,  // password accepted at sign-in: must give the second factor
    Authenticated         // fully signed in
};

std::string toString(SessionStage s);
SessionStage sessionStageFrom(const std::string& s);

struct Session {
    std::string publicId;   // shown in "my sessions" and used to end one; not a credential
    std::string accountId;
    SessionStage stage = SessionStage::PendingEmail;
    std::string csrfToken;  // sent back in X-CSRF-Token on unsafe requests
    std::int64_t createdAt = 0;
    std::int64_t lastSeenAt = 0;
    std::int64_t expiresAt = 0;  // absolute limit
    std::int64_t authTime = 0;   // when the second factor was given
    std::string amr;             // "pwd otp" / "pwd email" / "pwd rec"
    std::string clientAddress;
    std::string userAgent;
};

}  // namespace tessera::core
