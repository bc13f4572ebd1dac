#include "infra/mail/SmtpMailer.h"

#include <Poco/Environment.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <pthread.h>
#include <signal.h>

#include <cctype>
#include <ctime>
#include <exception>
#include <sstream>
#include <utility>
#include <vector>

#include "infra/mail/MimeWriter.h"

namespace tessera::infra {
namespace {

Poco::Logger& logger() { return Poco::Logger::get("tessera.mail"); }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> percentDecode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size()) return std::nullopt;
        const int hi = hexValue(s[i + 1]), lo = hexValue(s[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

Error urlError(const std::string& message) {
    return Error::invalid("invalid_smtp_url", "The SMTP URL (TESSERA_SMTP_URL) " + message);
}

std::optional<unsigned long> parseNumber(std::string_view digits, unsigned long max) {
    if (digits.empty() || digits.size() > 9) return std::nullopt;
    unsigned long value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<unsigned long>(c - '0');
    }
    if (value == 0 || value > max) return std::nullopt;
    return value;
}

bool isHostName(std::string_view host) {
    if (host.empty() || host.size() > 253) return false;
    for (char c : host) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_')) return false;
    }
    return true;
}

bool isIpv6Literal(std::string_view host) {
    if (host.empty() || host.find(':') == std::string_view::npos) return false;
    for (char c : host) {
        if (!(std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.')) return false;
    }
    return true;
}

// Blocks SIGPIPE for this thread while it talks to the server (OpenSSL writes with write(2),
// which raises SIGPIPE on a closed connection) and swallows one raised meanwhile.
class SigPipeGuard {
public:
    SigPipeGuard() {
        sigemptyset(&pipe_);
        sigaddset(&pipe_, SIGPIPE);
        sigset_t pending;
        sigpending(&pending);
        wasPending_ = sigismember(&pending, SIGPIPE) == 1;
        blocked_ = pthread_sigmask(SIG_BLOCK, &pipe_, &old_) == 0;
    }
    ~SigPipeGuard() {
        if (!blocked_) return;
        if (!wasPending_) {
            sigset_t pending;
            sigpending(&pending);
            if (sigismember(&pending, SIGPIPE) == 1) {
                const timespec zero{0, 0};
                sigtimedwait(&pipe_, nullptr, &zero);
            }
        }
        pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    }
    SigPipeGuard(const SigPipeGuard&) = delete;
    SigPipeGuard& operator=(const SigPipeGuard&) = delete;

private:
    sigset_t pipe_{};
    sigset_t old_{};
    bool wasPending_ = false;
    bool blocked_ = false;
};

// Gives access to the session's socket for STARTTLS.
class Session final : public Poco::Net::SMTPClientSession {
public:
    explicit Session(const Poco::Net::StreamSocket& socket) : SMTPClientSession(socket) {}

    // RFC 3207. Assigning the new socket also empties the receive buffer, so plain-text bytes a
    // man in the middle appended after the 220 reply are never read as TLS-protected replies.
    void startTls(const std::string& host, Poco::Net::Context::Ptr context) {
        std::string response;
        const int status = sendCommand("STARTTLS", response);
        if (status / 100 != 2) throw Poco::Net::SMTPException("STARTTLS was refused", response, status);
        Poco::Net::SecureStreamSocket secure = Poco::Net::SecureStreamSocket::attach(socket(), host, context);
        socket() = secure;
    }
};

// Throws an SMTPException unless `status` is in the expected class (2 = done, 3 = go on).
void expect(int status, int statusClass, const std::string& response, const char* what) {
    if (status == 0) throw Poco::Net::SMTPException(std::string(what) + ": the server closed the connection");
    if (status / 100 != statusClass) throw Poco::Net::SMTPException(what, response, status);
}

struct Capabilities {
    bool startTls = false;
    std::vector<std::string> auth;  // upper case
};

Capabilities parseEhlo(const std::string& response) {
    Capabilities caps;
    std::istringstream lines(response);
    std::string line;
    bool first = true;
    while (std::getline(lines, line)) {
        if (first) {  // "250-server.example greets you"
            first = false;
            continue;
        }
        if (line.size() < 5) continue;
        std::string keyword = upper(line.substr(4));
        while (!keyword.empty() && (keyword.back() == ' ' || keyword.back() == '\r')) keyword.pop_back();
        if (keyword == "STARTTLS") {
            caps.startTls = true;
        } else if (keyword.size() > 5 && keyword.compare(0, 4, "AUTH") == 0 && (keyword[4] == ' ' || keyword[4] == '=')) {
            std::istringstream mechanisms(keyword.substr(5));
            std::string mechanism;
            while (mechanisms >> mechanism) caps.auth.push_back(mechanism);
        }
    }
    return caps;
}

std::string hello(Session& session, const std::string& name) {
    std::string response;
    int status = session.sendCommand("EHLO", name, response);
    if (status / 100 == 5) status = session.sendCommand("HELO", name, response);
    expect(status, 2, response, "EHLO was refused");
    return response;
}

bool offers(const Capabilities& caps, std::string_view mechanism) {
    for (const auto& m : caps.auth) {
        if (m == mechanism) return true;
    }
    return false;
}

// AUTH PLAIN with an initial response (RFC 4954, RFC 4616), else AUTH LOGIN. The credentials go
// only into the commands, never into an exception message.
void authenticate(Session& session, const Capabilities& caps, const std::string& user, const std::string& password) {
    std::string response;
    if (offers(caps, "PLAIN")) {
        std::string credentials;
        credentials += '\0';
        credentials += user;
        credentials += '\0';
        credentials += password;
        expect(session.sendCommand("AUTH PLAIN " + mime::base64(credentials), response), 2, response,
               "The user name or password was refused (AUTH PLAIN)");
        return;
    }
    expect(session.sendCommand("AUTH LOGIN", response), 3, response, "AUTH LOGIN was refused");
    expect(session.sendCommand(mime::base64(user), response), 3, response, "The user name was refused (AUTH LOGIN)");
    expect(session.sendCommand(mime::base64(password), response), 2, response,
           "The user name or password was refused (AUTH LOGIN)");
}

}  // namespace

std::optional<StartTls> parseStartTls(std::string_view text) {
    const std::string mode = lower(text);
    if (mode == "auto") return StartTls::Auto;
    if (mode == "required") return StartTls::Required;
    if (mode == "off") return StartTls::Off;
    return std::nullopt;
}

std::string_view toString(StartTls mode) {
    switch (mode) {
        case StartTls::Auto: return "auto";
        case StartTls::Required: return "required";
        case StartTls::Off: return "off";
    }
    return "auto";
}

Result<SmtpConfig> parseSmtpUrl(std::string_view url, std::string from) {
    SmtpConfig config;
    const auto schemeEnd = url.find("://");
    if (schemeEnd == std::string_view::npos) return urlError("must look like smtp://user:password@host:port?starttls=auto or smtps://host.");
    const std::string scheme = lower(url.substr(0, schemeEnd));
    if (scheme == "smtps") {
        config.implicitTls = true;
        config.port = 465;
    } else if (scheme != "smtp") {
        return urlError("must start with smtp:// or smtps://, not " + scheme + "://.");
    }
    std::string_view rest = url.substr(schemeEnd + 3);
    if (rest.find('#') != std::string_view::npos) return urlError("must not contain '#' (percent-encode it as %23 in a password).");
    std::string_view query;
    if (const auto q = rest.find('?'); q != std::string_view::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
        if (rest.substr(slash) != "/") return urlError("must not have a path after the host and port.");
        rest = rest.substr(0, slash);
    }

    std::string_view hostPort = rest;
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
        const std::string_view userInfo = rest.substr(0, at);
        hostPort = rest.substr(at + 1);
        const auto colon = userInfo.find(':');
        auto user = percentDecode(userInfo.substr(0, colon));
        auto password = percentDecode(colon == std::string_view::npos ? std::string_view{} : userInfo.substr(colon + 1));
        if (!user || !password) return urlError("has a bad percent-encoding (%XX) in the user name or password.");
        if (user->empty()) return urlError("has a password but no user name.");
        config.username = std::move(*user);
        config.password = std::move(*password);
    }

    std::string_view portText;
    if (!hostPort.empty() && hostPort.front() == '[') {
        const auto close = hostPort.find(']');
        if (close == std::string_view::npos) return urlError("has an IPv6 address without the closing ']'.");
        config.host = std::string(hostPort.substr(1, close - 1));
        const std::string_view after = hostPort.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') return urlError("has something after the IPv6 address that is not :port.");
            portText = after.substr(1);
            if (portText.empty()) return urlError("has an empty port.");
        }
        if (!isIpv6Literal(config.host)) return urlError("has an invalid IPv6 address.");
    } else {
        const auto colon = hostPort.find(':');
        if (colon != std::string_view::npos) {
            if (hostPort.find(':', colon + 1) != std::string_view::npos) return urlError("has more than one ':'; put IPv6 addresses in brackets.");
            portText = hostPort.substr(colon + 1);
            if (portText.empty()) return urlError("has an empty port.");
        }
        config.host = std::string(hostPort.substr(0, colon));
        if (config.host.empty()) return urlError("has no host name.");
        if (!isHostName(config.host)) return urlError("has an invalid host name: " + config.host);
    }
    if (!portText.empty()) {
        const auto port = parseNumber(portText, 65535);
        if (!port) return urlError("has an invalid port; use a number from 1 to 65535.");
        config.port = static_cast<std::uint16_t>(*port);
    }

    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        const std::string key = lower(pair.substr(0, eq));
        auto value = percentDecode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
        if (!value) return urlError("has a bad percent-encoding (%XX) in the parameter " + key + ".");
        if (key == "starttls") {
            if (config.implicitTls) return urlError("uses smtps:// (TLS from the start), so starttls= does not apply; use smtp://host:587?starttls=required for STARTTLS.");
            const auto mode = parseStartTls(*value);
            if (!mode) return urlError("has starttls=" + *value + "; use auto, required or off.");
            config.startTls = *mode;
        } else if (key == "timeout") {
            const auto seconds = parseNumber(*value, 3600);
            if (!seconds) return urlError("has an invalid timeout; use a number of seconds from 1 to 3600.");
            config.timeout = std::chrono::seconds(static_cast<long>(*seconds));
        } else if (key == "cafile") {
            if (value->empty()) return urlError("has an empty cafile.");
            config.caFile = std::move(*value);
        } else if (key == "helo") {
            if (!isHostName(*value)) return urlError("has an invalid helo name; use this machine's host name.");
            config.heloName = std::move(*value);
        } else {
            return urlError("has an unknown parameter '" + key + "'; known: starttls, timeout, cafile, helo.");
        }
    }

    if (auto sender = mime::parseAddress(from); !sender) {
        return Error::invalid("invalid_mail_from", "The sender address for mail is not valid: " + sender.error().message);
    }
    config.from = std::move(from);
    return config;
}

