#pragma once
// Outgoing mail. Two implementations: OutboxMailer (the embedded default, .eml files in a
// folder) and SmtpMailer (an SMTP relay). Pick one with makeMailer (infra/mail/MakeMailer.h).
#include "infra/mail/MailMessage.h"
#include "tessera/shared/Result.h"

namespace tessera::infra {

class Mailer {
public:
    virtual ~Mailer() = default;
    // Stores or delivers one message. Errors are values, never exceptions:
    //  - Invalid ("invalid_recipient", "invalid_mail_header", ...): the message itself is wrong;
    //  - Unavailable ("mail_unavailable"): the outbox folder or the mail server failed; the
    //    message says what to check. Messages never contain the body, passwords or codes.
    // Implementations are safe to call from several threads at once.
    virtual Status send(const MailMessage& message) = 0;
};

}  // namespace tessera::infra
