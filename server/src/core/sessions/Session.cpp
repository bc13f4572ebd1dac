#include "core/sessions/Session.h"

namespace tessera::core {

std::string toString(SessionStage s) {
    switch (s) {
        case SessionStage::PendingEmail: return "pending_email";
        case SessionStage::PendingSecondFactorSetup: return "pending_second_factor_setup";
        case SessionStage::PendingSecondFactor: return "pending_second_factor";
        case SessionStage::Authenticated: return "authenticated";
    }
    return "pending_email";
}

SessionStage sessionStageFrom(const std::string& s) {
    if (s == "authenticated") return SessionStage::Authenticated;
    if (s == "pending_second_factor") return SessionStage::PendingSecondFactor;
    if (s == "pending_second_factor_setup") return SessionStage::PendingSecondFactorSetup;
    return SessionStage::PendingEmail;  // the least privileged stage
}

}  // namespace tessera::core
