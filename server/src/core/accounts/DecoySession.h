#pragma once
// Registering an email that already has an account must look exactly like a success, or the
// sign-up form would tell anyone which addresses have accounts (DESIGN: never reveal it).
//
// Choice: the answer carries a decoy pending session, and nothing is written for it. A real
// session cannot exist without an account row (sessions.account_id is a foreign key), and
// writing a placeholder account would reserve the address and need cleaning up. Instead the
// decoy token is sealed with the data key: 4 bytes (the creation time) sealed with
// AES-256-GCM are exactly 32 bytes, the size of a real session token, so both encode to 43
// base64url characters and no one without the key can tell them apart. The CSRF token is
// derived from the token and has the size of a real one too.
//
// The email verification endpoints recognise a decoy and answer as they would for a real
// pending account whose owner typed a wrong code: code_wrong, code_expired once the code's
// lifetime has passed, resend throttled for the first minute; the session ends after the
// pending-session lifetime like a real one. What a stateless decoy cannot imitate: the count
// of wrong tries (a real code is spent after 5), and the throttle on later resends. Probing
// that way takes several requests per address and each probe emails the address's owner.
#include <optional>
#include <string>

#include "core/Context.h"
#include "core/sessions/SessionStore.h"

namespace tessera::core {

// A fresh decoy session (stage PendingEmail) created now.
NewSession issueDecoySession(const Context& ctx, const std::string& clientAddress, const std::string& userAgent);
// The decoy a token stands for, if it is one and has not expired; nullopt for anything else
// (real session tokens included).
std::optional<Session> openDecoySession(const Context& ctx, const std::string& token);

}  // namespace tessera::core
