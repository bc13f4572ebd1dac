#pragma once
// One outgoing email, as the rest of the server describes it. The mailers turn it into an
// RFC 5322 / MIME message (infra/mail/MimeWriter.h) and store or send it.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tessera::infra {

struct MailMessage {
    // The recipient: "ada@example.org" or "Ada Lovelace <ada@example.org>" (ASCII address).
    std::string to;
    // UTF-8; encoded as RFC 2047 words when it is not plain ASCII. No line breaks.
    std::string subject;
    // UTF-8 plain text; line breaks may be "\n" or "\r\n".
    std::string textBody;
    // UTF-8 HTML alternative; when set the message is multipart/alternative (text first).
    std::optional<std::string> htmlBody;
    // Extra header fields in order, e.g. {"Message-ID", "<abc@example.org>"} (replaces the
    // generated one), {"Reply-To", "..."}, {"X-Tessera-Template", "email-code"}. The fields the
    // mailer writes itself (From, To, Subject, Date, MIME-Version, Content-*) and Cc/Bcc/Sender
    // are refused. Values must not contain line breaks.
    std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace tessera::infra
