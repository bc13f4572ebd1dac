#include "support/BlockingHttp.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

namespace tessera::reviewer::test {

QByteArray HttpAnswer::header(const QByteArray& name) const {
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
    return {};
}

QJsonObject HttpAnswer::json() const { return QJsonDocument::fromJson(body).object(); }

QString HttpAnswer::describe() const {
    if (status == 0) return "no answer: " + error;
    return QString("HTTP %1: %2").arg(status).arg(QString::fromUtf8(body.left(2000)));
}

HttpAnswer httpExchange(QNetworkAccessManager& network, const QByteArray& verb, const QUrl& url,
                        const QByteArray& body, const HeaderList& headers, int timeoutMs) {
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!body.isEmpty()) request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    for (const auto& [name, value] : headers) request.setRawHeader(name, value);
    QNetworkReply* reply = body.isEmpty() && verb == "GET" ? network.get(request)
                                                            : network.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished()) loop.exec();

    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.headers = reply->rawHeaderPairs();
    if (answer.status == 0) answer.error = timedOut ? QString("timed out after %1 ms").arg(timeoutMs) : reply->errorString();
    reply->deleteLater();
    return answer;
}

HttpAnswer httpPostJson(QNetworkAccessManager& network, const QUrl& url, const QJsonObject& body,
                        const HeaderList& headers) {
    return httpExchange(network, "POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

}  // namespace tessera::reviewer::test
