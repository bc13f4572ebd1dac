// Where the refresh token is kept: the keychain or, without one, this run's memory; never a file.
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>

#include "SignInTestSupport.h"
#include "support/EventLoopWait.h"
#include "signin/TokenVault.h"

using namespace tessera::reviewer;
using tessera::reviewer::test::IsolatedHome;
using tessera::reviewer::test::waitFor;

namespace {
const QByteArray kKeychainTestToken = "rt-keychain-test-7Hc2QmVx9LpA0sWnE4yRbT6uKdZ1fJgO3iXaNq8Mv";
}  // namespace

TEST_CASE("without a keychain the vault says so, keeps the token in memory only and writes no file",
          "[signin][vault]") {
    IsolatedHome home;
    REQUIRE(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation).startsWith(home.path()));
    const QByteArray token = "rt-vault-test-c2h0z6vYawAP1noLXSZLApkFQeaCjECUZGpMLVSIc";

    TokenVault vault(QStringLiteral("http://127.0.0.1:9"));
    CHECK(vault.status() == TokenVault::Status::Unknown);
    QString loaded = QStringLiteral("unset");
    vault.load(&vault, [&](const QString& t) { loaded = t; });
    REQUIRE(waitFor([&] { return loaded != QStringLiteral("unset"); }));
    CHECK(loaded.isEmpty());
    CHECK(vault.status() == TokenVault::Status::MemoryOnly);
    INFO(vault.statusMessage().toStdString());
    CHECK(vault.statusMessage().contains("No keychain"));
    CHECK(vault.statusMessage().contains("sign in again"));

    int written = 0;
    QObject::connect(&vault, &TokenVault::written, [&] { ++written; });
    vault.store(QString::fromLatin1(token));
    REQUIRE(waitFor([&] { return written == 1; }));
    loaded = QStringLiteral("unset");
    vault.load(&vault, [&](const QString& t) { loaded = t; });
    REQUIRE(waitFor([&] { return loaded != QStringLiteral("unset"); }));
    CHECK(loaded == QString::fromLatin1(token));  // for the rest of this session

    QSettings().sync();
    CHECK(home.filesContaining(token).isEmpty());
    CHECK(home.filesContaining(token.left(20)).isEmpty());

    vault.clear();
    REQUIRE(waitFor([&] { return written == 2; }));
    loaded = QStringLiteral("unset");
    vault.load(&vault, [&](const QString& t) { loaded = t; });
    REQUIRE(waitFor([&] { return loaded != QStringLiteral("unset"); }));
    CHECK(loaded.isEmpty());
}

TEST_CASE("a new vault in a run without a keychain starts with nothing", "[signin][vault]") {
    IsolatedHome home;
    TokenVault first(QStringLiteral("http://127.0.0.1:9"));
    int written = 0;
    QObject::connect(&first, &TokenVault::written, [&] { ++written; });
    first.store(QStringLiteral("rt-not-kept-across-runs"));
    REQUIRE(waitFor([&] { return written == 1; }));
    CHECK(first.status() == TokenVault::Status::MemoryOnly);

    TokenVault next(QStringLiteral("http://127.0.0.1:9"));  // as after a restart of the workstation
    QString loaded = QStringLiteral("unset");
    next.load(&next, [&](const QString& t) { loaded = t; });
    REQUIRE(waitFor([&] { return loaded != QStringLiteral("unset"); }));
    CHECK(loaded.isEmpty());
    CHECK(next.status() == TokenVault::Status::MemoryOnly);
    CHECK(home.filesContaining("rt-not-kept-across-runs").isEmpty());
}

