#pragma once
// The reviewer's session with the server: signing in through the server's own OpenID Connect
// (the system browser, a loopback redirect, code + PKCE: BrowserSignIn), or silently at start
// with the refresh token kept in the keychain (TokenVault); refreshing the access token before it
// expires and when the API answers 401, keeping each rotated refresh token; and signing out
// (the server revokes the grant, the keychain entry and every token in memory are dropped).
//
// Whenever a session ends, whether signed out or refused by the server, sessionEnded() is
// emitted: the app drops the data and media it holds and shows the sign-in again.
// Tokens are never logged and never leave this object except as the Authorization header.
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>
#include <vector>

#include "signin/BrowserSignIn.h"
#include "signin/SignInProblem.h"
#include "signin/TokenRequests.h"
#include "signin/TokenSet.h"
#include "signin/TokenVault.h"

namespace tessera::reviewer {

struct SessionEnd {
    enum class Reason {
        SignedOut,  // the reviewer signed out
        Refused     // the server no longer accepts the sign-in (revoked, expired, reused): sign in again
    };
    Reason reason = Reason::SignedOut;
    QString message;  // translated, for the reviewer
};

class SignIn : public QObject {
    Q_OBJECT
public:
    enum class State { SignedOut, SigningIn, SignedIn };
    Q_ENUM(State)

    static constexpr const char* kDefaultClientId = "tessera-reviewer";
    static constexpr const char* kScope = "openid tessera:staff offline_access";

    // `server`: a checked server address (checkServerAddress), the issuer of the server's OIDC.
    explicit SignIn(const QUrl& server, QObject* parent = nullptr);
    ~SignIn() override;

    // How the authorization URL reaches a browser; QDesktopServices::openUrl unless replaced
    // (the tests complete the browser step themselves).
    void setOpenUrl(BrowserSignIn::OpenUrl openUrl) { openUrl_ = std::move(openUrl); }
    void setClientId(const QString& clientId) { clientId_ = clientId; }
    // Seconds before expiry at which the access token is refreshed; < 0: the default (RefreshSchedule.h).
    void setRefreshMargin(qint64 seconds) { refreshMargin_ = seconds; }

    // Signs in through the browser. Ends in signedIn() or signInFailed(). Only when signed out
    // (as resume()): a second call while signing in or signed in does nothing.
    void signIn();
    // Signs in without the browser, with the refresh token in the vault. Ends in signedIn() or
    // signInFailed() (kind NotSignedIn when nothing was stored).
    void resume();
    // Stops a sign-in under way (signInFailed with kind Cancelled).
    void cancel();
    // Refreshes now (the API answered 401); `done(true)` once a new access token is there.
    // Calls while a refresh is under way wait for that one: a refresh token works only once.
    void refreshNow(std::function<void(bool)> done = {});
    // Revokes the sign-in at the server, forgets it here and in the vault, emits sessionEnded().
    void signOut();

    State state() const { return state_; }
    QUrl server() const { return server_; }
    // "Bearer <token>", or empty when not signed in.
    QByteArray authorizationHeader() const;
    // The current access token (the API client's header provider); empty when not signed in.
    QString accessToken() const { return tokens_.accessToken; }
    // The current refresh token: only for the tests that check rotation and revocation.
    QString refreshTokenForTests() const { return tokens_.refreshToken; }
    qint64 accessTokenExpiresAt() const { return tokens_.expiresAt; }
    // The client and endpoints once the server's configuration was read.
    std::optional<PublicClient> client() const { return client_; }
    TokenVault& vault() { return *vault_; }
    QNetworkAccessManager& network() { return *network_; }

Q_SIGNALS:
    void stateChanged(tessera::reviewer::SignIn::State state);
    void signedIn();
    void signInFailed(const tessera::reviewer::SignInProblem& problem);
    // A new access token (and refresh token) after a refresh.
    void tokensRefreshed();
    // A refresh got no answer; the session goes on and the refresh is tried again.
    void refreshFailed(const tessera::reviewer::SignInProblem& problem);
    void sessionEnded(const tessera::reviewer::SessionEnd& end);
    // After signOut(): whether the server confirmed the revocation.
    void revocationFinished(bool revoked, const QString& message);

private:
    void withEndpoints(quint64 generation, std::function<void()> next);
    void startBrowserSignIn();
    void startResume(const QString& storedRefreshToken);
    void beginSession(TokenSet tokens);
    void applyRefresh(const TokenSet& refreshed);
    void startRefresh();
    void finishRefresh(bool ok);
    void scheduleRefresh(qint64 seconds);
    void endSession(SessionEnd end);
    void failSignIn(SignInProblem problem);
    void setState(State state);

    QUrl server_;
    QString clientId_ = QString::fromLatin1(kDefaultClientId);
    // Children, not members: ~QObject disconnects this object before it deletes them, so no
    // late network or keychain answer reaches a half-destroyed SignIn.
    QNetworkAccessManager* network_;
    TokenVault* vault_;
    BrowserSignIn::OpenUrl openUrl_;
    std::optional<PublicClient> client_;
    TokenSet tokens_;
    State state_ = State::SignedOut;
    QPointer<BrowserSignIn> attempt_;
    quint64 generation_ = 0;  // grows at every start and end of a session: late answers are ignored
    QTimer refreshTimer_;
    qint64 refreshMargin_ = -1;
    bool refreshing_ = false;
    std::vector<std::function<void(bool)>> refreshWaiters_;
};

}  // namespace tessera::reviewer
