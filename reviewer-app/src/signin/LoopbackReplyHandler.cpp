#include "signin/LoopbackReplyHandler.h"

#include <QHostAddress>
#include <QNetworkReply>

#include "signin/HttpLimits.h"
#include "signin/TokenSet.h"

namespace tessera::reviewer {

namespace {
constexpr const char* kCallbackPath = "/callback";
}  // namespace

// Qt's one-argument constructor listens on every address (QHostAddress::Any); the browser's
// answer carries the sign-in code, so only this machine may reach the port.
LoopbackReplyHandler::LoopbackReplyHandler(QObject* parent)
    : QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, parent) {
    setCallbackPath(QString::fromLatin1(kCallbackPath));
}

QString LoopbackReplyHandler::redirectUri() const {
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(QString::fromLatin1(kCallbackPath));
}

void LoopbackReplyHandler::networkReplyFinished(QNetworkReply* reply) {
    if (reply->error() == QNetworkReply::NoError) return QOAuthHttpServerReplyHandler::networkReplyFinished(reply);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const OAuthError error = status == 0 ? OAuthError{} : parseOAuthError(reply->read(kMaxResponseBytes));
    Q_EMIT tokenRequestFailed(status, error.error, error.description, reply->errorString());
}

}  // namespace tessera::reviewer
