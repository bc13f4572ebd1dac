#include "core/accounts/EmailCode.h"

namespace tessera::core {

namespace {

const std::string kCodeField(field::kCode);

}  // namespace

Result<std::string> normaliseCode(std::string_view input, std::string_view field) {
    std::string code;
    for (char c : input) {
        if (c == ' ' || c == '-') continue;
        if (c < '0' || c > '9' || code.size() >= 6)
            return Error::field(std::string(field), "invalid_format", "Enter the 6-digit code from the email.");
        code += c;
    }
    if (code.empty()) return Error::field(std::string(field), "required", "Enter the 6-digit code from the email.");
    if (code.size() != 6)
        return Error::field(std::string(field), "invalid_format", "Enter the 6-digit code from the email.");
    return code;
}

Error codeRefused(const std::string& storeCode) {
    if (storeCode == "code_expired")
        return Error::gone("code_expired", "That code has expired; ask for a new one.");
    if (storeCode == "code_used" || storeCode == "code_missing")
        return Error::gone("code_used", "That code can no longer be used; ask for a new one.");
    if (storeCode == "code_used_up")
        return Error::gone("code_used_up", "Too many wrong attempts for this code; ask for a new one.");
    return Error::field(kCodeField, "code_wrong", "That code is not right. Check the newest email from us and try again.");
}

Error codeResendThrottled() {
    return Error::tooMany("resend_throttled",
                          "A code was sent very recently; wait a little before asking for another.");
}

Error resetCodeRefused() {
    return Error::field(kCodeField, "code_invalid",
                        "That code is wrong, has expired or was already used. Check the newest email from us, or "
                        "ask for a new code.");
}

}  // namespace tessera::core
