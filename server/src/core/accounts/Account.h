#pragma once
// A citizen account as stored. Status says how far set-up has come; only "active" accounts
// can sign in to services.
#include <cstdint>
#include <string>

namespace tessera::core {

enum class AccountStatus { PendingEmail, PendingSecondFactor, Active, Disabled };
enum class SecondFactorMethod { None, Totp, Email };

std::string toString(AccountStatus s);
AccountStatus accountStatusFrom(const std::string& s);
std::string toString(SecondFactorMethod m);
SecondFactorMethod secondFactorFrom(const std::string& s);

struct Address {
    std::string line1, line2, town, postcode;
    bool empty() const { return line1.empty() && line2.empty() && town.empty() && postcode.empty(); }
};

struct Account {
    std::string id;
    std::string email;  // normalised (trimmed, domain lower-cased)
    bool emailVerified = false;
    std::string pendingEmail;  // a new address awaiting verification
    std::string name;
    std::string preferredName;
    std::string dateOfBirth;  // YYYY-MM-DD or empty
    std::string sex;          // female | male | unspecified | empty
    Address address;
    std::string phone;        // E.164 or empty
    std::string language = "en";
    std::string passwordHash;  // Argon2id PHC string
    AccountStatus status = AccountStatus::PendingEmail;
    SecondFactorMethod secondFactor = SecondFactorMethod::None;
    std::string totpSecret;         // sealed with the data key; empty when not enrolled
    std::string totpPendingSecret;  // sealed; set between enrolment start and confirmation
    std::int64_t totpLastStep = 0;  // the last accepted time step: no code is accepted twice
    int loa = 0;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::int64_t version = 1;  // optimistic concurrency: bumped by every update
};

}  // namespace tessera::core