TEST_CASE("a sign-out right after a sign-in leaves nothing behind, whatever the keychain answers later",
          "[signin][vault]") {
    IsolatedHome home;
    TokenVault vault(QStringLiteral("http://127.0.0.1:9"));
    int written = 0;
    QObject::connect(&vault, &TokenVault::written, [&] { ++written; });
    vault.store(QStringLiteral("rt-stored-then-cleared"));  // both asked before the keychain answers
    vault.clear();
    REQUIRE(waitFor([&] { return written == 2; }));
    QString loaded = QStringLiteral("unset");
    vault.load(&vault, [&](const QString& t) { loaded = t; });
    REQUIRE(waitFor([&] { return loaded != QStringLiteral("unset"); }));
    CHECK(loaded.isEmpty());
}

// With a real Secret Service (gnome-keyring, when this machine has it): the test runs its own
// hidden half in a private D-Bus session where a keyring daemon was unlocked, so the reviewer's
// own keychain and session bus are never touched. Skipped where gnome-keyring is not installed.
TEST_CASE("with a keychain the refresh token survives a restart, and only in the keychain",
          "[signin][vault][secret-service]") {
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    const QString runSession = QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
    if (daemon.isEmpty() || runSession.isEmpty()) {
        WARN("skipped: gnome-keyring-daemon or dbus-run-session is not installed (no Secret Service to test with)");
        return;
    }
    IsolatedHome home;
    tessera::reviewer::test::EnvironmentOverride env;
    env.set("TESSERA_TEST_SECRET_SERVICE_CHILD", "1");
    env.set("TESSERA_TEST_KEYRING_PASSWORD", "keyring passphrase of the test");
    QProcess child;
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(runSession,
                {"--", "sh", "-c",
                 "printf '%s' \"$TESSERA_TEST_KEYRING_PASSWORD\" | gnome-keyring-daemon --unlock --components=secrets "
                 ">/dev/null && exec \"$0\" '[.secret-service-child]'",
                 QCoreApplication::applicationFilePath()});
    REQUIRE(child.waitForStarted());
    const bool finished = child.waitForFinished(60'000);
    if (!finished) child.kill();
    const QByteArray output = child.readAll();
    INFO(output.toStdString());
    REQUIRE(finished);
    CHECK(child.exitCode() == 0);
    CHECK(output.contains("All tests passed"));
    CHECK(home.filesContaining(kKeychainTestToken).isEmpty());  // the keyring file is encrypted
}

TEST_CASE("(child of the keychain test) store, read back after a restart, clear", "[.secret-service-child]") {
    REQUIRE(qgetenv("TESSERA_TEST_SECRET_SERVICE_CHILD") == "1");
    const QString server = QStringLiteral("http://127.0.0.1:9");
    {
        TokenVault vault(server);
        int written = 0;
        QObject::connect(&vault, &TokenVault::written, [&] { ++written; });
        vault.store(QString::fromLatin1(kKeychainTestToken));
        REQUIRE(waitFor([&] { return written == 1; }));
        INFO(vault.statusMessage().toStdString());
        REQUIRE(vault.status() == TokenVault::Status::Keychain);
    }
    TokenVault restarted(server);
    QString loaded = QStringLiteral("unset");
    restarted.load(&restarted, [&](const QString& t) { loaded = t; });
    REQUIRE(waitFor([&] { return loaded != QStringLiteral("unset"); }));
    CHECK(loaded == QString::fromLatin1(kKeychainTestToken));
    CHECK(restarted.status() == TokenVault::Status::Keychain);

    TokenVault otherServer(QStringLiteral("https://other.example.gov"));
    QString other = QStringLiteral("unset");
    otherServer.load(&otherServer, [&](const QString& t) { other = t; });
    REQUIRE(waitFor([&] { return other != QStringLiteral("unset"); }));
    CHECK(other.isEmpty());  // one entry per server address

    int written = 0;
    QObject::connect(&restarted, &TokenVault::written, [&] { ++written; });
    restarted.clear();
    REQUIRE(waitFor([&] { return written == 1; }));
    loaded = QStringLiteral("unset");
    restarted.load(&restarted, [&](const QString& t) { loaded = t; });
    REQUIRE(waitFor([&] { return loaded != QStringLiteral("unset"); }));
    CHECK(loaded.isEmpty());
}
