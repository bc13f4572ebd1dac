// OutboxMailer: .eml files that parse back (checked with Poco and with Python's email package),
// written atomically, never logged with their body. Also the MIME pieces and makeMailer.
#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "infra/Clock.h"
#include "infra/mail/MakeMailer.h"
#include "infra/mail/MimeWriter.h"
#include "infra/mail/OutboxMailer.h"
#include "infra/mail/SmtpMailer.h"
#include "support/ChildProcess.h"
#include "support/Paths.h"

namespace fs = std::filesystem;
using namespace tessera;
using namespace tessera::infra;
using tessera::test::ChildProcess;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "tessera-mail-XXXXXX").string();
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

std::vector<fs::path> filesIn(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(dir)) out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Parses a stored message with Python's email package (tests/support/smtp_sink.py parse).
Poco::JSON::Object::Ptr parseWithPython(const fs::path& eml) {
    const std::string script = test::sourceDir() + "/tests/support/smtp_sink.py";
    auto result = ChildProcess::run("/usr/bin/python3", {script, "parse", eml.string()}, std::chrono::seconds(30),
                                    ChildProcess::Options().withStderr(ChildProcess::Stderr::Merge));
    INFO("python3 email parser said: " << result.output);
    REQUIRE(result.exitStatus == 0);
    return Poco::JSON::Parser().parse(result.output).extract<Poco::JSON::Object::Ptr>();
}

std::string unixLines(std::string s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
        out += s[i];
    }
    return out;
}

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

const std::string kFrom = "Tessera <no-reply@tessera.example>";

MailMessage codeMessage() {
    MailMessage m;
    m.to = "ada@example.org";
    m.subject = "Your sign-in code";
    m.textBody = "Your code is 914276.\nIt expires in 10 minutes.\n";
    return m;
}

}  // namespace

