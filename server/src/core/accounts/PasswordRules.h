#pragma once
// The rules every new password meets, wherever it is chosen (registration, change, reset):
// NIST SP 800-63B length (8..128 code points, no composition rules), not on the shipped
// list of common and breached passwords, and not the account's own email address.
#include <string_view>

#include "core/Context.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

// Field errors on `field`: required, invalid_encoding, too_short, too_long, common_password,
// same_as_email.
Status checkNewPassword(const Context& ctx, std::string_view password, std::string_view email, std::string_view field);

}  // namespace tessera::core
