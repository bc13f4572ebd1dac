#include "core/accounts/PasswordRules.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "tessera/shared/Password.h"

namespace tessera::core {

namespace {

std::string lowerTrimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

}  // namespace

Status checkNewPassword(const Context& ctx, std::string_view password, std::string_view email, std::string_view field) {
    if (auto rules = validate::password(password, field); !rules) return rules;
    if (ctx.commonPasswords.contains(password))
        return Error::field(std::string(field), "common_password",
                            "This password is too common and easy to guess; choose another, such as three "
                            "unrelated words.");
    if (!email.empty() && lowerTrimmed(password) == lowerTrimmed(email))
        return Error::field(std::string(field), "same_as_email", "Your password must not be your email address.");
    return {};
}

}  // namespace tessera::core
