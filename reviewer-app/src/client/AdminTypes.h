#pragma once
// What the administration API (/api/v1/admin/*) answers, as values: connected services, terms
// versions and staff accounts with their roles, each with the ETag a change must quote.
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "client/ApiResult.h"

namespace tessera::reviewer {

struct ServiceRecord {
    QString id;
    QString clientId;
    QString name;
    QString description;
    QStringList redirectUris;
    QStringList postLogoutRedirectUris;
    QString logoUrl;
    QString backchannelLogoutUri;
    QString clientType;
    QString tokenEndpointAuthMethod;
    QString jwksUri;
    QStringList grantTypes;
    QStringList allowedScopes;
    QStringList allowedClaims;
    int minLoa = 0;
    QString subjectType;
    QString sectorIdentifier;
    QString idTokenAlg;
    QMap<QString, QString> consentText;  // language -> why the service asks
    QString eventPushUrl;
    bool hasSecret = false;
    bool disabled = false;
    qint64 version = 0;
    QByteArray etag;   // from the ETag header when the answer had one, else "\"version\""
    QJsonObject json;  // the whole answer, for the members the pages do not name
};

struct ServicePage {
    QList<ServiceRecord> items;
    QString next;  // cursor for the next page; empty on the last
};

// A service as created or after a secret rotation: the secret is in this answer only.
struct ServiceWithSecret {
    ServiceRecord service;
    QString clientSecret;
};

// The values a service may be given (GET /api/v1/admin/services/vocabulary), so the form
// offers choices the server accepts rather than free text.
struct ServiceVocabulary {
    QStringList clientTypes;
    QStringList tokenEndpointAuthMethods;
    QStringList grantTypes;
    QStringList scopes;
    QStringList claims;
    QStringList subjectTypes;
    QStringList idTokenAlgs;
    QStringList consentLanguages;

    bool isEmpty() const { return clientTypes.isEmpty(); }
};

struct TermsVersion {
    QString id;
    QString kind;
    QString language;
    qint64 version = 0;
    QString status;  // "draft", "scheduled", "in_force", "superseded" (as the server says)
    QString title;
    QString body;  // only when read one by one
    QString summaryOfChanges;
    QDateTime effectiveAt;  // invalid for a draft
    QDateTime createdAt;
    QByteArray etag;

    bool isDraft() const { return status == QLatin1String("draft"); }
};

struct TermsVersionPage {
    QList<TermsVersion> items;
    QString next;
};

struct StaffAccount {
    QString id;
    QString email;
    QString name;
    QString status;
    QStringList roles;
};

struct AccountPage {
    QList<StaffAccount> items;
    QString next;
};

ServiceRecord serviceFromJson(const QJsonObject& json);
TermsVersion termsVersionFromJson(const QJsonObject& json);
StaffAccount accountFromJson(const QJsonObject& json);

ApiResult<ServiceRecord> readServiceRecord(const ApiResponse& response);
ApiResult<ServiceWithSecret> readServiceWithSecret(const ApiResponse& response);
ApiResult<ServicePage> readServicePage(const ApiResponse& response);
ApiResult<ServiceVocabulary> readServiceVocabulary(const ApiResponse& response);
ApiResult<TermsVersion> readTermsVersion(const ApiResponse& response);
ApiResult<TermsVersionPage> readTermsVersionPage(const ApiResponse& response);
ApiResult<StaffAccount> readStaffAccount(const ApiResponse& response);
ApiResult<AccountPage> readAccountPage(const ApiResponse& response);

}  // namespace tessera::reviewer