struct SmtpMailer::Tls {
    Poco::Net::Context::Ptr context;
};

SmtpMailer::SmtpMailer(SmtpConfig config, const Clock& clock) : config_(std::move(config)), clock_(clock) {}

SmtpMailer::~SmtpMailer() = default;

Result<std::shared_ptr<SmtpMailer::Tls>> SmtpMailer::tls() {
    std::lock_guard<std::mutex> lock(tlsMutex_);
    if (tls_) return tls_;
    try {
        static std::once_flag initialized;
        std::call_once(initialized, [] { Poco::Net::initializeSSL(); });
        Poco::Net::Context::Params params;
        params.caLocation = config_.caFile;
        params.loadDefaultCAs = true;
        // Verify the server's certificate. STRICT, not RELAXED: with RELAXED Poco skips the host
        // name check when the host is a loopback address.
        params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
        params.verificationDepth = 9;
        params.cipherList = "HIGH:!aNULL:!eNULL:!MD5:!RC4:!3DES";
        Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
        context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        // Check the certificate names the host we connect to. No InvalidCertificateHandler: a
        // certificate that fails verification is rejected.
        context->enableExtendedCertificateVerification(true);
        tls_ = std::make_shared<Tls>(Tls{context});
        return tls_;
    } catch (const Poco::Exception& e) {
        std::string message = "Cannot set up TLS for the SMTP server: " + e.displayText();
        if (!config_.caFile.empty()) message += " (check that cafile=" + config_.caFile + " is a readable PEM file)";
        logger().warning(message);
        return Error::unavailable("mail_unavailable", message);
    }
}

