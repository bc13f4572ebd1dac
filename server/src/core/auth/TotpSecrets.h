#pragma once
// TOTP secrets at rest: sealed with the data key, bound to the owning account (a sealed value
// copied onto another account's row does not open), and stored as base64url text because the
// columns are TEXT and sealed bytes are binary. Every reader and writer of
// accounts.totp_secret / totp_pending_secret (enrolment, sign-in, demo data, tests) goes
// through these two functions so they agree on the format.
#include <string>
#include <string_view>

#include "infra/SecretBox.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

// Seals raw secret bytes for storage in the account's row.
std::string sealTotpSecret(const infra::SecretBox& dataKey, const std::string& accountId, std::string_view secret);
// The raw secret bytes; Internal if the stored text was damaged or sealed under another key
// or account (the message never contains the value).
Result<std::string> openTotpSecret(const infra::SecretBox& dataKey, const std::string& accountId,
                                   std::string_view stored);

}  // namespace tessera::core
