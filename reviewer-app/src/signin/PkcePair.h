#pragma once
// A PKCE verifier and its S256 challenge (RFC 7636), the verifier from OpenSSL's generator.
#include <QByteArray>

#include <optional>

namespace tessera::reviewer {

struct PkcePair {
    QByteArray verifier;   // 43 characters of base64url (32 random bytes)
    QByteArray challenge;  // base64url(SHA-256(verifier)), no padding
};

// nullopt only when OpenSSL cannot provide random bytes.
std::optional<PkcePair> makePkcePair();

// The S256 challenge of a verifier (RFC 7636 §4.2).
QByteArray pkceChallengeOf(const QByteArray& verifier);

}  // namespace tessera::reviewer
