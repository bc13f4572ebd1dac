#include "client/ServerAddress.h"

#include <QHostAddress>
#include <QObject>

namespace tessera::reviewer {

namespace {

bool isLoopbackHost(const QString& host) {
    if (host.compare("localhost", Qt::CaseInsensitive) == 0) return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

ServerAddressCheck refused(const QString& why) { return {QUrl(), why}; }

}  // namespace

ServerAddressCheck checkServerAddress(const QString& typed) {
    const QString text = typed.trimmed();
    if (text.isEmpty()) return refused(QObject::tr("Enter the address of the Tessera server."));
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return refused(QObject::tr("Enter a full address, such as https://id.example.gov.uk."));
    if (!url.userInfo().isEmpty()) return refused(QObject::tr("The address must not contain a user name or password."));
    if (url.hasQuery() || url.hasFragment()) return refused(QObject::tr("The address must not contain ? or #."));
    const QString scheme = url.scheme().toLower();
    if (scheme != "https" && !(scheme == "http" && isLoopbackHost(url.host())))
        return refused(QObject::tr("The address must start with https:// (plain http only on this computer)."));
    QString path = url.path();
    while (path.endsWith('/')) path.chop(1);
    url.setPath(path);
    url.setScheme(scheme);
    return {url, QString()};
}

}  // namespace tessera::reviewer
