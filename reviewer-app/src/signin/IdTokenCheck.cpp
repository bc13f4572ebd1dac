#include "signin/IdTokenCheck.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tessera::reviewer {

namespace {

// The translation context of these texts (lupdate reads Text::tr calls).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(IdTokenCheck)
};

bool audienceHas(const QJsonValue& aud, const QString& clientId) {
    if (aud.isString()) return aud.toString() == clientId;
    return aud.toArray().contains(QJsonValue(clientId));
}

}  // namespace

QString checkIdToken(const QString& idToken, const IdTokenExpectation& expected) {
    const QList<QByteArray> parts = idToken.toLatin1().split('.');
    if (parts.size() != 3) return Text::tr("The server sent no valid ID token.");
    const auto decoded = QByteArray::fromBase64Encoding(
        parts[1], QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    const QJsonObject claims = decoded ? QJsonDocument::fromJson(*decoded).object() : QJsonObject();
    if (claims.isEmpty()) return Text::tr("The server's ID token could not be read.");
    if (claims.value(QLatin1String("iss")).toString() != expected.issuer)
        return Text::tr("The ID token was issued by another server.");
    const QJsonValue aud = claims.value(QLatin1String("aud"));
    if (!audienceHas(aud, expected.clientId)) return Text::tr("The ID token was issued to another application.");
    if (aud.isArray() && aud.toArray().size() > 1 &&
        claims.value(QLatin1String("azp")).toString() != expected.clientId)
        return Text::tr("The ID token was issued to another application.");
    if (claims.value(QLatin1String("nonce")).toString() != expected.nonce || expected.nonce.isEmpty())
        return Text::tr("The ID token belongs to another sign-in.");
    if (claims.value(QLatin1String("exp")).toInteger(0) + expected.clockSkewSeconds <= expected.now)
        return Text::tr("The ID token has expired; check this computer's clock.");
    return {};
}

}  // namespace tessera::reviewer
