#include "client/ApiClient.h"

#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

#include "tessera/shared/Version.h"

namespace tessera::reviewer {

namespace {

// What we know of a reply besides what Qt says: whether we cut it off, and why.
struct Cutoff {
    bool timedOut = false;
    bool tooLarge = false;
};

// The server's address without path or query (a media URL's query is its token): safe to show.
QString serverName(const QUrl& url) { return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString(); }

Problem noAnswerProblem(QNetworkReply::NetworkError error, const QUrl& url, const Cutoff& cutoff, int timeoutMs) {
    if (cutoff.timedOut)
        return localProblem(kTimeoutCode,
                            Problem::tr("The server did not answer within %1 seconds. Check the network connection "
                                        "and try again.")
                                .arg((timeoutMs + 999) / 1000),
                            true);
    if (cutoff.tooLarge)
        return localProblem(kTooLargeCode, Problem::tr("The server's answer is larger than the workstation accepts."),
                            false);
    switch (error) {
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::InsecureRedirectError:
            return localProblem(kTlsErrorCode,
                                Problem::tr("The identity of the server at %1 could not be verified (its TLS "
                                            "certificate), so nothing was sent. Check the server address, or ask "
                                            "your IT support.")
                                    .arg(serverName(url)),
                                true);
        case QNetworkReply::RemoteHostClosedError:
            return localProblem(kNetworkErrorCode,
                                Problem::tr("The connection to the server was lost before it answered."), true);
        default:
            return localProblem(kNetworkErrorCode,
                                Problem::tr("The server at %1 cannot be reached. Check the network connection.")
                                    .arg(serverName(url)),
                                true);
    }
}

QNetworkRequest networkRequest(const QUrl& url, const ApiRequest& request, const HeaderList& authHeaders) {
    QNetworkRequest out(url);
    out.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    out.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    out.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
#if QT_CONFIG(ssl)
    if (url.scheme() == "https") {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        out.setSslConfiguration(tls);
    }
#endif
    out.setHeader(QNetworkRequest::UserAgentHeader,
                  QByteArray("tessera-reviewer/") + QByteArray::fromStdString(std::string(productVersion())));
    out.setRawHeader("Accept", request.jsonAnswer ? "application/json, application/problem+json" : "*/*");
    if (!request.body.isEmpty()) out.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    if (!request.idempotencyKey.isEmpty()) out.setRawHeader("Idempotency-Key", request.idempotencyKey);
    if (!request.ifMatch.isEmpty()) out.setRawHeader("If-Match", request.ifMatch);
    for (const auto& [name, value] : request.headers) out.setRawHeader(name, value);
    for (const auto& [name, value] : authHeaders) out.setRawHeader(name, value);
    return out;
}

}  // namespace

struct ApiClient::Call {
    ApiRequest request;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback done;
    bool refreshed = false;  // credentials were refreshed once for this call already
    Problem unauthorized;    // the 401 that started a refresh
};

ApiClient::ApiClient(const QUrl& baseUrl, QObject* parent)
    : QObject(parent), baseUrl_(baseUrl), network_(new QNetworkAccessManager(this)) {
    // No cache and no cookie file: nothing of a case reaches the disk.
    network_->setCache(nullptr);
}

ApiClient::~ApiClient() {
    // Replies die with the network manager; none may call back into a half-destroyed client.
    for (QNetworkReply* reply : network_->findChildren<QNetworkReply*>()) {
        QObject::disconnect(reply, nullptr, this, nullptr);
        reply->abort();
    }
}

QUrl ApiClient::resolve(const QString& path, const QUrlQuery& extraQuery) const {
    if (!baseUrl_.isValid() || baseUrl_.host().isEmpty()) return {};
    QUrl relative(path, QUrl::StrictMode);
    if (!relative.isValid()) return {};
    if (!relative.isRelative() || !relative.host().isEmpty()) {
        // An absolute address from the server: only on this same server.
        if (relative.scheme() != baseUrl_.scheme() || relative.host().compare(baseUrl_.host(), Qt::CaseInsensitive) != 0 ||
            relative.port(-1) != baseUrl_.port(-1))
            return {};
    } else if (!path.startsWith('/')) {
        return {};
    }
    QUrl url = baseUrl_;
    QString basePath = baseUrl_.path(QUrl::FullyEncoded);
    while (basePath.endsWith('/')) basePath.chop(1);
    url.setPath(basePath + relative.path(QUrl::FullyEncoded), QUrl::TolerantMode);
    QString query = relative.query(QUrl::FullyEncoded);
    const QString extra = extraQuery.query(QUrl::FullyEncoded);
    if (!extra.isEmpty()) query = query.isEmpty() ? extra : query + '&' + extra;
    if (query.isEmpty()) url.setQuery(QString());
    else url.setQuery(query, QUrl::TolerantMode);
    url.setFragment(QString());
    return url;
}

void ApiClient::send(const ApiRequest& request, QObject* context, Callback done) {
    auto call = std::make_shared<Call>();
    call->request = request;
    call->context = context;
    call->hasContext = context != nullptr;
    call->done = std::move(done);
    ++pending_;
    dispatch(call);
}

void ApiClient::dispatch(const std::shared_ptr<Call>& call) {
    const ApiRequest& request = call->request;
    const QUrl url = resolve(request.path, request.query);
    if (url.isEmpty()) {
        const Problem problem =
            baseUrl_.isEmpty() ? localProblem("no_server", tr("Enter the address of the Tessera server first."), false)
                               : localProblem("invalid_address", tr("This address is not on the Tessera server."), false);
        QTimer::singleShot(0, this, [this, call, problem] { deliver(call, problem); });
        return;
    }
    const QNetworkRequest outgoing = networkRequest(url, request, auth_.headers ? auth_.headers() : HeaderList{});
    QNetworkReply* reply = request.method == "GET" ? network_->get(outgoing)
                                                   : network_->sendCustomRequest(outgoing, request.method, request.body);

    // The timeout is for silence: it starts again whenever bytes move, so a long video on a
    // slow line still arrives while a server that says nothing is given up on.
    auto cutoff = std::make_shared<Cutoff>();
    const int timeoutMs = request.timeoutMs > 0 ? request.timeoutMs : timeoutMs_;
    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, cutoff] {
        cutoff->timedOut = true;
        reply->abort();
    });
    timer->start(timeoutMs);
    connect(reply, &QNetworkReply::uploadProgress, timer, [timer, timeoutMs] { timer->start(timeoutMs); });
    const qint64 maxBytes = request.maxBytes > 0 ? request.maxBytes : kDefaultMaxJsonBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply,
            [reply, cutoff, maxBytes, timer, timeoutMs](qint64 received, qint64 total) {
                timer->start(timeoutMs);
                if (received > maxBytes || total > maxBytes) {
                    cutoff->tooLarge = true;
                    reply->abort();
                }
            });
    connect(reply, &QNetworkReply::finished, this, [this, call, reply, cutoff, url, timeoutMs, timer] {
        timer->stop();
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0 || cutoff->timedOut || cutoff->tooLarge)
            return deliver(call, noAnswerProblem(reply->error(), url, *cutoff, timeoutMs));
        finished(call, reply);
    });
}

