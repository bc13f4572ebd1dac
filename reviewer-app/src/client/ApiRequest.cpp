#include "client/ApiRequest.h"

#include <QJsonDocument>
#include <QUrl>

namespace tessera::reviewer {

namespace {

ApiRequest make(const QByteArray& method, const QString& path) {
    ApiRequest request;
    request.method = method;
    request.path = path;
    return request;
}

QByteArray compact(const QJsonObject& body) { return QJsonDocument(body).toJson(QJsonDocument::Compact); }

}  // namespace

ApiRequest ApiRequest::get(const QString& path, const QUrlQuery& query) {
    ApiRequest request = make("GET", path);
    request.query = query;
    return request;
}

ApiRequest ApiRequest::post(const QString& path, const QJsonObject& body) { return make("POST", path).withBody(compact(body)); }

ApiRequest ApiRequest::post(const QString& path) { return make("POST", path); }

ApiRequest ApiRequest::put(const QString& path, const QJsonObject& body) { return make("PUT", path).withBody(compact(body)); }

ApiRequest ApiRequest::patch(const QString& path, const QJsonObject& body) {
    return make("PATCH", path).withBody(compact(body));
}

ApiRequest ApiRequest::del(const QString& path) { return make("DELETE", path); }

QString pathSegment(const QString& text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); }

}  // namespace tessera::reviewer
