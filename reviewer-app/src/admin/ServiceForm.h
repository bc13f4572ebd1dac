#pragma once
// What the service form holds while an administrator creates or edits a connected service, and
// the checks that need no server (a name, URLs that are absolute web addresses). Whatever
// passes here still goes to the server, whose field errors are the authority.
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "client/AdminTypes.h"
#include "client/Problem.h"

namespace tessera::reviewer {

struct ServiceForm {
    Q_DECLARE_TR_FUNCTIONS(ServiceForm)

public:
    QString id;       // empty for a new service
    QByteArray etag;  // of the service as read, for an edit
    QString name;
    QString description;
    QString logoUrl;
    QString redirectUris;            // one per line
    QString postLogoutRedirectUris;  // one per line
    QString backchannelLogoutUri;
    // What a new service starts with: the server's own defaults for a web application that
    // signs citizens in.
    QString clientType = QStringLiteral("confidential");
    QString tokenEndpointAuthMethod = QStringLiteral("client_secret_basic");
    QString jwksUri;
    QStringList grantTypes{QStringLiteral("authorization_code"), QStringLiteral("refresh_token")};
    QStringList allowedScopes{QStringLiteral("openid")};
    QStringList allowedClaims;
    int minLoa = 0;
    QString subjectType = QStringLiteral("pairwise");
    QString sectorIdentifier;
    QString idTokenAlg = QStringLiteral("ES256");
    QMap<QString, QString> consentText;  // language -> text; an empty text leaves the language out
    QString eventPushUrl;

    // The fields a form shows, as the server names them.
    static const QStringList& fields();

    static ServiceForm from(const ServiceRecord& service);
    bool isNew() const { return id.isEmpty(); }

    // The method a client type goes with when the administrator has not chosen one that fits:
    // a public client cannot keep a secret (none); a confidential one must authenticate.
    static QString authMethodFor(const QString& clientType, const QString& current);

    // The lines of a multi-line URL field, trimmed, blank lines left out.
    static QStringList lines(const QString& text);
    // Problems found without asking the server, named as the server would name them.
    QList<ProblemField> check() const;
    // The JSON to send: everything for a new service; for an edit, what differs from `before`.
    QJsonObject toJson(const ServiceRecord* before = nullptr) const;
};

}  // namespace tessera::reviewer
