#pragma once
// Sign-up: checks the whole form at once, then creates the account, its terms acceptances,
// an email verification code and a pending session in one transaction, and emails the code.
// An email that already has an account gets the same answer as a new one (see DecoySession.h)
// while its owner is told by email.
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/accounts/Account.h"
#include "core/sessions/SessionStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct RegistrationForm {
    std::string name;
    std::string email;
    std::string password;
    std::string language;
    std::vector<std::string> acceptTerms;  // ids of the documents in force the citizen accepted
    bool consent = false;                  // to the platform holding what they entered
};

struct Registration {
    std::string accountId;
    AccountStatus status = AccountStatus::PendingEmail;
    std::string email;   // normalised
    NewSession session;  // a PendingEmail session (a decoy when the email was taken)
};

class RegistrationService {
public:
    explicit RegistrationService(Context& ctx) : ctx_(ctx) {}

    // Field errors (all at once): name, email, password (incl. common_password,
    // same_as_email), language, consent (consent_required), acceptTerms.
    Result<Registration> create(const RegistrationForm& form, const std::string& clientAddress,
                                const std::string& userAgent);

private:
    Result<Registration> answerTakenEmail(const Account& owner, const std::string& email,
                                          const std::string& clientAddress, const std::string& userAgent);
    Context& ctx_;
};

}  // namespace tessera::core
