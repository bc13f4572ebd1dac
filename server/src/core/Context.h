#pragma once
// What every core service may use: the database and its stores, the clock, settings, mail,
// password hashing, the data-encryption box and the audit log. Built once per process by the
// composition root (web/Application); tests build one over a test database.
#include "core/accounts/AccountStore.h"
#include "core/audit/AuditLog.h"
#include "core/codes/OneTimeCodeStore.h"
#include "core/sessions/SessionStore.h"
#include "infra/Clock.h"
#include "infra/CommonPasswords.h"
#include "infra/PasswordHasher.h"
#include "infra/SecretBox.h"
#include "infra/Settings.h"
#include "infra/mail/Mailer.h"
#include "store/Database.h"

namespace tessera::core {

namespace oidc {
class TokenVerifier;
}
struct VerificationParts;

struct Context {
    const infra::Settings& settings;
    infra::Clock& clock;
    store::Database& db;
    infra::Mailer& mailer;
    const infra::PasswordHasher& passwords;
    const infra::CommonPasswords& commonPasswords;
    const infra::SecretBox& dataKey;  // seals sensitive fields at rest (TOTP secrets, ...)
    AccountStore accounts;
    SessionStore sessions;
    OneTimeCodeStore codes;
    AuditLog audit;
    // Checks bearer access tokens on staff REST calls (the reviewer workstation); set by the
    // composition root once the OpenID Connect provider is up. Null: bearer tokens are refused.
    oidc::TokenVerifier* accessTokens = nullptr;
    // The assurance policy, registers and media blob store (core/verification/VerificationParts.h);
    // set by the composition root. Null in tests that do not verify identities.
    VerificationParts* verification = nullptr;

    Context(const infra::Settings& s, infra::Clock& c, store::Database& d, infra::Mailer& m,
            const infra::PasswordHasher& p, const infra::CommonPasswords& cp, const infra::SecretBox& k)
        : settings(s), clock(c), db(d), mailer(m), passwords(p), commonPasswords(cp), dataKey(k),
          accounts(d), sessions(d, c, s), codes(d, c), audit(d, c) {}
};

}  // namespace tessera::core
