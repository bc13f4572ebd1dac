#include "client/AdminTypes.h"

#include <QJsonArray>

namespace tessera::reviewer {

namespace {

QStringList texts(const QJsonValue& value) {
    QStringList out;
    for (const auto& v : value.toArray()) out.append(v.toString());
    return out;
}

QDateTime timeOf(const QJsonValue& value) {
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODate) : QDateTime();
}

QByteArray etagOr(const ApiResponse& response, qint64 version) {
    const QByteArray header = response.header("ETag");
    return header.isEmpty() ? "\"" + QByteArray::number(version) + "\"" : header;
}

template <class Item, class Page>
ApiResult<Page> readPage(const ApiResponse& response, Item (*item)(const QJsonObject&)) {
    const QJsonObject json = response.json.object();
    Page page;
    for (const auto& v : json.value("items").toArray()) page.items.append(item(v.toObject()));
    page.next = json.value("next").toString();
    return page;
}

}  // namespace

ServiceRecord serviceFromJson(const QJsonObject& json) {
    ServiceRecord s;
    s.id = json.value("id").toString();
    s.clientId = json.value("clientId").toString();
    s.name = json.value("name").toString();
    s.description = json.value("description").toString();
    s.redirectUris = texts(json.value("redirectUris"));
    s.postLogoutRedirectUris = texts(json.value("postLogoutRedirectUris"));
    s.logoUrl = json.value("logoUrl").toString();
    s.backchannelLogoutUri = json.value("backchannelLogoutUri").toString();
    s.clientType = json.value("clientType").toString();
    s.tokenEndpointAuthMethod = json.value("tokenEndpointAuthMethod").toString();
    s.jwksUri = json.value("jwksUri").toString();
    s.grantTypes = texts(json.value("grantTypes"));
    s.allowedScopes = texts(json.value("allowedScopes"));
    s.allowedClaims = texts(json.value("allowedClaims"));
    s.minLoa = json.value("minLoa").toInt();
    s.subjectType = json.value("subjectType").toString();
    s.sectorIdentifier = json.value("sectorIdentifier").toString();
    s.idTokenAlg = json.value("idTokenAlg").toString();
    const QJsonObject consent = json.value("consentText").toObject();
    for (auto it = consent.begin(); it != consent.end(); ++it) s.consentText.insert(it.key(), it.value().toString());
    s.eventPushUrl = json.value("eventPushUrl").toString();
    s.hasSecret = json.value("hasSecret").toBool();
    s.disabled = json.value("disabled").toBool();
    s.version = json.value("version").toInteger();
    s.etag = "\"" + QByteArray::number(s.version) + "\"";
    s.json = json;
    return s;
}

TermsVersion termsVersionFromJson(const QJsonObject& json) {
    TermsVersion t;
    t.id = json.value("id").toString();
    t.kind = json.value("kind").toString();
    t.language = json.value("language").toString();
    t.version = json.value("version").toInteger();
    t.status = json.value("status").toString();
    t.title = json.value("title").toString();
    t.body = json.value("body").toString();
    t.summaryOfChanges = json.value("summaryOfChanges").toString();
    t.effectiveAt = timeOf(json.value("effectiveAt"));
    t.createdAt = timeOf(json.value("createdAt"));
    return t;
}

StaffAccount accountFromJson(const QJsonObject& json) {
    StaffAccount a;
    a.id = json.value("id").toString();
    a.email = json.value("email").toString();
    a.name = json.value("name").toString();
    a.status = json.value("status").toString();
    a.roles = texts(json.value("roles"));
    return a;
}

ApiResult<ServiceRecord> readServiceRecord(const ApiResponse& response) {
    ServiceRecord s = serviceFromJson(response.json.object());
    s.etag = etagOr(response, s.version);
    return s;
}

ApiResult<ServiceWithSecret> readServiceWithSecret(const ApiResponse& response) {
    return ServiceWithSecret{readServiceRecord(response).value(), response.json.object().value("clientSecret").toString()};
}

ApiResult<ServicePage> readServicePage(const ApiResponse& response) {
    return readPage<ServiceRecord, ServicePage>(response, &serviceFromJson);
}

ApiResult<ServiceVocabulary> readServiceVocabulary(const ApiResponse& response) {
    const QJsonObject json = response.json.object();
    ServiceVocabulary v;
    v.clientTypes = texts(json.value("clientTypes"));
    v.tokenEndpointAuthMethods = texts(json.value("tokenEndpointAuthMethods"));
    v.grantTypes = texts(json.value("grantTypes"));
    v.scopes = texts(json.value("scopes"));
    v.claims = texts(json.value("claims"));
    v.subjectTypes = texts(json.value("subjectTypes"));
    v.idTokenAlgs = texts(json.value("idTokenAlgs"));
    v.consentLanguages = texts(json.value("consentLanguages"));
    if (v.isEmpty())
        return localProblem(kBadAnswerCode, Problem::tr("The server did not say which values a service may be given."), false);
    return v;
}

ApiResult<TermsVersion> readTermsVersion(const ApiResponse& response) {
    TermsVersion t = termsVersionFromJson(response.json.object());
    t.etag = response.header("ETag");
    return t;
}

ApiResult<TermsVersionPage> readTermsVersionPage(const ApiResponse& response) {
    return readPage<TermsVersion, TermsVersionPage>(response, &termsVersionFromJson);
}

ApiResult<StaffAccount> readStaffAccount(const ApiResponse& response) { return accountFromJson(response.json.object()); }

ApiResult<AccountPage> readAccountPage(const ApiResponse& response) {
    return readPage<StaffAccount, AccountPage>(response, &accountFromJson);
}

}  // namespace tessera::reviewer
