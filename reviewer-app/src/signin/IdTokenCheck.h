#pragma once
// Checks of the ID token received with the tokens after the browser sign-in: it was issued by
// this server, for this workstation, for this very sign-in (the nonce) and has not expired
// (OpenID Connect Core §3.1.3.7). Its signature is not checked: the token came straight from
// the token endpoint over the TLS connection the workstation opened, which §3.1.3.7 (6)
// accepts in place of the signature for the code flow.
#include <QString>

namespace tessera::reviewer {

struct IdTokenExpectation {
    QString issuer;
    QString clientId;
    QString nonce;
    qint64 now = 0;               // Unix seconds
    qint64 clockSkewSeconds = 300;
};

// Empty when the token passes; otherwise which check failed (for the reviewer and the log:
// it names no claim value).
QString checkIdToken(const QString& idToken, const IdTokenExpectation& expected);

}  // namespace tessera::reviewer