void ApiClient::finished(const std::shared_ptr<Call>& call, QNetworkReply* reply) {
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (status >= 400) {
        Problem problem = problemFromAnswer(status, contentType, body);
        if (status == 401) {
            if (auth_.refresh && !call->refreshed) {
                call->unauthorized = problem;
                return refreshThenRetry(call);
            }
            emit signInRequired(problem);
        }
        return deliver(call, problem);
    }
    if (status < 200 || status >= 300) {
        Problem problem = localProblem(kBadAnswerCode, tr("The server gave an answer the workstation does not expect."), false);
        problem.status = status;
        return deliver(call, problem);
    }
    ApiResponse response;
    response.status = status;
    response.body = body;
    response.headers = reply->rawHeaderPairs();
    if (call->request.jsonAnswer && !body.isEmpty()) {
        QJsonParseError error{};
        response.json = QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError) {
            Problem problem = localProblem(kBadAnswerCode, tr("The server's answer could not be read."), false);
            problem.status = status;
            return deliver(call, problem);
        }
    }
    deliver(call, response);
}

void ApiClient::refreshThenRetry(const std::shared_ptr<Call>& call) {
    call->refreshed = true;
    waitingForRefresh_.append(call);
    if (refreshing_) return;  // one refresh serves every call that hit the 401
    refreshing_ = true;
    QPointer<ApiClient> self(this);
    auto answered = std::make_shared<bool>(false);
    auth_.refresh([self, answered](bool refreshed) {
        if (!self || *answered) return;
        *answered = true;
        self->refreshing_ = false;
        const auto waiting = std::exchange(self->waitingForRefresh_, {});
        if (refreshed) {
            for (const auto& c : waiting) self->dispatch(c);
            return;
        }
        if (!waiting.isEmpty()) emit self->signInRequired(waiting.first()->unauthorized);
        for (const auto& c : waiting) {
            if (!self) return;  // a callback may close the client
            self->deliver(c, c->unauthorized);
        }
    });
}

void ApiClient::deliver(const std::shared_ptr<Call>& call, const ApiReply& reply) {
    --pending_;
    if (call->hasContext && !call->context) return;
    if (call->done) call->done(reply);
}

}  // namespace tessera::reviewer
