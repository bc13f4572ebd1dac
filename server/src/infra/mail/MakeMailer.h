#pragma once
// Chooses the mailer from configuration: TESSERA_SMTP_URL set => SmtpMailer, unset => the
// outbox folder (DATA_DIR/outbox/*.eml).
#include <memory>
#include <string>

#include "infra/Clock.h"
#include "infra/mail/Mailer.h"
#include "tessera/shared/Result.h"

namespace tessera::infra {

// `smtpUrl` empty => OutboxMailer writing into `outboxDir`; otherwise parseSmtpUrl(smtpUrl).
// `from` ("addr" or "Name <addr>") is checked either way. An Error (kind Invalid) names the
// setting to fix; it never repeats the SMTP password. `clock` must outlive the mailer.
Result<std::unique_ptr<Mailer>> makeMailer(const std::string& smtpUrl, const std::string& outboxDir,
                                           const std::string& from, const Clock& clock);

// The same with the system clock.
Result<std::unique_ptr<Mailer>> makeMailer(const std::string& smtpUrl, const std::string& outboxDir,
                                           const std::string& from);

}  // namespace tessera::infra
