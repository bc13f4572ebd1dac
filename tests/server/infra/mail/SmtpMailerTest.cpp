// SmtpMailer against a real SMTP server: aiosmtpd (Debian python3-aiosmtpd) on loopback, run by
// tests/support/smtp_sink.py, which stores each delivered message so the test can read it.
// TLS tests make a throw-away certificate with the openssl command.
#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "infra/Clock.h"
#include "infra/mail/SmtpMailer.h"
#include "support/ChildProcess.h"
#include "support/Paths.h"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using namespace tessera;
using namespace tessera::infra;
using tessera::test::ChildProcess;

namespace {

const std::string kPython = "/usr/bin/python3";  // Debian's python, where python3-aiosmtpd lives
const std::string kFrom = "Tessera <no-reply@tessera.example>";

std::string sinkScript() { return test::sourceDir() + "/tests/support/smtp_sink.py"; }

struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "tessera-smtp-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The SMTP tests need a real server: a missing aiosmtpd is a failure with instructions, not a skip.
void requireAiosmtpd() {
    static std::optional<std::string> problem;
    if (!problem) {
        if (::access(kPython.c_str(), X_OK) != 0) {
            problem = "/usr/bin/python3 is missing. The SMTP tests need Debian's python3 with python3-aiosmtpd: "
                      "apt-get install python3 python3-aiosmtpd";
        } else {
            auto r = ChildProcess::run(kPython, {"-c", "import aiosmtpd"}, 60s, ChildProcess::Options().withStderr(ChildProcess::Stderr::Merge));
            problem = r.exitStatus == 0 ? std::string()
                                        : "python3-aiosmtpd is not installed for /usr/bin/python3; the SMTP tests need a "
                                          "real SMTP server. Install it: apt-get install python3-aiosmtpd\n" + r.output;
        }
    }
    if (!problem->empty()) FAIL(*problem);
}

Poco::JSON::Object::Ptr parseJson(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

// A running smtp_sink.py; stopped (SIGTERM, then SIGKILL) when the test ends.
class SmtpSink {
public:
    explicit SmtpSink(const std::vector<std::string>& options = {}) {
        requireAiosmtpd();
        std::vector<std::string> args{sinkScript(), mailDir().string()};
        args.insert(args.end(), options.begin(), options.end());
        process_.emplace(ChildProcess::start(kPython, args, ChildProcess::Options().withStderr(ChildProcess::Stderr::Merge)));
        const auto ready = process_->waitForLineStartingWith("READY ", 30s);
        if (!ready) FAIL("the SMTP sink did not start:\n" << process_->transcript());
        port_ = std::stoi(ready->substr(6));
    }

    int port() const { return port_; }
    fs::path mailDir() const { return dir_.path / "mail"; }
    std::string transcript() const { return process_->transcript(); }

    // The stored .eml of the next delivery.
    fs::path nextDelivery() {
        const auto line = process_->waitForLineStartingWith("DELIVERED ", 15s);
        if (!line) FAIL("nothing was delivered; the sink said:\n" << process_->transcript());
        return mailDir() / line->substr(10);
    }

    std::vector<fs::path> deliveries() const {
        std::vector<fs::path> out;
        if (!fs::exists(mailDir())) return out;
        for (const auto& e : fs::directory_iterator(mailDir())) {
            if (e.path().extension() == ".eml") out.push_back(e.path());
        }
        return out;
    }

    static Poco::JSON::Object::Ptr envelope(const fs::path& eml) {
        fs::path json = eml;
        json.replace_extension(".json");
        return parseJson(readFile(json));
    }

    // The message as Python's email package reads it.
    static Poco::JSON::Object::Ptr parsed(const fs::path& eml) {
        auto r = ChildProcess::run(kPython, {sinkScript(), "parse", eml.string()}, 60s,
                                   ChildProcess::Options().withStderr(ChildProcess::Stderr::Merge));
        INFO("the python3 email parser said: " << r.output);
        REQUIRE(r.exitStatus == 0);
        return parseJson(r.output);
    }

private:
    TempDir dir_;
    std::optional<ChildProcess> process_;
    int port_ = 0;
};

// A self-signed certificate (and its key) for `name`, made with the openssl command.
struct TestCertificate {
    TempDir dir;
    std::string cert = (dir.path / "cert.pem").string();
    std::string key = (dir.path / "key.pem").string();

    explicit TestCertificate(const std::string& name = "localhost") {
        auto r = ChildProcess::run("openssl",
                                   {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                    "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=" + name, "-addext",
                                    "subjectAltName=DNS:" + name},
                                   60s, ChildProcess::Options().withStderr(ChildProcess::Stderr::Merge));
        if (r.exitStatus != 0) FAIL("the openssl command could not make a test certificate (apt-get install openssl):\n" << r.output);
    }
    std::vector<std::string> sinkOptions() const { return {"--tls-cert", cert, "--tls-key", key}; }
};

SmtpConfig config(const std::string& url) {
    auto parsed = parseSmtpUrl(url, kFrom);
    INFO(url << ": " << (parsed ? std::string() : parsed.error().message));
    REQUIRE(parsed.ok());
    return *parsed;
}

MailMessage codeMessage() {
    MailMessage m;
    m.to = "Ada Lovelace <ada@example.org>";
    m.subject = "Votre code de connexion — Tessera";
    m.textBody = ".A line that starts with a dot\nYour code is 914276.\n..\nCafé à 10 h.\n";
    return m;
}

const std::string kCodeText = ".A line that starts with a dot\nYour code is 914276.\n..\nCafé à 10 h.\n";

class CaptureChannel final : public Poco::Channel {
public:
    void log(const Poco::Message& message) override {
        std::lock_guard<std::mutex> lock(mutex_);
        texts_.push_back(message.getText());
    }
    std::vector<std::string> texts() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return texts_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::string> texts_;
};

struct LogCapture {
    Poco::Logger& logger = Poco::Logger::get("tessera.mail");
    Poco::Channel::Ptr oldChannel = logger.getChannel();
    int oldLevel = logger.getLevel();
    Poco::AutoPtr<CaptureChannel> channel{new CaptureChannel};
    LogCapture() {
        logger.setChannel(channel);
        logger.setLevel(Poco::Message::PRIO_TRACE);
    }
    ~LogCapture() {
        logger.setChannel(oldChannel);
        logger.setLevel(oldLevel);
    }
};

void requireUnavailable(const Status& s) {
    REQUIRE_FALSE(s.ok());
    INFO(s.error().message);
    CHECK(s.error().kind == ErrorKind::Unavailable);
    CHECK(s.error().code == "mail_unavailable");
}

}  // namespace

TEST_CASE("SmtpMailer delivers a message to a real SMTP server", "[mail]") {
    SmtpSink sink;
    ManualClock clock;
    SmtpMailer mailer(config("smtp://127.0.0.1:" + std::to_string(sink.port())), clock);

    const Status sent = mailer.send(codeMessage());
    INFO((sent ? std::string() : sent.error().message) << "\nsink:\n" << sink.transcript());
    REQUIRE(sent.ok());

    const fs::path eml = sink.nextDelivery();
    auto envelope = SmtpSink::envelope(eml);
    CHECK(envelope->getValue<std::string>("mail_from") == "no-reply@tessera.example");
    REQUIRE(envelope->getArray("rcpt_tos")->size() == 1);
    CHECK(envelope->getArray("rcpt_tos")->getElement<std::string>(0) == "ada@example.org");
    CHECK_FALSE(envelope->getValue<bool>("tls"));  // the sink offers no STARTTLS; auto goes on in plain text

    auto message = SmtpSink::parsed(eml);
    CHECK(message->getValue<std::string>("to") == "Ada Lovelace <ada@example.org>");
    CHECK(message->getValue<std::string>("from") == "Tessera <no-reply@tessera.example>");
    CHECK(message->getValue<std::string>("subject") == "Votre code de connexion — Tessera");
    CHECK(message->getValue<std::string>("date") == "Fri, 15 Jan 2027 08:00:00 +0000");
    CHECK(message->getValue<std::string>("text") == kCodeText);  // dot-stuffing undone correctly
    CHECK(message->getArray("defects")->size() == 0);
}

TEST_CASE("SmtpMailer sends several messages, one connection each", "[mail]") {
    SmtpSink sink;
    ManualClock clock;
    SmtpMailer mailer(config("smtp://127.0.0.1:" + std::to_string(sink.port()) + "?starttls=off"), clock);
    for (int i = 0; i < 3; ++i) {
        MailMessage m = codeMessage();
        m.to = "user" + std::to_string(i) + "@example.org";
        m.htmlBody = "<p>Message " + std::to_string(i) + "</p>";
        REQUIRE(mailer.send(m).ok());
        const auto eml = sink.nextDelivery();
        auto message = SmtpSink::parsed(eml);
        CHECK(message->getValue<std::string>("to") == m.to);
        CHECK(message->getValue<std::string>("content_type") == "multipart/alternative");
        CHECK(message->getValue<std::string>("html") == *m.htmlBody + "\n");
    }
    CHECK(sink.deliveries().size() == 3);
}

TEST_CASE("SmtpMailer: connection refused is an Unavailable error, not an exception", "[mail]") {
    // A port that was free a moment ago and has no listener now.
    int port = 0;
    {
        Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
        port = probe.address().port();
    }
    ManualClock clock;
    SmtpMailer mailer(config("smtp://127.0.0.1:" + std::to_string(port)), clock);
    Status s = Status::success();
    REQUIRE_NOTHROW(s = mailer.send(codeMessage()));
    requireUnavailable(s);
    CHECK(s.error().message.find("127.0.0.1:" + std::to_string(port)) != std::string::npos);
    CHECK(s.error().message.find("connection refused") != std::string::npos);
}

TEST_CASE("SmtpMailer: starttls=required fails clearly when the server does not offer STARTTLS", "[mail]") {
    SmtpSink sink;
    ManualClock clock;
    SmtpMailer mailer(config("smtp://127.0.0.1:" + std::to_string(sink.port()) + "?starttls=required"), clock);
    const Status s = mailer.send(codeMessage());
    requireUnavailable(s);
    CHECK(s.error().message.find("does not offer STARTTLS") != std::string::npos);
    CHECK(s.error().message.find("starttls=required") != std::string::npos);
    CHECK(sink.deliveries().empty());
}

TEST_CASE("SmtpMailer does not send a password over an unencrypted connection", "[mail]") {
    SmtpSink sink;
    ManualClock clock;
    SmtpMailer mailer(config("smtp://mailer:hunter2secret@127.0.0.1:" + std::to_string(sink.port())), clock);
    const Status s = mailer.send(codeMessage());
    requireUnavailable(s);
    CHECK(s.error().message.find("not encrypted") != std::string::npos);
    CHECK(s.error().message.find("hunter2secret") == std::string::npos);
    CHECK(sink.deliveries().empty());
}

TEST_CASE("SmtpMailer upgrades with STARTTLS, verifies the certificate and logs in", "[mail]") {
    TestCertificate certificate;
    std::vector<std::string> options = certificate.sinkOptions();
    options.insert(options.end(), {"--require-starttls", "--auth", "tessera@app:p@ss:w0rd/%"});
    ManualClock clock;
    const auto url = [&](const SmtpSink& sink, const std::string& mode, const std::string& password) {
        return "smtp://tessera%40app:" + password + "@localhost:" + std::to_string(sink.port()) + "?starttls=" + mode +
               "&cafile=" + certificate.cert;
    };

    SECTION("auto, AUTH PLAIN") {
        SmtpSink sink(options);
        LogCapture logs;
        SmtpMailer mailer(config(url(sink, "auto", "p%40ss%3Aw0rd%2F%25")), clock);
        const Status s = mailer.send(codeMessage());
        INFO((s ? std::string() : s.error().message) << "\nsink:\n" << sink.transcript());
        REQUIRE(s.ok());
        auto envelope = SmtpSink::envelope(sink.nextDelivery());
        CHECK(envelope->getValue<bool>("tls"));
        CHECK(envelope->getValue<std::string>("auth_user") == "tessera@app");
        for (const auto& text : logs.channel->texts()) {
            INFO(text);
            CHECK(text.find("p@ss") == std::string::npos);
            CHECK(text.find("914276") == std::string::npos);
        }
    }
    SECTION("required, AUTH LOGIN when PLAIN is not offered") {
        options.push_back("--no-auth-plain");
        SmtpSink sink(options);
        SmtpMailer mailer(config(url(sink, "required", "p%40ss%3Aw0rd%2F%25")), clock);
        const Status s = mailer.send(codeMessage());
        INFO((s ? std::string() : s.error().message) << "\nsink:\n" << sink.transcript());
        REQUIRE(s.ok());
        auto envelope = SmtpSink::envelope(sink.nextDelivery());
        CHECK(envelope->getValue<bool>("tls"));
        CHECK(envelope->getValue<std::string>("auth_user") == "tessera@app");
    }
    SECTION("a wrong password is refused without repeating it") {
        SmtpSink sink(options);
        SmtpMailer mailer(config(url(sink, "auto", "wrong-hunter2")), clock);
        const Status s = mailer.send(codeMessage());
        requireUnavailable(s);
        CHECK(s.error().message.find("refused") != std::string::npos);
        CHECK(s.error().message.find("hunter2") == std::string::npos);
        CHECK(sink.deliveries().empty());
    }
}

TEST_CASE("SmtpMailer refuses a server certificate it cannot trust", "[mail]") {
    ManualClock clock;
    SECTION("not issued by a trusted CA") {
        TestCertificate certificate;
        SmtpSink sink(certificate.sinkOptions());
        SmtpMailer mailer(config("smtp://localhost:" + std::to_string(sink.port())), clock);  // no cafile
        const Status s = mailer.send(codeMessage());
        requireUnavailable(s);
        CHECK(s.error().message.find("TLS failed") != std::string::npos);
        CHECK(sink.deliveries().empty());
    }
    SECTION("trusted, but for another host name") {
        TestCertificate certificate("mail.tessera.test");
        SmtpSink sink(certificate.sinkOptions());
        SmtpMailer mailer(config("smtp://localhost:" + std::to_string(sink.port()) + "?cafile=" + certificate.cert), clock);
        const Status s = mailer.send(codeMessage());
        requireUnavailable(s);
        CHECK(s.error().message.find("TLS failed") != std::string::npos);
        CHECK(sink.deliveries().empty());
    }
}

TEST_CASE("SmtpMailer speaks TLS from the first byte with smtps://", "[mail]") {
    TestCertificate certificate;
    std::vector<std::string> options = certificate.sinkOptions();
    options.push_back("--implicit-tls");
    SmtpSink sink(options);
    ManualClock clock;
    SmtpMailer mailer(config("smtps://localhost:" + std::to_string(sink.port()) + "?cafile=" + certificate.cert), clock);
    const Status s = mailer.send(codeMessage());
    INFO((s ? std::string() : s.error().message) << "\nsink:\n" << sink.transcript());
    REQUIRE(s.ok());
    const auto eml = sink.nextDelivery();
    CHECK(SmtpSink::envelope(eml)->getValue<bool>("tls"));
    CHECK(SmtpSink::parsed(eml)->getValue<std::string>("text") == kCodeText);
}

TEST_CASE("SmtpMailer gives up after the timeout when the server does not answer", "[mail]") {
    // Listens (so connect succeeds) but never accepts, so no greeting ever comes.
    Poco::Net::ServerSocket silent(Poco::Net::SocketAddress("127.0.0.1", 0));
    ManualClock clock;
    SmtpMailer mailer(config("smtp://127.0.0.1:" + std::to_string(silent.address().port()) + "?timeout=1"), clock);
    const auto started = std::chrono::steady_clock::now();
    const Status s = mailer.send(codeMessage());
    const auto took = std::chrono::steady_clock::now() - started;
    requireUnavailable(s);
    CHECK(s.error().message.find("no answer within 1 seconds") != std::string::npos);
    CHECK(took < 10s);
}

TEST_CASE("parseSmtpUrl", "[mail]") {
    SECTION("everything") {
        auto c = parseSmtpUrl("SMTP://us%40er:p%2Fw%3Ad%25@mail.example.org:2525?starttls=OFF&timeout=5&helo=tessera.example&cafile=%2Fetc%2Fca.pem",
                              kFrom);
        REQUIRE(c.ok());
        CHECK(c->host == "mail.example.org");
        CHECK(c->port == 2525);
        CHECK(c->username == "us@er");
        CHECK(c->password == "p/w:d%");
        CHECK(c->startTls == StartTls::Off);
        CHECK_FALSE(c->implicitTls);
        CHECK(c->timeout == 5s);
        CHECK(c->heloName == "tessera.example");
        CHECK(c->caFile == "/etc/ca.pem");
        CHECK(c->from == kFrom);
    }
    SECTION("defaults") {
        auto c = parseSmtpUrl("smtp://mail.example.org", kFrom);
        REQUIRE(c.ok());
        CHECK(c->port == 25);
        CHECK(c->startTls == StartTls::Auto);
        CHECK(c->username.empty());
        CHECK(c->password.empty());
        CHECK(c->timeout == 30s);
        auto s = parseSmtpUrl("smtps://user:pw@mail.example.org/", kFrom);
        REQUIRE(s.ok());
        CHECK(s->implicitTls);
        CHECK(s->port == 465);
        CHECK(s->username == "user");
    }
    SECTION("IPv6") {
        auto c = parseSmtpUrl("smtp://[::1]:2525", kFrom);
        REQUIRE(c.ok());
        CHECK(c->host == "::1");
        CHECK(c->port == 2525);
    }
    SECTION("mistakes are Invalid errors that never repeat the password") {
        for (const char* url : {"", "mail.example.org", "http://u:hunter2@mail.example.org", "smtp://", "smtp://u:hunter2@",
                                "smtp://u:hunter2@mail.example.org:0", "smtp://u:hunter2@mail.example.org:65536",
                                "smtp://u:hunter2@mail.example.org:25x", "smtp://u:hunter2@mail.example.org:",
                                "smtp://u:hunter2@mail.example.org?startls=required", "smtp://u:hunter2@mail.example.org?starttls=maybe",
                                "smtps://u:hunter2@mail.example.org?starttls=required", "smtp://u:hunter2@mail.example.org?timeout=0",
                                "smtp://u:hunter2%zz@mail.example.org", "smtp://u:hunter2@mail.example.org/path",
                                "smtp://u:hunter2@mail.example.org#frag", "smtp://u:hunter2@::1:25", "smtp://u:hunter2@[::1",
                                "smtp://:hunter2@mail.example.org", "smtp://u:hunter2@mail example.org"}) {
            auto c = parseSmtpUrl(url, kFrom);
            INFO(url);
            REQUIRE_FALSE(c.ok());
            CHECK(c.error().kind == ErrorKind::Invalid);
            CHECK(c.error().code == "invalid_smtp_url");
            CHECK(c.error().message.find("hunter2") == std::string::npos);
        }
    }
    SECTION("the sender is checked too") {
        auto c = parseSmtpUrl("smtp://mail.example.org", "not an address");
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().code == "invalid_mail_from");
    }
}
