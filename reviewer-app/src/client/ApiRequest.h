#pragma once
// One call to the server's REST API, as ApiClient sends it. Built with the named constructors:
//   ApiRequest::post("/api/v1/review/cases/" + id + "/decision", body).withIdempotencyKey(key)
#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

#include "client/ApiResult.h"

namespace tessera::reviewer {

struct ApiRequest {
    QByteArray method = "GET";
    QString path;          // from the server root, e.g. "/api/v1/review/cases"; may carry "?query"
    QUrlQuery query;       // added to the path's own query
    QByteArray body;       // JSON, sent when not empty
    QByteArray idempotencyKey;  // sent as Idempotency-Key: the same key makes a retry harmless
    QByteArray ifMatch;         // sent as If-Match: the ETag the change is based on
    HeaderList headers;         // any other, e.g. Range
    int timeoutMs = 0;          // 0: the client's default
    qint64 maxBytes = 0;        // 0: the client's default limit for JSON answers
    bool jsonAnswer = true;     // parse the answer body as JSON

    static ApiRequest get(const QString& path, const QUrlQuery& query = {});
    static ApiRequest post(const QString& path, const QJsonObject& body);
    static ApiRequest post(const QString& path);  // no body
    static ApiRequest put(const QString& path, const QJsonObject& body);
    static ApiRequest patch(const QString& path, const QJsonObject& body);
    static ApiRequest del(const QString& path);

    ApiRequest& withIdempotencyKey(const QByteArray& key) { idempotencyKey = key; return *this; }
    ApiRequest& withIfMatch(const QByteArray& etag) { ifMatch = etag; return *this; }
    ApiRequest& withHeader(const QByteArray& name, const QByteArray& value) { headers.append({name, value}); return *this; }
    ApiRequest& withTimeout(int ms) { timeoutMs = ms; return *this; }
    ApiRequest& withBody(const QByteArray& json) { body = json; return *this; }
};

// A path segment made safe for a URL path (an id the server gave us, percent-encoded).
QString pathSegment(const QString& text);

}  // namespace tessera::reviewer
