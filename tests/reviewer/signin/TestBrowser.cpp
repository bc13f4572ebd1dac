#include "TestBrowser.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace tessera::reviewer::test {

BrowserSignIn::OpenUrl TestBrowser::opener() {
    return [this](const QUrl& url) {
        opened = true;
        authorizationUrl = url;
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply* reply = session_.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply] {
            reply->deleteLater();
            authorizeStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            redirect = reply->header(QNetworkRequest::LocationHeader).toUrl();
            if (authorizeStatus != 302 || redirect.isEmpty()) return;
            const QUrl target = alterRedirect ? alterRedirect(redirect) : redirect;
            QNetworkReply* back = loopback_.get(QNetworkRequest(target));
            QObject::connect(back, &QNetworkReply::finished, back, [this, back] {
                back->deleteLater();
                page = back->readAll();
                pageShown = true;
            });
        });
        return true;
    };
}

QUrl withQueryValue(const QUrl& url, const QString& name, const QString& value) {
    QUrlQuery query(url);
    query.removeAllQueryItems(name);
    query.addQueryItem(name, value);
    QUrl out = url;
    out.setQuery(query);
    return out;
}

}  // namespace tessera::reviewer::test
