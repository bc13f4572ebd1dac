#include "signin/TokenSet.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tessera::reviewer {

namespace {
constexpr qint64 kAssumedLifetimeSeconds = 300;
}  // namespace

std::optional<TokenSet> parseTokenResponse(const QByteArray& json, qint64 now) {
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    TokenSet tokens;
    tokens.accessToken = o.value(QLatin1String("access_token")).toString();
    if (tokens.accessToken.isEmpty() ||
        o.value(QLatin1String("token_type")).toString().compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        return std::nullopt;
    tokens.refreshToken = o.value(QLatin1String("refresh_token")).toString();
    tokens.idToken = o.value(QLatin1String("id_token")).toString();
    tokens.scope = o.value(QLatin1String("scope")).toString();
    // expires_in is only RECOMMENDED (RFC 6749 §5.1): without it, refresh after a few minutes.
    tokens.lifetime = o.value(QLatin1String("expires_in")).toInteger(kAssumedLifetimeSeconds);
    if (tokens.lifetime <= 0) tokens.lifetime = kAssumedLifetimeSeconds;
    tokens.expiresAt = now + tokens.lifetime;
    return tokens;
}

OAuthError parseOAuthError(const QByteArray& json) {
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    return {o.value(QLatin1String("error")).toString(), o.value(QLatin1String("error_description")).toString()};
}

}  // namespace tessera::reviewer
