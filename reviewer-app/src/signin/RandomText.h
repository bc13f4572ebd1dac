#pragma once
// Unguessable text for the sign-in (PKCE verifiers, state, nonce): bytes from OpenSSL's generator,
// the project's one source of randomness, written as base64url without padding.
#include <QByteArray>

#include <optional>

namespace tessera::reviewer {

// nullopt only when OpenSSL cannot provide random bytes (the sign-in must then not go on).
std::optional<QByteArray> randomBase64Url(int byteCount);

}  // namespace tessera::reviewer
