#pragma once
// The real tessera-server for the workstation's tests, run as a separate program (QProcess): a
// free 127.0.0.1 port, a fresh data folder, demo data (TESSERA_DEMO=1), cheap Argon2, the
// repository's resources and none of the caller's TESSERA_* settings (as tests/e2e/support/
// server.mjs). It can be stopped (SIGTERM) and started again on the same port and data, or
// killed (SIGKILL), to test what the workstation does when the server goes away.
//
//   RunningServer server;                                 // started and ready, or it throws
//   auto reviewer = server.demoAccount("reviewer");
//   server.stop();  ...  server.restart();               // same port, same data
//
// The program: $TESSERA_SERVER_BIN, else <build dir>/server/tessera-server.
// TESSERA_REVIEWER_TEST_SERVER_LOG=1 echoes what the server prints to stderr;
// TESSERA_REVIEWER_TEST_KEEP=1 keeps the data folder (its path goes to stderr).
#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QProcess;

namespace tessera::reviewer::test {

// A demo account from DATA_DIR/demo-credentials.json.
struct DemoAccount {
    QString email;
    QString name;
    QString password;
    QString role;          // citizen, reviewer, senior_reviewer, admin
    QString secondFactor;  // totp or email
    QString totpSecret;    // base32; empty for email codes
};

class RunningServer {
public:
    struct Options {
        bool demo = true;
        QStringList env;            // extra "NAME=value" settings for the server
        int readyTimeoutMs = 60'000;
    };

    // Starts the server and waits for /readyz; throws std::runtime_error (with the server's
    // output) when it does not become ready.
    RunningServer();
    explicit RunningServer(Options options);
    ~RunningServer();  // stops it and removes the data folder
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    quint16 port() const { return port_; }
    QUrl url() const;                      // http://127.0.0.1:PORT
    QUrl url(const QString& path) const;   // the same with a path (and query), e.g. "/api/v1/review/counts"
    QString dataDir() const { return dataDir_.path(); }

    // demo-credentials.json as read at start.
    const QJsonObject& credentials() const { return credentials_; }
    // The first demo account with this role (and second factor); throws if there is none.
    DemoAccount demoAccount(const QString& role, const QString& secondFactor = "totp") const;
    // The demo account with this email, or whose email starts with "<prefix>@"; throws if none.
    DemoAccount demoAccountByEmail(const QString& emailOrPrefix) const;

    bool isRunning() const;
    // SIGTERM, waiting up to 10 s for it to exit (then SIGKILL). The data folder is kept.
    void stop();
    // SIGKILL (kill -9): no chance to finish anything. The data folder is kept.
    void kill();
    // Starts it again on the same port and data folder and waits for /readyz (throws if not ready).
    void restart();

    // What the server printed (stdout and stderr, the first 200 000 characters).
    QString output() const;
    // The last lines of output(), for a failure message.
    QString outputTail(int characters = 4000) const;

    // The program the tests run.
    static QString program();

private:
    void launch();
    bool waitReady(QString& lastAnswer);
    void loadCredentials();
    void finishProcess(bool gracefully);

    Options options_;
    QTemporaryDir dataDir_;
    quint16 port_ = 0;
    std::unique_ptr<QProcess> process_;
    std::shared_ptr<QByteArray> output_;
    QJsonObject credentials_;
};

}  // namespace tessera::reviewer::test
