#pragma once
// Sends mail through an SMTP relay (Poco::Net::SMTPClientSession), one connection per message.
//
// TLS: "smtps://" speaks TLS from the first byte (RFC 8314, port 465). On "smtp://" the
// `startTls` mode decides: Auto upgrades with STARTTLS when the server's EHLO offers it and
// otherwise continues in plain text; Required fails unless STARTTLS succeeds; Off never tries.
// The server certificate is always verified (system CAs plus `caFile`) against `host`.
// Credentials are only ever sent over TLS, except with startTls = Off, which the operator
// chooses for a trusted local relay. AUTH PLAIN is preferred, AUTH LOGIN the fallback.
//
// Every failure is an Error (kind Unavailable, code "mail_unavailable") naming the server and
// the step that failed; it never contains the password or the message body.
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "infra/Clock.h"
#include "infra/mail/Mailer.h"
#include "tessera/shared/Result.h"

namespace tessera::infra {

enum class StartTls { Auto, Required, Off };

// "auto" | "required" | "off" (case-insensitive).
std::optional<StartTls> parseStartTls(std::string_view text);
std::string_view toString(StartTls mode);

struct SmtpConfig {
    std::string host;
    std::uint16_t port = 25;
    std::string username;               // empty: no AUTH
    std::string password;
    std::string from;                   // "addr" or "Name <addr>": the From field and MAIL FROM
    StartTls startTls = StartTls::Auto;  // ignored when implicitTls
    bool implicitTls = false;           // smtps://
    std::chrono::seconds timeout{30};   // connect, and each read or write
    std::string caFile;                 // extra trusted CA certificates (PEM file or hashed folder)
    std::string heloName;               // EHLO argument; empty: this machine's host name
};

// smtp://[user[:password]@]host[:port][?starttls=auto|required|off&timeout=SECONDS&cafile=PATH&helo=NAME]
// smtps://[user[:password]@]host[:port][?timeout=..&cafile=..&helo=..]
// Ports default to 25 (smtp) and 465 (smtps); user, password and cafile are percent-decoded;
// IPv6 hosts go in brackets. Unknown parameters are refused (a typo must not weaken TLS).
// Error messages never repeat the password. `from` is checked too.
Result<SmtpConfig> parseSmtpUrl(std::string_view url, std::string from);

class SmtpMailer final : public Mailer {
public:
    // `clock` (for the Date field) must outlive the mailer.
    SmtpMailer(SmtpConfig config, const Clock& clock);
    ~SmtpMailer() override;

    Status send(const MailMessage& message) override;

    const SmtpConfig& config() const { return config_; }

private:
    struct Tls;
    Result<std::shared_ptr<Tls>> tls();

    SmtpConfig config_;
    const Clock& clock_;
    std::mutex tlsMutex_;
    std::shared_ptr<Tls> tls_;  // the TLS client context, made on first use
};

}  // namespace tessera::infra
