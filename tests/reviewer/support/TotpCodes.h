#pragma once
// Authenticator codes for the demo accounts, made by the real `oathtool --totp -b SECRET`.
// The server refuses a code whose 30-second step it has already accepted and takes the steps
// now-1..now+1, so, like a careful person with an authenticator app, this never offers the same
// step twice for a secret in one test run: two sign-ins within a step need no wait, a third
// waits for the next step (as tests/e2e/support/totp.mjs).
#include <QString>

namespace tessera::reviewer::test {

// A fresh code for `base32Secret`; throws std::runtime_error if oathtool fails.
QString nextTotpCode(const QString& base32Secret);

// The code of `base32Secret` at Unix time `unixSeconds` (oathtool -N @TIME).
QString totpCodeAt(const QString& base32Secret, qint64 unixSeconds);

}  // namespace tessera::reviewer::test
