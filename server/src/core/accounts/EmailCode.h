#pragma once
// The 6-digit codes we email, as the person types them back, and the answers when one is
// refused. The answers never say how many tries are left: a registration with an email that
// already has an account answers from a decoy that cannot count (see DecoySession.h), and
// both must read the same.
#include <string>
#include <string_view>

#include "tessera/shared/ApiFields.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

// The code without the spaces or hyphens people type into it ("123 456"). Field errors:
// required, invalid_format (not six digits). A malformed code does not use up a try.
Result<std::string> normaliseCode(std::string_view input, std::string_view field = field::kCode);

// The answer for a code the store refused (by its error code: code_wrong, code_expired,
// code_used, code_used_up, code_missing), for flows bound to a signed-in or pending session.
Error codeRefused(const std::string& storeCode);
// The answer when a new code is asked for too soon.
Error codeResendThrottled();
// Password reset answers every refusal alike (wrong, expired, used, no such account), so the
// form cannot tell whether an email has an account.
Error resetCodeRefused();

}  // namespace tessera::core
