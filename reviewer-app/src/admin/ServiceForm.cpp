#include "admin/ServiceForm.h"

#include <QJsonArray>
#include <QUrl>

namespace tessera::reviewer {

namespace {

void checkUrls(QList<ProblemField>& errors, const QString& field, const QStringList& urls) {
    for (qsizetype i = 0; i < urls.size(); ++i) {
        const QUrl url(urls[i], QUrl::StrictMode);
        if (!url.isValid() || url.isRelative() || url.host().isEmpty())
            errors.append({QStringLiteral("%1[%2]").arg(field).arg(i), QStringLiteral("not_absolute"),
                           ServiceForm::tr("Must be an absolute URL such as https://service.example/callback.")});
        else if (url.hasFragment())
            errors.append({QStringLiteral("%1[%2]").arg(field).arg(i), QStringLiteral("fragment_not_allowed"),
                           ServiceForm::tr("Must not contain a fragment (#...).")});
    }
}

QJsonArray array(const QStringList& list) { return QJsonArray::fromStringList(list); }

}  // namespace

const QStringList& ServiceForm::fields() {
    static const QStringList names = {QStringLiteral("name"), QStringLiteral("description"), QStringLiteral("redirectUris"),
                                      QStringLiteral("postLogoutRedirectUris")};
    return names;
}

ServiceForm ServiceForm::from(const ServiceRecord& service) {
    ServiceForm f;
    f.id = service.id;
    f.etag = service.etag;
    f.name = service.name;
    f.description = service.description;
    f.redirectUris = service.redirectUris.join(QLatin1Char('\n'));
    f.postLogoutRedirectUris = service.postLogoutRedirectUris.join(QLatin1Char('\n'));
    return f;
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
    checkUrls(errors, QStringLiteral("redirectUris"), lines(redirectUris));
    checkUrls(errors, QStringLiteral("postLogoutRedirectUris"), lines(postLogoutRedirectUris));
    return errors;
}

QJsonObject ServiceForm::toJson(const ServiceRecord* before) const {
    QJsonObject json;
    const QString trimmedName = name.trimmed();
    const QStringList redirects = lines(redirectUris);
    const QStringList postLogout = lines(postLogoutRedirectUris);
    if (!before || before->name != trimmedName) json.insert("name", trimmedName);
    if (!before || before->description != description) json.insert("description", description);
    if (!before || before->redirectUris != redirects) json.insert("redirectUris", array(redirects));
    if (!before || before->postLogoutRedirectUris != postLogout) json.insert("postLogoutRedirectUris", array(postLogout));
    return json;
}

}  // namespace tessera::reviewer
