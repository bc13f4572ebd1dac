#include "infra/mail/MakeMailer.h"

#include <Poco/Logger.h>

#include "infra/mail/MimeWriter.h"
#include "infra/mail/OutboxMailer.h"
#include "infra/mail/SmtpMailer.h"

namespace tessera::infra {

Result<std::unique_ptr<Mailer>> makeMailer(const std::string& smtpUrl, const std::string& outboxDir,
                                           const std::string& from, const Clock& clock) {
    Poco::Logger& logger = Poco::Logger::get("tessera.mail");
    if (smtpUrl.empty()) {
        if (outboxDir.empty()) return Error::invalid("invalid_mail_outbox", "The mail outbox folder is not set.");
        if (auto sender = mime::parseAddress(from); !sender) {
            return Error::invalid("invalid_mail_from", "The sender address for mail is not valid: " + sender.error().message);
        }
        logger.information("Mail goes to the outbox folder " + outboxDir + " (set TESSERA_SMTP_URL to send it)");
        return std::unique_ptr<Mailer>(std::make_unique<OutboxMailer>(outboxDir, from, clock));
    }
    auto config = parseSmtpUrl(smtpUrl, from);
    if (!config) return config.error();
    logger.information("Mail goes through the SMTP server " + config->host + ":" + std::to_string(config->port) +
                       (config->implicitTls ? " (TLS)" : " (starttls=" + std::string(toString(config->startTls)) + ")"));
    return std::unique_ptr<Mailer>(std::make_unique<SmtpMailer>(std::move(*config), clock));
}

Result<std::unique_ptr<Mailer>> makeMailer(const std::string& smtpUrl, const std::string& outboxDir,
                                           const std::string& from) {
    static const SystemClock systemClock;
    return makeMailer(smtpUrl, outboxDir, from, systemClock);
}

}  // namespace tessera::infra
