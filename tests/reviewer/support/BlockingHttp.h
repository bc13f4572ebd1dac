#pragma once
// One HTTP exchange, waited for on the event loop: for test set-up (signing in, reading what the
// server holds) where the code under test is not the one speaking HTTP.
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace tessera::reviewer::test {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpAnswer {
    int status = 0;                 // 0 when no HTTP answer came (see `error`)
    QByteArray body;
    HeaderList headers;             // as received
    QString error;                  // the network error, empty when an answer came

    QByteArray header(const QByteArray& name) const;  // case-insensitive; empty if absent
    QJsonObject json() const;                         // the body as a JSON object (empty if it is not one)
    // "HTTP 403: {...}" or the network error: for failure messages.
    QString describe() const;
};

// Sends `verb` to `url` with `headers` (and `body`, sent as JSON when not empty); waits up to
// `timeoutMs`. Redirects are not followed.
HttpAnswer httpExchange(QNetworkAccessManager& network, const QByteArray& verb, const QUrl& url,
                        const QByteArray& body = {}, const HeaderList& headers = {}, int timeoutMs = 30'000);

inline HttpAnswer httpGet(QNetworkAccessManager& network, const QUrl& url, const HeaderList& headers = {}) {
    return httpExchange(network, "GET", url, {}, headers);
}
HttpAnswer httpPostJson(QNetworkAccessManager& network, const QUrl& url, const QJsonObject& body,
                        const HeaderList& headers = {});

}  // namespace tessera::reviewer::test