Status SmtpMailer::send(const MailMessage& message) {
    const std::string server = config_.host + ":" + std::to_string(config_.port);
    const auto fail = [&](const std::string& detail) {
        std::string text = "Cannot send mail through the SMTP server " + server + ": " + detail;
        logger().warning(text);
        return Status(Error::unavailable("mail_unavailable", std::move(text)));
    };

    std::optional<mime::RenderedMail> rendered;
    try {
        auto made = mime::render(message, config_.from, clock_.now());
        if (!made) return made.error();
        rendered = std::move(*made);
    } catch (const std::exception& e) {  // only the random source (OpenSSL) or the allocator
        return fail(std::string("cannot prepare the message: ") + e.what());
    }

    std::shared_ptr<Tls> tls;
    if (config_.implicitTls || config_.startTls != StartTls::Off) {
        auto made = this->tls();
        if (!made) return made.error();
        tls = *made;
    }

    SigPipeGuard sigPipeGuard;
    const char* stage = "connecting";
    try {
        const Poco::Timespan timeout(static_cast<long>(config_.timeout.count()), 0);
        stage = "looking up the host name";
        const Poco::Net::SocketAddress address(config_.host, config_.port);
        Poco::Net::StreamSocket socket;
        if (config_.implicitTls) {
            stage = "connecting with TLS";
            Poco::Net::SecureStreamSocket secure(tls->context);
            secure.setPeerHostName(config_.host);
            secure.connect(address, timeout);
            socket = secure;
        } else {
            stage = "connecting";
            socket.connect(address, timeout);
        }
        socket.setReceiveTimeout(timeout);
        socket.setSendTimeout(timeout);

        Session session(socket);
        stage = "waiting for the greeting";
        session.open();
        stage = "saying EHLO";
        const std::string heloName = config_.heloName.empty() ? Poco::Environment::nodeName() : config_.heloName;
        Capabilities caps = parseEhlo(hello(session, heloName));

        bool encrypted = config_.implicitTls;
        if (!encrypted && config_.startTls != StartTls::Off) {
            if (caps.startTls) {
                stage = "starting TLS (STARTTLS)";
                session.startTls(config_.host, tls->context);
                encrypted = true;
                stage = "saying EHLO after STARTTLS";
                caps = parseEhlo(hello(session, heloName));
            } else if (config_.startTls == StartTls::Required) {
                return fail("the server does not offer STARTTLS, but the URL says starttls=required. Enable TLS on the server, "
                            "use smtps:// if it speaks TLS from the start, or set starttls=auto to allow unencrypted mail.");
            }
        }

        if (!config_.username.empty()) {
            if (!encrypted && config_.startTls != StartTls::Off) {
                return fail("the connection is not encrypted (the server does not offer STARTTLS), so the password is not sent. "
                            "Enable TLS on the server, or set starttls=off to allow credentials in plain text on a trusted network.");
            }
            if (!offers(caps, "PLAIN") && !offers(caps, "LOGIN")) {
                return fail("the server offers no login method Tessera supports (AUTH PLAIN or LOGIN); remove the user name from "
                            "the URL if the server needs none.");
            }
            stage = "logging in";
            authenticate(session, caps, config_.username, config_.password);
        }

        std::string response;
        stage = "sending MAIL FROM";
        expect(session.sendCommand("MAIL FROM:<" + rendered->envelopeFrom + ">", response), 2, response, "The sender was refused");
        stage = "sending RCPT TO";
        expect(session.sendCommand("RCPT TO:<" + rendered->envelopeTo + ">", response), 2, response, "The recipient was refused");
        stage = "sending DATA";
        expect(session.sendCommand("DATA", response), 3, response, "DATA was refused");
        stage = "sending the message";
        std::istringstream content(rendered->bytes);
        session.sendMessage(content);  // dot-stuffs and ends with CRLF.CRLF

        stage = "closing the connection";
        try {
            session.close();
        } catch (const Poco::Exception&) {
            // The server has accepted the message; a failed QUIT does not change that.
        }
        logger().information("Mail " + rendered->messageId + " sent through " + server + (encrypted ? " (TLS)" : " (unencrypted)"));
        return Status::success();
    } catch (const Poco::Net::ConnectionRefusedException&) {
        return fail("connection refused. Is the mail server running, and are the host and port in TESSERA_SMTP_URL right?");
    } catch (const Poco::TimeoutException&) {
        return fail(std::string("no answer within ") + std::to_string(config_.timeout.count()) + " seconds while " + stage +
                    ". Check the host, port and firewall, or raise ?timeout=.");
    } catch (const Poco::Net::DNSException& e) {
        return fail("cannot resolve the host name (" + e.displayText() + "). Check the host in TESSERA_SMTP_URL.");
    } catch (const Poco::Net::SSLException& e) {
        std::string hint = ". Check that the server's certificate is valid for " + config_.host +
                           " and issued by a trusted CA (add a private CA with ?cafile=).";
        if (config_.implicitTls) {
            hint += " If the server expects STARTTLS instead of TLS from the first byte (usually on port 587 or 25), "
                    "use smtp://...?starttls=required.";
        }
        return fail(std::string("TLS failed while ") + stage + ": " + e.displayText() + hint);
    } catch (const Poco::Net::SMTPException& e) {
        return fail(std::string("the server refused while ") + stage + ": " + e.message());
    } catch (const Poco::Exception& e) {
        return fail(std::string("failed while ") + stage + ": " + e.displayText());
    } catch (const std::exception& e) {
        return fail(std::string("failed while ") + stage + ": " + e.what());
    }
}

}  // namespace tessera::infra
