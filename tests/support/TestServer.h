#pragma once
// A real tessera server for integration tests: its own data folder, a fresh database on the
// chosen backend, a manual clock the test moves, mail written to an outbox folder the test
// reads, listening on a free loopback port.
#include <memory>
#include <string>
#include <vector>

#include "infra/Clock.h"
#include "infra/Settings.h"
#include "support/TempDir.h"
#include "support/TestDatabase.h"
#include "web/Application.h"

namespace tessera::test {

struct MailSeen {
    std::string to, subject, body;  // body: decoded text part
};

class TestServer {
public:
    // backend: "sqlite" or "postgresql"; tweak: adjust settings before start.
    explicit TestServer(const std::string& backend = "sqlite",
                        const std::function<void(infra::Settings&)>& tweak = {});
    ~TestServer();

    int port() const;
    std::string baseUrl() const;  // http://127.0.0.1:PORT
    infra::ManualClock& clock() { return *clock_; }
    web::Application& app() { return *app_; }
    web::Services& services() { return app_->services(); }
    store::Database& db() { return app_->database(); }
    const infra::Settings& settings() const { return app_->settings(); }

    // Every message written to the outbox so far, oldest first.
    std::vector<MailSeen> mails() const;
    // The newest message to `to`; throws if there is none.
    MailSeen lastMailTo(const std::string& to) const;
    // The first run of `digits` consecutive digits in the newest mail to `to` (a one-time code).
    std::string lastCodeSentTo(const std::string& to, std::size_t digits = 6) const;

private:
    TempDir dir_;
    std::unique_ptr<TestDatabase> database_;
    std::shared_ptr<infra::ManualClock> clock_;
    std::unique_ptr<web::Application> app_;
};

}  // namespace tessera::test
