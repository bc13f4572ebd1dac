#include "support/TestServer.h"

#include <Poco/Net/MailMessage.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>

#include "support/Paths.h"

namespace fs = std::filesystem;

namespace tessera::test {

namespace {

// Collects the text/plain part of a multipart message.
class TextPart final : public Poco::Net::PartHandler {
public:
    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
        std::string body;
        Poco::StreamCopier::copyToString(stream, body);
        if (text.empty() && header.get("Content-Type", "text/plain").find("text/plain") != std::string::npos) text = body;
    }
    std::string text;
};

MailSeen readMail(const fs::path& file) {
    std::ifstream in(file);
    Poco::Net::MailMessage m;
    TextPart part;
    m.read(in, part);
    MailSeen seen;
    seen.to = m.recipients().empty() ? m.get("To", "") : m.recipients().front().getAddress();
    seen.subject = Poco::Net::MailMessage::decodeWord(m.getSubject());
    seen.body = part.text.empty() ? m.getContent() : part.text;
    return seen;
}

}  // namespace

TestServer::TestServer(const std::string& backend, const std::function<void(infra::Settings&)>& tweak)
    : database_(std::make_unique<TestDatabase>(backend, /*migrate=*/false)),
      clock_(std::make_shared<infra::ManualClock>()) {
    database_->close();  // the server opens its own pool and migrates
    infra::Settings s;
    s.httpHost = "127.0.0.1";
    s.httpPort = 0;
    s.httpThreads = 8;
    s.dataDir = dir_.path();
    s.databaseUrl = database_->url();
    s.resourcesDir = resourcesDir();
    s.cookieSecure = false;
    s.logLevel = "warning";
    // No built-in workstation client, so a test's services are the ones it registers; tests of
    // the workstation's sign-in set workstation.client_id.
    s.workstationClientId.clear();
    if (tweak) tweak(s);
    auto app = web::Application::create(s, clock_, nullptr);
    if (!app) throw std::runtime_error("test server did not start: " + app.error().message);
    app_ = std::move(*app);
    app_->start();
}

TestServer::~TestServer() {
    if (app_) app_->stop(5);
    app_.reset();
}

int TestServer::port() const { return app_->port(); }

std::string TestServer::baseUrl() const { return "http://127.0.0.1:" + std::to_string(port()); }

std::vector<MailSeen> TestServer::mails() const {
    std::vector<fs::path> files;
    const fs::path dir = app_->settings().outboxDir();
    std::error_code ec;
    if (fs::is_directory(dir, ec)) {
        for (const auto& e : fs::directory_iterator(dir))
            if (e.path().extension() == ".eml") files.push_back(e.path());
    }
    // Real modification time orders the messages; the name breaks ties.
    std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
        auto ta = fs::last_write_time(a), tb = fs::last_write_time(b);
        return ta != tb ? ta < tb : a.filename() < b.filename();
    });
    std::vector<MailSeen> out;
    for (const auto& f : files) out.push_back(readMail(f));
    return out;
}

MailSeen TestServer::lastMailTo(const std::string& to) const {
    auto all = mails();
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (it->to == to) return *it;
    throw std::runtime_error("no mail was sent to " + to);
}

std::string TestServer::lastCodeSentTo(const std::string& to, std::size_t digits) const {
    const MailSeen m = lastMailTo(to);
    std::regex re("(^|[^0-9])([0-9]{" + std::to_string(digits) + "})([^0-9]|$)");
    std::smatch match;
    if (!std::regex_search(m.body, match, re)) throw std::runtime_error("no code in the mail to " + to);
    return match[2];
}

}  // namespace tessera::test
