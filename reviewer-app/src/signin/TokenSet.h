#pragma once
// The tokens of one signed-in session, held in memory only (the refresh token also goes to the
// keychain through TokenVault). Never logged.
#include <QByteArray>
#include <QString>

#include <optional>

namespace tessera::reviewer {

struct TokenSet {
    QString accessToken;
    QString refreshToken;   // the newest: each refresh rotates it and the old one stops working
    QString idToken;        // only after the browser sign-in
    QString scope;
    qint64 expiresAt = 0;   // the access token's end, Unix seconds by this machine's clock
    qint64 lifetime = 0;    // expires_in as the server said it

    bool empty() const { return accessToken.isEmpty() && refreshToken.isEmpty(); }
    void clear() { *this = TokenSet{}; }
};

// An OAuth error answer (RFC 6749 §5.2): {error, error_description}.
struct OAuthError {
    QString error;
    QString description;
};

// A token endpoint's 200 answer; nullopt when it is not one (no access token, not Bearer).
std::optional<TokenSet> parseTokenResponse(const QByteArray& json, qint64 now);
// An error answer's fields; an empty error when the body is not one.
OAuthError parseOAuthError(const QByteArray& json);

}  // namespace tessera::reviewer
