#pragma once
// One sign-in through the system browser: the authorization code flow of Qt NetworkAuth
// (QOAuth2AuthorizationCodeFlow) with a loopback reply handler on 127.0.0.1 (any free port),
// PKCE S256 added to its requests (Qt 6.4 has no PKCE of its own), and a state and a nonce
// from OpenSSL. Qt checks the state but only logs a mismatch; this class turns a mismatch,
// an error= on the redirect, a foreign issuer, a refused code and a wrong ID token into a
// failure the reviewer sees. Answers exactly once; cancel() answers Cancelled.
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

#include "signin/SignInProblem.h"
#include "signin/TokenRequests.h"
#include "signin/TokenSet.h"

class QOAuth2AuthorizationCodeFlow;

namespace tessera::reviewer {

class LoopbackReplyHandler;

struct BrowserSignInOutcome {
    std::optional<TokenSet> tokens;
    SignInProblem problem;  // when tokens is empty
};

class BrowserSignIn : public QObject {
    Q_OBJECT
public:
    // Opens the authorization URL in a browser; false when no browser could be started.
    using OpenUrl = std::function<bool(const QUrl&)>;
    using Done = std::function<void(BrowserSignInOutcome)>;

    BrowserSignIn(QNetworkAccessManager& network, PublicClient client, QString scope, OpenUrl openUrl,
                  QObject* parent = nullptr);
    ~BrowserSignIn() override;

    void start(Done done);
    void cancel();
    void setTimeout(int milliseconds) { timeout_.setInterval(milliseconds); }

private:
    void onCallback(const QVariantMap& values);
    void onGranted();
    void onTokenRequestFailed(int httpStatus, const QString& error, const QString& description,
                              const QString& networkError);
    void fail(SignInProblem::Kind kind, const QString& message);
    void finish(BrowserSignInOutcome outcome);

    QNetworkAccessManager& network_;
    PublicClient client_;
    QString scope_;
    OpenUrl openUrl_;
    Done done_;
    QString state_;
    QString nonce_;
    QByteArray verifier_;
    QString code_;
    LoopbackReplyHandler* handler_ = nullptr;
    QOAuth2AuthorizationCodeFlow* flow_ = nullptr;
    QTimer timeout_;
    bool finished_ = false;
};

}  // namespace tessera::reviewer
