#include "signin/OidcDiscovery.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

#include "signin/HttpLimits.h"

namespace tessera::reviewer {

namespace {

// The translation context of these texts (lupdate reads Text::tr calls).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(OidcDiscovery)
};

DiscoveryResult misconfigured(const QString& message) {
    return {std::nullopt, {SignInProblem::Kind::Misconfigured, message}};
}

// Same rule as the server address: TLS, except on the reviewer's own machine.
bool acceptableEndpoint(const QUrl& url) {
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasFragment()) return false;
    if (url.scheme() == QLatin1String("https")) return true;
    const QString host = url.host().toLower();
    return url.scheme() == QLatin1String("http") &&
           (host == QLatin1String("127.0.0.1") || host == QLatin1String("::1") || host == QLatin1String("localhost"));
}

}  // namespace

QUrl withoutTrailingSlash(const QUrl& url) {
    QUrl out = url;
    QString path = out.path();
    while (path.endsWith(QLatin1Char('/'))) path.chop(1);
    out.setPath(path);
    return out;
}

QUrl discoveryUrlFor(const QUrl& server) {
    QUrl url = withoutTrailingSlash(server);
    url.setPath(url.path() + QLatin1String("/.well-known/openid-configuration"));
    return url;
}

DiscoveryResult parseDiscovery(const QByteArray& json, const QUrl& server) {
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return misconfigured(Text::tr("The server's OpenID Connect configuration could not be read. "
                                "Check the server address in the settings."));
    const QJsonObject o = document.object();

    OidcEndpoints endpoints;
    endpoints.issuer = o.value(QLatin1String("issuer")).toString();
    if (endpoints.issuer.isEmpty() || withoutTrailingSlash(QUrl(endpoints.issuer)) != withoutTrailingSlash(server))
        return misconfigured(Text::tr("The server calls itself %1, not %2: check the server address in the settings, "
                                "or ask the operator to set the server's public address.")
                                 .arg(endpoints.issuer.isEmpty() ? Text::tr("(nothing)") : endpoints.issuer,
                                      withoutTrailingSlash(server).toString()));

    const auto endpoint = [&](const char* name, bool required, QUrl& out) {
        const QString text = o.value(QLatin1String(name)).toString();
        if (text.isEmpty()) return !required;
        out = QUrl(text, QUrl::StrictMode);
        return acceptableEndpoint(out);
    };
    if (!endpoint("authorization_endpoint", true, endpoints.authorization) ||
        !endpoint("token_endpoint", true, endpoints.token) ||
        !endpoint("revocation_endpoint", false, endpoints.revocation) ||
        !endpoint("end_session_endpoint", false, endpoints.endSession))
        return misconfigured(Text::tr("The server's sign-in addresses are missing or do not use TLS (https)."));

    const QJsonArray methods = o.value(QLatin1String("code_challenge_methods_supported")).toArray();
    if (!methods.contains(QJsonValue(QLatin1String("S256"))))
        return misconfigured(Text::tr("The server does not offer PKCE with S256, which the workstation needs to sign in safely."));
    return {std::move(endpoints), {}};
}

void fetchDiscovery(QNetworkAccessManager& network, const QUrl& server, QObject* context,
                    std::function<void(DiscoveryResult)> done) {
    QNetworkRequest request(discoveryUrlFor(server));
    request.setTransferTimeout(kHttpTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply* reply = network.get(request);
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, server, done = std::move(done)] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError && status == 0)
            return done({std::nullopt,
                         {SignInProblem::Kind::Unreachable,
                          Text::tr("The server at %1 could not be reached (%2). Check the network and the server address.")
                              .arg(server.toString(), reply->errorString())}});
        if (status != 200)
            return done({std::nullopt,
                         {status >= 500 ? SignInProblem::Kind::Unreachable : SignInProblem::Kind::Misconfigured,
                          Text::tr("The server at %1 did not give its OpenID Connect configuration (HTTP %2).")
                              .arg(server.toString())
                              .arg(status)}});
        done(parseDiscovery(reply->read(kMaxResponseBytes), server));
    });
}

}  // namespace tessera::reviewer
