#include "support/RunningServer.h"

#include <sys/prctl.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QTcpServer>

#include <csignal>
#include <cstdio>
#include <stdexcept>

#include "support/BlockingHttp.h"
#include "support/EventLoopWait.h"

namespace tessera::reviewer::test {

namespace {

constexpr qsizetype kOutputLimit = 200'000;
constexpr int kStopGraceMs = 10'000;

// A port nobody listens on right now (another process may still take it before the server
// binds it: start() tries again then).
quint16 freePort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) throw std::runtime_error("no free port on 127.0.0.1");
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

bool envFlag(const char* name) { return qEnvironmentVariable(name) == "1"; }

DemoAccount fromJson(const QJsonObject& o) {
    return {o["email"].toString(),         o["name"].toString(),         o["password"].toString(),
            o["role"].toString("citizen"), o["secondFactor"].toString(), o["totpSecret"].toString()};
}

}  // namespace

QString RunningServer::program() {
    const QString fromEnv = qEnvironmentVariable("TESSERA_SERVER_BIN");
    if (!fromEnv.isEmpty()) return fromEnv;
    return QStringLiteral(TESSERA_BINARY_DIR "/server/tessera-server");
}

RunningServer::RunningServer() : RunningServer(Options{}) {}

RunningServer::RunningServer(Options options)
    : options_(std::move(options)), dataDir_(QDir::tempPath() + "/tessera-reviewer-test-XXXXXX") {
    if (!dataDir_.isValid()) throw std::runtime_error("cannot create a temporary data folder: " + dataDir_.errorString().toStdString());
    if (envFlag("TESSERA_REVIEWER_TEST_KEEP")) {
        dataDir_.setAutoRemove(false);
        std::fprintf(stderr, "# the test server's data folder: %s\n", qPrintable(dataDir_.path()));
    }
    if (!QFileInfo(program()).isExecutable())
        throw std::runtime_error("tessera-server not found at " + program().toStdString() +
                                 ": build it (cmake --build <dir> --target tessera-server) or set TESSERA_SERVER_BIN");
    QString failure;
    for (int attempt = 1; attempt <= 3; ++attempt) {
        port_ = freePort();
        launch();
        QString last;
        if (waitReady(last)) {
            if (options_.demo) loadCredentials();
            return;
        }
        const bool exited = !isRunning();
        finishProcess(false);
        failure = QString("tessera-server (%1) did not become ready on %2 (%3):\n%4")
                      .arg(program(), url().toString(), exited ? "it exited" : "timed out; last: " + last, output());
        // Another process may have taken the port between our check and the server's bind.
        if (!output().contains("already in use", Qt::CaseInsensitive) && !output().contains("listen", Qt::CaseInsensitive))
            break;
    }
    throw std::runtime_error(failure.toStdString());
}

RunningServer::~RunningServer() { finishProcess(true); }

QUrl RunningServer::url() const { return QUrl(QString("http://127.0.0.1:%1").arg(port_)); }

QUrl RunningServer::url(const QString& path) const { return QUrl(url().toString() + path); }

