#include "admin/ServiceForm.h"

#include <QJsonArray>
#include <QUrl>

namespace tessera::reviewer {

namespace {

bool isAbsolute(const QString& text) {
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.isRelative() && !url.host().isEmpty();
}

ProblemField notAbsolute(const QString& field) {
    return {field, QStringLiteral("not_absolute"),
            ServiceForm::tr("Must be an absolute URL such as https://service.example/callback.")};
}

void checkUrls(QList<ProblemField>& errors, const QString& field, const QStringList& urls) {
    for (qsizetype i = 0; i < urls.size(); ++i) {
        const QString member = QStringLiteral("%1[%2]").arg(field).arg(i);
        if (!isAbsolute(urls[i]))
            errors.append(notAbsolute(member));
        else if (QUrl(urls[i]).hasFragment())
            errors.append({member, QStringLiteral("fragment_not_allowed"),
                           ServiceForm::tr("Must not contain a fragment (#...).")});
    }
}

void checkOptionalUrl(QList<ProblemField>& errors, const QString& field, const QString& text) {
    if (!text.trimmed().isEmpty() && !isAbsolute(text.trimmed())) errors.append(notAbsolute(field));
}

QJsonArray array(const QStringList& list) { return QJsonArray::fromStringList(list); }

// An optional text: null clears it on the server.
QJsonValue clearable(const QString& text) { return text.isEmpty() ? QJsonValue() : QJsonValue(text); }

QJsonObject consentJson(const QMap<QString, QString>& texts) {
    QJsonObject out;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        if (!it.value().trimmed().isEmpty()) out.insert(it.key(), it.value().trimmed());
    return out;
}

// The same choices whatever their order: the server keeps lists as given, the form as offered.
bool sameChoices(QStringList a, QStringList b) {
    a.sort();
    b.sort();
    return a == b;
}

}  // namespace

const QStringList& ServiceForm::fields() {
    // In the order the form shows them.
    static const QStringList names = {QStringLiteral("name"),
                                      QStringLiteral("description"),
                                      QStringLiteral("logoUrl"),
                                      QStringLiteral("consentText"),
                                      QStringLiteral("redirectUris"),
                                      QStringLiteral("postLogoutRedirectUris"),
                                      QStringLiteral("backchannelLogoutUri"),
                                      QStringLiteral("clientType"),
                                      QStringLiteral("tokenEndpointAuthMethod"),
                                      QStringLiteral("jwksUri"),
                                      QStringLiteral("grantTypes"),
                                      QStringLiteral("idTokenAlg"),
                                      QStringLiteral("allowedScopes"),
                                      QStringLiteral("allowedClaims"),
                                      QStringLiteral("minLoa"),
                                      QStringLiteral("subjectType"),
                                      QStringLiteral("sectorIdentifier"),
                                      QStringLiteral("eventPushUrl")};
    return names;
}

ServiceForm ServiceForm::from(const ServiceRecord& service) {
    ServiceForm f;
    f.id = service.id;
    f.etag = service.etag;
    f.name = service.name;
    f.description = service.description;
    f.logoUrl = service.logoUrl;
    f.redirectUris = service.redirectUris.join(QLatin1Char('\n'));
    f.postLogoutRedirectUris = service.postLogoutRedirectUris.join(QLatin1Char('\n'));
    f.backchannelLogoutUri = service.backchannelLogoutUri;
    f.clientType = service.clientType;
    f.tokenEndpointAuthMethod = service.tokenEndpointAuthMethod;
    f.jwksUri = service.jwksUri;
    f.grantTypes = service.grantTypes;
    f.allowedScopes = service.allowedScopes;
    f.allowedClaims = service.allowedClaims;
    f.minLoa = service.minLoa;
    f.subjectType = service.subjectType;
    f.sectorIdentifier = service.sectorIdentifier;
    f.idTokenAlg = service.idTokenAlg;
    f.consentText = service.consentText;
    f.eventPushUrl = service.eventPushUrl;
    return f;
}

QString ServiceForm::authMethodFor(const QString& clientType, const QString& current) {
    const bool none = current == QLatin1String("none");
    if (clientType == QLatin1String("public")) return QStringLiteral("none");
    if (clientType == QLatin1String("confidential") && (none || current.isEmpty()))
        return QStringLiteral("client_secret_basic");
    return current;
}

QStringList ServiceForm::lines(const QString& text) {
    QStringList out;
    for (const auto& line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty()) out.append(trimmed);
    }
    return out;
}

