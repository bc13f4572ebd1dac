#pragma once
// The server's OpenID Connect endpoints, read from its discovery document
// (/.well-known/openid-configuration). The issuer must be the address the workstation was
// given (OpenID Connect Discovery §4.3), every endpoint must be https (or http on a loopback
// host, like the server address) and PKCE S256 must be offered.
#include <QByteArray>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

#include "signin/SignInProblem.h"

namespace tessera::reviewer {

struct OidcEndpoints {
    QString issuer;           // as the server writes it: the expected "iss" of ID tokens and redirects
    QUrl authorization;
    QUrl token;
    QUrl revocation;          // empty when the server offers none: sign-out then only forgets
    QUrl endSession;          // may be empty
};

struct DiscoveryResult {
    std::optional<OidcEndpoints> endpoints;
    SignInProblem problem;  // when endpoints is empty
};

// "https://id.example.gov/" and "https://id.example.gov" are one server (and one keychain entry).
QUrl withoutTrailingSlash(const QUrl& url);
QUrl discoveryUrlFor(const QUrl& server);

// Reads a discovery document fetched from `server`.
DiscoveryResult parseDiscovery(const QByteArray& json, const QUrl& server);

// GETs the document and answers on `context`'s thread; nothing is answered once `context` is gone.
void fetchDiscovery(QNetworkAccessManager& network, const QUrl& server, QObject* context,
                    std::function<void(DiscoveryResult)> done);

}  // namespace tessera::reviewer
