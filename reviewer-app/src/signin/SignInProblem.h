#pragma once
// Why a sign-in, a refresh or a sign-out did not work: a kind the app can branch on and a
// message (already translated) that tells the reviewer what happened and what to do.
#include <QString>

namespace tessera::reviewer {

struct SignInProblem {
    enum class Kind {
        Unreachable,  // no answer from the server (network, TLS, timeout, 5xx): trying again may help
        Refused,      // the server said no (an error on the redirect, a refused code or refresh token)
        Untrusted,    // an answer that does not belong to this sign-in (state, issuer, nonce, audience)
        Misconfigured,// the server's OpenID Connect configuration does not fit the workstation
        Cancelled,    // the reviewer gave up, or the browser step took too long
        NotSignedIn,  // a silent sign-in found no sign-in kept on this computer (message empty)
        Internal      // the workstation itself failed (no random bytes, no loopback port)
    };
    Kind kind = Kind::Internal;
    QString message;
};

}  // namespace tessera::reviewer