void RunningServer::launch() {
    auto process = std::make_unique<QProcess>();
    process->setProgram(program());
    process->setWorkingDirectory(QStringLiteral(TESSERA_SOURCE_DIR));
    process->setProcessChannelMode(QProcess::MergedChannels);

    // The caller's environment without its TESSERA_* settings: a developer's database or SMTP
    // server must not leak into the test server.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& name : env.keys())
        if (name.startsWith("TESSERA_")) env.remove(name);
    const QString address = url().toString();
    env.insert("TESSERA_HTTP_HOST", "127.0.0.1");
    env.insert("TESSERA_HTTP_PORT", QString::number(port_));
    env.insert("TESSERA_PUBLIC_URL", address);
    env.insert("TESSERA_DATA_DIR", dataDir_.path());
    env.insert("TESSERA_DEMO", options_.demo ? "1" : "0");
    env.insert("TESSERA_ARGON2_MEMORY_KIB", "8192");
    env.insert("TESSERA_ARGON2_ITERATIONS", "1");
    env.insert("TESSERA_RESOURCES_DIR", QStringLiteral(TESSERA_SOURCE_DIR "/resources"));
    env.insert("TESSERA_LOG_FORMAT", "text");
    env.insert("TESSERA_LOG_LEVEL", "warning");
    for (const QString& entry : options_.env) {
        const qsizetype eq = entry.indexOf('=');
        if (eq <= 0) throw std::runtime_error("RunningServer: env entry without '=': " + entry.toStdString());
        env.insert(entry.left(eq), entry.mid(eq + 1));
    }
    process->setProcessEnvironment(env);
    // The kernel kills the server if the test process dies (a crash or an abort), so no
    // server outlives its test run.
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });

    if (!output_) output_ = std::make_shared<QByteArray>();
    auto output = output_;
    const bool echo = envFlag("TESSERA_REVIEWER_TEST_SERVER_LOG");
    QProcess* raw = process.get();
    QObject::connect(raw, &QProcess::readyRead, raw, [raw, output, echo] {
        const QByteArray chunk = raw->readAll();
        if (echo) std::fwrite(chunk.constData(), 1, static_cast<size_t>(chunk.size()), stderr);
        if (output->size() < kOutputLimit) output->append(chunk);
    });
    process->start();
    if (!process->waitForStarted(10'000))
        throw std::runtime_error("cannot run " + program().toStdString() + ": " + process->errorString().toStdString());
    process_ = std::move(process);
}

bool RunningServer::waitReady(QString& lastAnswer) {
    QNetworkAccessManager network;
    QDeadlineTimer deadline(options_.readyTimeoutMs);
    lastAnswer = "no answer";
    while (!deadline.hasExpired()) {
        if (!isRunning()) return false;
        const HttpAnswer answer = httpExchange(network, "GET", url("/readyz"), {}, {}, 2'000);
        if (answer.status == 200) return true;
        lastAnswer = answer.status ? QString("HTTP %1").arg(answer.status) : answer.error;
        processEventsFor(100);
    }
    return false;
}

void RunningServer::loadCredentials() {
    QFile file(dataDir_.filePath("demo-credentials.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + file.fileName().toStdString() + ": " + file.errorString().toStdString());
    credentials_ = QJsonDocument::fromJson(file.readAll()).object();
}

DemoAccount RunningServer::demoAccount(const QString& role, const QString& secondFactor) const {
    for (const QJsonValue& value : credentials_["accounts"].toArray()) {
        const DemoAccount account = fromJson(value.toObject());
        if (account.role == role && (secondFactor.isEmpty() || account.secondFactor == secondFactor)) return account;
    }
    throw std::runtime_error(QString("no demo %1 with %2 in %3")
                                 .arg(role, secondFactor, dataDir_.filePath("demo-credentials.json"))
                                 .toStdString());
}

DemoAccount RunningServer::demoAccountByEmail(const QString& emailOrPrefix) const {
    for (const QJsonValue& value : credentials_["accounts"].toArray()) {
        const DemoAccount account = fromJson(value.toObject());
        if (account.email.compare(emailOrPrefix, Qt::CaseInsensitive) == 0 ||
            account.email.startsWith(emailOrPrefix + "@", Qt::CaseInsensitive))
            return account;
    }
    throw std::runtime_error("no demo account " + emailOrPrefix.toStdString());
}

bool RunningServer::isRunning() const { return process_ && process_->state() != QProcess::NotRunning; }

void RunningServer::finishProcess(bool gracefully) {
    if (!process_) return;
    if (process_->state() != QProcess::NotRunning) {
        if (gracefully) {
            process_->terminate();  // SIGTERM
            if (!process_->waitForFinished(kStopGraceMs)) {
                process_->kill();
                process_->waitForFinished(kStopGraceMs);
            }
        } else {
            process_->kill();  // SIGKILL
            process_->waitForFinished(kStopGraceMs);
        }
    }
    if (output_ && output_->size() < kOutputLimit) output_->append(process_->readAll());
    process_.reset();
}

void RunningServer::stop() { finishProcess(true); }

void RunningServer::kill() { finishProcess(false); }

void RunningServer::restart() {
    finishProcess(true);
    output_->append("\n--- restarted ---\n");
    launch();
    QString last;
    if (!waitReady(last)) {
        const bool exited = !isRunning();
        finishProcess(false);
        throw std::runtime_error(QString("tessera-server did not become ready again on %1 (%2):\n%3")
                                     .arg(url().toString(), exited ? "it exited" : "timed out; last: " + last, outputTail())
                                     .toStdString());
    }
}

QString RunningServer::output() const { return output_ ? QString::fromUtf8(*output_) : QString(); }

QString RunningServer::outputTail(int characters) const { return output().right(characters); }

}  // namespace tessera::reviewer::test
