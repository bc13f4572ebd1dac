#pragma once
// A PKCE verifier and its S256 challenge (RFC 7636), the verifier from OpenSSL's generator.
#include <QByteArray>

namespace tessera::reviewer {

struct PkcePair {
    QByteArray verifier;   // 43 characters of base64url (32 random bytes)
    QByteArray challenge;  // base64url(SHA-256(verifier)), no padding
};

PkcePair makePkcePair();

}  // namespace tessera::reviewer
