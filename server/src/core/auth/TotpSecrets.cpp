#include "core/auth/TotpSecrets.h"

#include "infra/Encoding.h"

namespace tessera::core {

namespace {

std::string associatedData(const std::string& accountId) { return "tessera.totp_secret:" + accountId; }

Error unreadable() {
    return Error::internal("The stored authenticator secret cannot be read; set up two-factor authentication again.");
}

}  // namespace

std::string sealTotpSecret(const infra::SecretBox& dataKey, const std::string& accountId, std::string_view secret) {
    return infra::encoding::base64url(dataKey.seal(secret, associatedData(accountId)));
}

Result<std::string> openTotpSecret(const infra::SecretBox& dataKey, const std::string& accountId,
                                   std::string_view stored) {
    auto sealed = infra::encoding::unbase64url(stored);
    if (!sealed) return unreadable();
    auto opened = dataKey.open(*sealed, associatedData(accountId));
    if (!opened) return unreadable();
    return opened;
}

}  // namespace tessera::core
