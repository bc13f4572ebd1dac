#include "signin/TokenRequests.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include "signin/HttpLimits.h"

namespace tessera::reviewer {

namespace {

// The translation context of these texts (lupdate reads Text::tr calls).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(TokenRequests)
};

// application/x-www-form-urlencoded, with '+' and the other reserved characters escaped.
QByteArray formBody(const QList<QPair<QString, QString>>& fields) {
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty()) body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QNetworkReply* postForm(QNetworkAccessManager& network, const QUrl& url, const QByteArray& body) {
    QNetworkRequest request(url);
    request.setTransferTimeout(kHttpTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    // Tokens must never sit in a cache, nor be sent again by a redirect to another host.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = network.post(request, body);
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    return reply;
}

int httpStatus(QNetworkReply* reply) { return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); }

SignInProblem unreachable(QNetworkReply* reply) {
    const int status = httpStatus(reply);
    return {SignInProblem::Kind::Unreachable,
            status == 0 ? Text::tr("The server could not be reached (%1). The workstation will try again.")
                              .arg(reply->errorString())
                        : Text::tr("The server could not answer (HTTP %1). The workstation will try again.").arg(status)};
}

bool definitiveRefusal(int status) { return status >= 400 && status < 500; }

}  // namespace

void requestRefresh(QNetworkAccessManager& network, const PublicClient& client, const QString& refreshToken,
                    QObject* context, std::function<void(TokenOutcome)> done) {
    QNetworkReply* reply = postForm(network, client.endpoints.token,
                                    formBody({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                              {QStringLiteral("refresh_token"), refreshToken},
                                              {QStringLiteral("client_id"), client.clientId}}));
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
        const int status = httpStatus(reply);
        const QByteArray body = reply->read(kMaxResponseBytes);
        TokenOutcome outcome;
        if (status == 200) {
            outcome.tokens = parseTokenResponse(body, QDateTime::currentSecsSinceEpoch());
            if (!outcome.tokens)
                outcome.problem = {SignInProblem::Kind::Unreachable,
                                   Text::tr("The server's answer to a token refresh could not be read. "
                                      "The workstation will try again.")};
            return done(outcome);
        }
        if (!definitiveRefusal(status)) {
            outcome.problem = unreachable(reply);
            return done(outcome);
        }
        outcome.oauthError = parseOAuthError(body);
        outcome.problem = {SignInProblem::Kind::Refused,
                           Text::tr("Your sign-in has ended: the server no longer accepts it (%1). Sign in again.")
                               .arg(outcome.oauthError.error.isEmpty() ? QString::number(status)
                                                                       : outcome.oauthError.error)};
        done(outcome);
    });
}

void requestRevocation(QNetworkAccessManager& network, const PublicClient& client, const QString& token,
                       TokenKind kind, QObject* context, std::function<void(std::optional<SignInProblem>)> done) {
    if (client.endpoints.revocation.isEmpty())
        return done(SignInProblem{SignInProblem::Kind::Misconfigured,
                                  Text::tr("The server offers no way to revoke tokens; the sign-in ends when it expires.")});
    QNetworkReply* reply = postForm(network, client.endpoints.revocation,
                                    formBody({{QStringLiteral("token"), token},
                                              {QStringLiteral("token_type_hint"),
                                               kind == TokenKind::Refresh ? QStringLiteral("refresh_token")
                                                                          : QStringLiteral("access_token")},
                                              {QStringLiteral("client_id"), client.clientId}}));
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
        const int status = httpStatus(reply);
        if (status == 200) return done(std::nullopt);
        if (!definitiveRefusal(status)) return done(unreachable(reply));
        const OAuthError error = parseOAuthError(reply->read(kMaxResponseBytes));
        done(SignInProblem{SignInProblem::Kind::Refused,
                           Text::tr("The server refused to revoke the sign-in (%1).")
                               .arg(error.error.isEmpty() ? QString::number(status) : error.error)});
    });
}

}  // namespace tessera::reviewer
