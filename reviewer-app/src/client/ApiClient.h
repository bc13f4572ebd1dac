#pragma once
// The one place the workstation speaks HTTP to the server. JSON in and out; an error answer
// becomes a Problem (application/problem+json parsed, or one of our own when no answer came);
// every request has a timeout (for silence: it starts again while bytes move); TLS certificates
// are always verified (there is no way to ignore an error); redirects are not followed (a token
// must not travel to another address); a 401 triggers one refresh of the credentials through
// ApiAuth, then the request is sent once more. Nothing is cached or written to disk.
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

#include "client/ApiAuth.h"
#include "client/ApiRequest.h"
#include "client/ApiResult.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace tessera::reviewer {

class ApiClient : public QObject {
    Q_OBJECT

public:
    using Callback = std::function<void(const ApiReply&)>;

    static constexpr int kDefaultTimeoutMs = 30'000;
    static constexpr qint64 kDefaultMaxJsonBytes = 16 * 1024 * 1024;

    explicit ApiClient(const QUrl& baseUrl = {}, QObject* parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const { return baseUrl_; }
    void setBaseUrl(const QUrl& url) { baseUrl_ = url; }
    void setAuth(ApiAuth auth) { auth_ = std::move(auth); }
    int timeoutMs() const { return timeoutMs_; }
    void setTimeoutMs(int ms) { timeoutMs_ = ms; }

    // Sends `request`; `done` runs once, later, on this thread's event loop, with the answer,
    // unless `context` (when given) has been destroyed by then, or this client has.
    void send(const ApiRequest& request, QObject* context, Callback done);

    // The absolute URL of `path` (a path from the server root, possibly with a query) on this
    // server; empty when `path` names another server.
    QUrl resolve(const QString& path, const QUrlQuery& extraQuery = {}) const;

    // Requests sent and not yet answered.
    int pending() const { return pending_; }

signals:
    // An answer was 401 and refreshing the credentials did not help: the reviewer must sign in.
    void signInRequired(const tessera::reviewer::Problem& problem);

private:
    struct Call;
    void dispatch(const std::shared_ptr<Call>& call);
    void finished(const std::shared_ptr<Call>& call, QNetworkReply* reply);
    void refreshThenRetry(const std::shared_ptr<Call>& call);
    void deliver(const std::shared_ptr<Call>& call, const ApiReply& reply);

    QUrl baseUrl_;
    ApiAuth auth_;
    int timeoutMs_ = kDefaultTimeoutMs;
    int pending_ = 0;
    QNetworkAccessManager* network_;
    bool refreshing_ = false;
    QList<std::shared_ptr<Call>> waitingForRefresh_;
};

}  // namespace tessera::reviewer
