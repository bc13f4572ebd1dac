// TLS is verified: a server whose certificate the system does not trust gets nothing, however
// it answers, and the reviewer reads why.
#include <catch2/catch.hpp>

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTemporaryDir>

#include "ClientTestSupport.h"

using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

// A self-signed certificate for 127.0.0.1, made with the openssl tool.
struct SelfSigned {
    QTemporaryDir dir;
    QSslCertificate certificate;
    QSslKey key;

    SelfSigned() {
        QProcess openssl;
        openssl.start("openssl", {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                  "-keyout", dir.filePath("key.pem"), "-out", dir.filePath("cert.pem"), "-days", "1",
                                  "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
        REQUIRE(openssl.waitForFinished(30'000));
        INFO(openssl.readAllStandardError().toStdString());
        REQUIRE(openssl.exitCode() == 0);
        QFile certFile(dir.filePath("cert.pem"));
        QFile keyFile(dir.filePath("key.pem"));
        REQUIRE(certFile.open(QIODevice::ReadOnly));
        REQUIRE(keyFile.open(QIODevice::ReadOnly));
        certificate = QSslCertificate(certFile.readAll(), QSsl::Pem);
        key = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
        REQUIRE_FALSE(certificate.isNull());
        REQUIRE_FALSE(key.isNull());
    }
};

}  // namespace

TEST_CASE("a server with an untrusted certificate is refused before anything is sent", "[reviewer-client][api][tls]") {
    SelfSigned selfSigned;
    QSslServer server;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(selfSigned.certificate);
    tls.setPrivateKey(selfSigned.key);
    server.setSslConfiguration(tls);
    int handshakesDone = 0;
    QObject::connect(&server, &QSslServer::pendingConnectionAvailable, [&] {
        while (QTcpSocket* socket = server.nextPendingConnection()) {
            ++handshakesDone;  // only an encrypted connection gets here
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
            socket->disconnectFromHost();
        }
    });
    REQUIRE(server.listen(QHostAddress::LocalHost, 0));

    ApiClient client(QUrl(QString("https://127.0.0.1:%1").arg(server.serverPort())));
    client.setAuth(bearerAuth([] { return QByteArray("access-token"); }));
    ReviewApi api(client);
    auto counts = await<CaseCounts>([&](auto done) { api.counts(nullptr, done); });
    REQUIRE(counts);
    REQUIRE_FALSE(counts->ok());
    CHECK(counts->problem().code == "tls_error");
    CHECK(counts->problem().message().contains("could not be verified"));
    CHECK(handshakesDone == 0);
}
