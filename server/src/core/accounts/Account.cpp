#include "core/accounts/Account.h"

namespace tessera::core {

std::string toString(AccountStatus s) {
    switch (s) {
        case AccountStatus::PendingEmail: return "pending_email";
        case AccountStatus::PendingSecondFactor: return "pending_second_factor";
        case AccountStatus::Active: return "active";
        case AccountStatus::Disabled: return "disabled";
    }
    return "disabled";
}

AccountStatus accountStatusFrom(const std::string& s) {
    if (s == "pending_email") return AccountStatus::PendingEmail;
    if (s == "pending_second_factor") return AccountStatus::PendingSecondFactor;
    if (s == "active") return AccountStatus::Active;
    return AccountStatus::Disabled;  // unknown values never grant access
}

std::string toString(SecondFactorMethod m) {
    switch (m) {
        case SecondFactorMethod::None: return "none";
        case SecondFactorMethod::Totp: return "totp";
        case SecondFactorMethod::Email: return "email";
    }
    return "none";
}

SecondFactorMethod secondFactorFrom(const std::string& s) {
    if (s == "totp") return SecondFactorMethod::Totp;
    if (s == "email") return SecondFactorMethod::Email;
    return SecondFactorMethod::None;
}

}  // namespace tessera::core
