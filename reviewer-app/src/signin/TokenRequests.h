#pragma once
// The workstation's own calls to the token endpoint (refresh, RFC 6749 §6) and the revocation
// endpoint (RFC 7009), as a public client: client_id only, no secret. Qt 6.4's
// QOAuth2AuthorizationCodeFlow::refreshAccessToken() is not used: it sends an empty client_secret
// (which this server reads as a confidential client's failed authentication) and reports no
// refused refresh, so the app could never tell "sign in again" from "try later".
#include <QNetworkAccessManager>
#include <QString>

#include <functional>
#include <optional>

#include "signin/OidcDiscovery.h"
#include "signin/SignInProblem.h"
#include "signin/TokenSet.h"

namespace tessera::reviewer {

struct TokenOutcome {
    std::optional<TokenSet> tokens;  // the refreshed tokens (refreshToken empty if not rotated)
    SignInProblem problem;           // Refused: sign in again; Unreachable: try again later
    OAuthError oauthError;           // the server's own words, when it refused
};

struct PublicClient {
    OidcEndpoints endpoints;
    QString clientId;
};

// Answers on `context`'s thread, and not at all once `context` is gone.
void requestRefresh(QNetworkAccessManager& network, const PublicClient& client, const QString& refreshToken,
                    QObject* context, std::function<void(TokenOutcome)> done);

enum class TokenKind { Refresh, Access };

// Revokes a token: a refresh token ends its whole grant at the server (access tokens included),
// an access token only itself. nullopt when the server confirmed; a problem when it could not be told.
void requestRevocation(QNetworkAccessManager& network, const PublicClient& client, const QString& token,
                       TokenKind kind, QObject* context, std::function<void(std::optional<SignInProblem>)> done);

}  // namespace tessera::reviewer
