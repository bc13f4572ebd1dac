#pragma once
// A fresh Idempotency-Key: 32 random bytes from OpenSSL, base64url without padding (43 visible
// ASCII characters, well within the server's 1..255).
#include <QByteArray>

#include <optional>

namespace tessera::reviewer {

// Empty when OpenSSL's generator fails (then no decision may be written).
std::optional<QByteArray> newIdempotencyKey();

}  // namespace tessera::reviewer