QList<ProblemField> ServiceForm::check() const {
    QList<ProblemField> errors;
    if (name.trimmed().isEmpty())
        errors.append({QStringLiteral("name"), QStringLiteral("required"), tr("Give the service a name.")});
    checkOptionalUrl(errors, QStringLiteral("logoUrl"), logoUrl);
    checkUrls(errors, QStringLiteral("redirectUris"), lines(redirectUris));
    checkUrls(errors, QStringLiteral("postLogoutRedirectUris"), lines(postLogoutRedirectUris));
    checkOptionalUrl(errors, QStringLiteral("backchannelLogoutUri"), backchannelLogoutUri);
    checkOptionalUrl(errors, QStringLiteral("jwksUri"), jwksUri);
    checkOptionalUrl(errors, QStringLiteral("sectorIdentifier"), sectorIdentifier);
    checkOptionalUrl(errors, QStringLiteral("eventPushUrl"), eventPushUrl);
    if (grantTypes.isEmpty())
        errors.append({QStringLiteral("grantTypes"), QStringLiteral("required"), tr("Allow at least one grant type.")});
    return errors;
}

QJsonObject ServiceForm::toJson(const ServiceRecord* before) const {
    QJsonObject json;
    const auto text = [&](const char* field, const QString& now, const QString* was, bool canClear) {
        const QString value = now.trimmed();
        if (before && *was == value) return;
        json.insert(QLatin1String(field), canClear ? clearable(value) : QJsonValue(value));
    };
    const auto list = [&](const char* field, const QStringList& now, const QStringList* was) {
        if (!before || !sameChoices(*was, now)) json.insert(QLatin1String(field), array(now));
    };
    const ServiceRecord none;
    const ServiceRecord& b = before ? *before : none;
    text("name", name, &b.name, false);
    // The description may be empty but is never null.
    if (!before || b.description != description) json.insert("description", description);
    text("logoUrl", logoUrl, &b.logoUrl, true);
    list("redirectUris", lines(redirectUris), &b.redirectUris);
    list("postLogoutRedirectUris", lines(postLogoutRedirectUris), &b.postLogoutRedirectUris);
    text("backchannelLogoutUri", backchannelLogoutUri, &b.backchannelLogoutUri, true);
    text("clientType", clientType, &b.clientType, false);
    text("tokenEndpointAuthMethod", tokenEndpointAuthMethod, &b.tokenEndpointAuthMethod, false);
    text("jwksUri", jwksUri, &b.jwksUri, true);
    list("grantTypes", grantTypes, &b.grantTypes);
    list("allowedScopes", allowedScopes, &b.allowedScopes);
    list("allowedClaims", allowedClaims, &b.allowedClaims);
    if (!before || b.minLoa != minLoa) json.insert("minLoa", minLoa);
    text("subjectType", subjectType, &b.subjectType, false);
    text("sectorIdentifier", sectorIdentifier, &b.sectorIdentifier, true);
    text("idTokenAlg", idTokenAlg, &b.idTokenAlg, false);
    const QJsonObject consent = consentJson(consentText);
    if (!before || consentJson(b.consentText) != consent) json.insert("consentText", consent);
    text("eventPushUrl", eventPushUrl, &b.eventPushUrl, true);
    return json;
}

}  // namespace tessera::reviewer