TEST_CASE("OutboxMailer writes each message as a complete .eml file", "[mail]") {
    TempDir tmp;
    const fs::path outbox = tmp.path / "var" / "outbox";  // missing: created on first send
    ManualClock clock;                                     // 1'800'000'000 = 2027-01-15 08:00:00 UTC
    OutboxMailer mailer(outbox.string(), kFrom, clock);

    const Status sent = mailer.send(codeMessage());
    INFO((sent ? std::string() : sent.error().message));
    REQUIRE(sent.ok());

    const auto files = filesIn(outbox);
    REQUIRE(files.size() == 1);  // no temp file left behind
    const fs::path eml = files.front();
    CHECK(eml.extension() == ".eml");
    CHECK(eml.filename().string().rfind("20270115T080000.000Z-", 0) == 0);

    struct stat st {};
    REQUIRE(::stat(outbox.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    REQUIRE(::stat(eml.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    const std::string bytes = readFile(eml);
    CHECK(bytes.find("From: Tessera <no-reply@tessera.example>\r\n") != std::string::npos);
    CHECK(bytes.find("To: ada@example.org\r\n") != std::string::npos);
    CHECK(bytes.find("Subject: Your sign-in code\r\n") != std::string::npos);
    CHECK(bytes.find("Date: Fri, 15 Jan 2027 08:00:00 +0000\r\n") != std::string::npos);
    CHECK(bytes.find("MIME-Version: 1.0\r\n") != std::string::npos);
    CHECK(bytes.find("Content-Type: text/plain; charset=utf-8\r\n") != std::string::npos);
    CHECK(bytes.find("Content-Transfer-Encoding: 7bit\r\n") != std::string::npos);
    CHECK(bytes.find("Message-ID: <") != std::string::npos);
    CHECK(bytes.find("@tessera.example>\r\n") != std::string::npos);
    // Every line ends with CRLF and the message is 7-bit.
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        INFO("byte " << i);
        REQUIRE(static_cast<unsigned char>(bytes[i]) < 0x80);
        if (bytes[i] == '\n') REQUIRE((i > 0 && bytes[i - 1] == '\r'));
    }

    SECTION("Poco parses it back") {
        std::istringstream in(bytes);
        Poco::Net::MailMessage parsed;
        parsed.read(in);
        CHECK(parsed.getSender() == "Tessera <no-reply@tessera.example>");
        CHECK(parsed.getSubject() == "Your sign-in code");
        CHECK(parsed.get("To") == "ada@example.org");
        CHECK(parsed.getContentType() == "text/plain; charset=utf-8");
        CHECK(unixLines(parsed.getContent()) == "Your code is 914276.\nIt expires in 10 minutes.\n");
        CHECK(parsed.getDate().epochTime() == 1'800'000'000);
    }
    SECTION("Python's email package parses it back without defects") {
        auto parsed = parseWithPython(eml);
        CHECK(parsed->getValue<std::string>("from") == "Tessera <no-reply@tessera.example>");
        CHECK(parsed->getValue<std::string>("to") == "ada@example.org");
        CHECK(parsed->getValue<std::string>("subject") == "Your sign-in code");
        CHECK(parsed->getValue<std::string>("auto_submitted") == "auto-generated");
        CHECK(parsed->getValue<std::string>("text") == "Your code is 914276.\nIt expires in 10 minutes.\n");
        CHECK(parsed->getArray("defects")->size() == 0);
    }
}

TEST_CASE("OutboxMailer encodes non-ASCII subjects and bodies", "[mail]") {
    TempDir tmp;
    ManualClock clock;
    OutboxMailer mailer(tmp.path.string(), "Seirbheis Teasaire <fios@tessera.example>", clock);

    MailMessage m;
    m.to = "Màiri Nic a' Phearsain <mairi@example.org>";
    m.subject = "Do chòd clàraidh a-steach — Votre code de connexion à Tessera, valable 10 minutes ✓";
    m.textBody = "Failte, a Mhàiri!\r\nCòd: 914276\n" + std::string(120, 'x') + " = fin \n.\nA line ending in a space \n";
    REQUIRE(mailer.send(m).ok());

    const auto files = filesIn(tmp.path);
    REQUIRE(files.size() == 1);
    const std::string bytes = readFile(files.front());
    CHECK(bytes.find("Subject: =?UTF-8?B?") != std::string::npos);
    CHECK(bytes.find("Content-Transfer-Encoding: quoted-printable\r\n") != std::string::npos);
    std::istringstream lines(bytes);
    for (std::string line; std::getline(lines, line);) {
        INFO(line);
        CHECK(line.size() <= 79);  // 78 + the '\r' getline leaves
    }

    auto parsed = parseWithPython(files.front());
    CHECK(parsed->getValue<std::string>("subject") == m.subject);
    CHECK(parsed->getValue<std::string>("from") == "Seirbheis Teasaire <fios@tessera.example>");
    CHECK(parsed->getValue<std::string>("to") == "Màiri Nic a' Phearsain <mairi@example.org>");
    CHECK(parsed->getValue<std::string>("text") == unixLines(m.textBody) + "");
    CHECK(parsed->getArray("defects")->size() == 0);

    std::istringstream in(bytes);
    Poco::Net::MailMessage poco;
    poco.read(in);  // decodes quoted-printable
    CHECK(unixLines(poco.getContent()) == unixLines(m.textBody));
}

TEST_CASE("OutboxMailer writes multipart/alternative when there is an HTML body", "[mail]") {
    TempDir tmp;
    ManualClock clock;
    OutboxMailer mailer(tmp.path.string(), kFrom, clock);
    MailMessage m = codeMessage();
    m.htmlBody = "<p>Your code is <strong>914276</strong>.</p>\n<p>Ça expire bientôt.</p>\n";
    m.headers = {{"Message-ID", "<fixed-id-1@tessera.example>"}, {"X-Tessera-Template", "sign-in-code"}};
    REQUIRE(mailer.send(m).ok());

    const auto files = filesIn(tmp.path);
    REQUIRE(files.size() == 1);
    const std::string bytes = readFile(files.front());
    CHECK(bytes.find("Content-Type: multipart/alternative;") != std::string::npos);
    CHECK(bytes.find("Message-ID: <fixed-id-1@tessera.example>\r\n") != std::string::npos);
    CHECK(bytes.find("X-Tessera-Template: sign-in-code\r\n") != std::string::npos);

    auto parsed = parseWithPython(files.front());
    CHECK(parsed->getValue<std::string>("content_type") == "multipart/alternative");
    CHECK(parsed->getValue<std::string>("message_id") == "<fixed-id-1@tessera.example>");
    CHECK(parsed->getValue<std::string>("text") == "Your code is 914276.\nIt expires in 10 minutes.\n");
    CHECK(parsed->getValue<std::string>("html") == *m.htmlBody);
    CHECK(parsed->getArray("defects")->size() == 0);
}

TEST_CASE("OutboxMailer names files in time order and never repeats a name", "[mail]") {
    TempDir tmp;
    ManualClock clock;
    OutboxMailer mailer(tmp.path.string(), kFrom, clock);
    for (int i = 0; i < 20; ++i) {
        REQUIRE(mailer.send(codeMessage()).ok());
        if (i % 2 == 1) clock.advanceMillis(1500);
    }
    const auto files = filesIn(tmp.path);
    REQUIRE(files.size() == 20);
    std::vector<std::string> prefixes;
    for (const auto& f : files) prefixes.push_back(f.filename().string().substr(0, 20));
    CHECK(prefixes.front() == "20270115T080000.000Z");
    CHECK(prefixes.back() == "20270115T080013.500Z");
    CHECK(std::is_sorted(prefixes.begin(), prefixes.end()));
}

TEST_CASE("OutboxMailer refuses bad messages and writes nothing", "[mail]") {
    TempDir tmp;
    ManualClock clock;
    OutboxMailer mailer(tmp.path.string(), kFrom, clock);

    MailMessage m = codeMessage();
    SECTION("header injection through the subject") {
        m.subject = "Hello\r\nBcc: everyone@example.org";
        const Status s = mailer.send(m);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().kind == ErrorKind::Invalid);
        CHECK(s.error().code == "invalid_mail_header");
    }
    SECTION("an invalid recipient") {
        for (const char* to : {"", "not an address", "a@b@c", "ada@example.org, eve@example.org", "ada@exa mple.org",
                               "ada@example.org\r\nBcc: eve@example.org", "ädä@example.org"}) {
            m.to = to;
            const Status s = mailer.send(m);
            INFO(to);
            REQUIRE_FALSE(s.ok());
            CHECK(s.error().code == "invalid_recipient");
        }
    }
    SECTION("a header the mailer writes itself") {
        m.headers = {{"bcc", "eve@example.org"}};
        CHECK(mailer.send(m).error().code == "invalid_mail_header");
        m.headers = {{"Content-Type", "text/html"}};
        CHECK(mailer.send(m).error().code == "invalid_mail_header");
        m.headers = {{"X-Ok", "line\nbreak"}};
        CHECK(mailer.send(m).error().code == "invalid_mail_header");
        m.headers = {{"Message-ID", "no-brackets@example.org"}};
        CHECK(mailer.send(m).error().code == "invalid_mail_header");
    }
    SECTION("an invalid sender") {
        OutboxMailer bad(tmp.path.string(), "nobody", clock);
        CHECK(bad.send(m).error().code == "invalid_sender");
    }
    CHECK(filesIn(tmp.path).empty());
}

TEST_CASE("OutboxMailer reports an unusable outbox folder as unavailable", "[mail]") {
    TempDir tmp;
    ManualClock clock;
    std::ofstream(tmp.path / "blocker") << "a file where the folder should be";
    OutboxMailer mailer((tmp.path / "blocker" / "outbox").string(), kFrom, clock);
    Status s = Status::success();
    REQUIRE_NOTHROW(s = mailer.send(codeMessage()));
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().kind == ErrorKind::Unavailable);
    CHECK(s.error().code == "mail_unavailable");
    CHECK(s.error().message.find("blocker") != std::string::npos);
}

TEST_CASE("OutboxMailer logs the file path but never the body", "[mail]") {
    TempDir tmp;
    ManualClock clock;
    OutboxMailer mailer(tmp.path.string(), kFrom, clock);
    LogCapture capture;
    REQUIRE(mailer.send(codeMessage()).ok());
    const auto files = filesIn(tmp.path);
    REQUIRE(files.size() == 1);
    const auto texts = capture.channel->texts();
    REQUIRE_FALSE(texts.empty());
    bool pathLogged = false;
    for (const auto& t : texts) {
        INFO(t);
        CHECK(t.find("914276") == std::string::npos);
        CHECK(t.find("expires") == std::string::npos);
        if (t.find(files.front().string()) != std::string::npos) pathLogged = true;
    }
    CHECK(pathLogged);
}

TEST_CASE("MIME helpers", "[mail]") {
    SECTION("base64") {
        CHECK(mime::base64("") == "");
        CHECK(mime::base64("f") == "Zg==");
        CHECK(mime::base64("fo") == "Zm8=");
        CHECK(mime::base64("foo") == "Zm9v");
        CHECK(mime::base64(std::string("\0\xff", 2)) == "AP8=");
    }
    SECTION("quoted-printable keeps lines short and protects trailing space") {
        const std::string qp = mime::quotedPrintable(std::string(200, 'a') + "\r\nend \r\n=\xc3\xa9\r\n");
        std::istringstream lines(qp);
        for (std::string line; std::getline(lines, line);) CHECK(line.size() <= 77);  // 76 + '\r'
        CHECK(qp.find("end=20\r\n") != std::string::npos);
        CHECK(qp.find("=3D=C3=A9\r\n") != std::string::npos);
    }
    SECTION("unstructured headers: plain ASCII is folded, anything else encoded") {
        CHECK(mime::encodeUnstructured("Hello world", 9) == "Hello world");
        const std::string folded = mime::encodeUnstructured(std::string(50, 'a') + " " + std::string(50, 'b'), 9);
        CHECK(folded == std::string(50, 'a') + "\r\n " + std::string(50, 'b'));
        CHECK(mime::encodeUnstructured("caf\xc3\xa9", 9) == "=?UTF-8?B?Y2Fmw6k=?=");
        CHECK(mime::encodeUnstructured("looks =?like?= a word", 9).rfind("=?UTF-8?B?", 0) == 0);
    }
    SECTION("addresses") {
        auto a = mime::parseAddress("  \"Doe, Jane\" <jane.doe+tag@mail.example.org> ");
        REQUIRE(a.ok());
        CHECK(a->displayName == "Doe, Jane");
        CHECK(a->addrSpec == "jane.doe+tag@mail.example.org");
        CHECK(mime::formatAddress(*a) == "\"Doe, Jane\" <jane.doe+tag@mail.example.org>");
        CHECK(mime::isAddrSpec("a@localhost"));
        CHECK_FALSE(mime::isAddrSpec(".a@example.org"));
        CHECK_FALSE(mime::isAddrSpec("a..b@example.org"));
        CHECK_FALSE(mime::isAddrSpec("a@-example.org"));
        CHECK_FALSE(mime::isAddrSpec("a@example..org"));
        CHECK_FALSE(mime::parseAddress("A <a@example.org> <b@example.org>").ok());
    }
    SECTION("dates") {
        CHECK(mime::formatDate(0) == "Thu, 01 Jan 1970 00:00:00 +0000");
        CHECK(mime::formatDate(1'800'000'000) == "Fri, 15 Jan 2027 08:00:00 +0000");
    }
}

TEST_CASE("makeMailer picks the outbox or SMTP and checks the settings", "[mail]") {
    TempDir tmp;
    ManualClock clock;
    SECTION("no SMTP URL: the outbox") {
        auto mailer = makeMailer("", tmp.path.string(), kFrom, clock);
        REQUIRE(mailer.ok());
        auto* outbox = dynamic_cast<OutboxMailer*>(mailer->get());
        REQUIRE(outbox != nullptr);
        CHECK(outbox->directory() == tmp.path.string());
    }
    SECTION("an SMTP URL: SMTP") {
        auto mailer = makeMailer("smtp://mailer:s3cret@mail.example.org:587?starttls=required", tmp.path.string(), kFrom, clock);
        REQUIRE(mailer.ok());
        auto* smtp = dynamic_cast<SmtpMailer*>(mailer->get());
        REQUIRE(smtp != nullptr);
        CHECK(smtp->config().host == "mail.example.org");
        CHECK(smtp->config().port == 587);
        CHECK(smtp->config().startTls == StartTls::Required);
    }
    SECTION("a bad SMTP URL is an Invalid error that does not repeat the password") {
        auto mailer = makeMailer("smtp://mailer:s3cret@mail.example.org:99999", tmp.path.string(), kFrom, clock);
        REQUIRE_FALSE(mailer.ok());
        CHECK(mailer.error().kind == ErrorKind::Invalid);
        CHECK(mailer.error().message.find("s3cret") == std::string::npos);
    }
    SECTION("a bad sender") {
        auto mailer = makeMailer("", tmp.path.string(), "no-reply", clock);
        REQUIRE_FALSE(mailer.ok());
        CHECK(mailer.error().code == "invalid_mail_from");
    }
}
