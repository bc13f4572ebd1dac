#include "signin/BrowserSignIn.h"

#include <QDateTime>
#include <QOAuth2AuthorizationCodeFlow>

#include <algorithm>
#include <utility>

#include "signin/IdTokenCheck.h"
#include "signin/LoopbackReplyHandler.h"
#include "signin/PkcePair.h"
#include "signin/RandomText.h"

namespace tessera::reviewer {

namespace {

constexpr int kBrowserStepTimeoutMs = 10 * 60 * 1000;  // the reviewer may need to type a password and a code
constexpr qsizetype kMaxShownErrorText = 300;          // the redirect's error text comes from the address bar

QString page(const QString& heading, const QString& text) {
    return QStringLiteral("<h1>%1</h1><p>%2</p>").arg(heading.toHtmlEscaped(), text.toHtmlEscaped());
}

QString firstOf(const QVariantMap& values, const char* name) {
    return QUrl::fromPercentEncoding(values.value(QLatin1String(name)).toString().toUtf8());
}

}  // namespace

BrowserSignIn::BrowserSignIn(QNetworkAccessManager& network, PublicClient client, QString scope, OpenUrl openUrl,
                             QObject* parent)
    : QObject(parent), network_(network), client_(std::move(client)), scope_(std::move(scope)),
      openUrl_(std::move(openUrl)) {
    timeout_.setSingleShot(true);
    timeout_.setInterval(kBrowserStepTimeoutMs);
    connect(&timeout_, &QTimer::timeout, this, [this] {
        fail(SignInProblem::Kind::Cancelled,
             tr("The sign-in in the browser was not finished in time. Sign in again when you are ready."));
    });
}

BrowserSignIn::~BrowserSignIn() = default;

void BrowserSignIn::start(Done done) {
    done_ = std::move(done);
    const auto pkce = makePkcePair();
    const auto state = randomBase64Url(32);
    const auto nonce = randomBase64Url(32);
    if (!pkce || !state || !nonce)
        return fail(SignInProblem::Kind::Internal,
                    tr("This computer could not provide the random numbers a safe sign-in needs."));
    verifier_ = pkce->verifier;
    state_ = QString::fromLatin1(*state);
    nonce_ = QString::fromLatin1(*nonce);

    handler_ = new LoopbackReplyHandler(this);
    handler_->setCallbackText(page(tr("Tessera Reviewer"),
                                   tr("Return to Tessera Reviewer: it finishes signing you in. "
                                      "You can close this tab.")));
    if (!handler_->isListening())
        return fail(SignInProblem::Kind::Internal,
                    tr("The workstation could not open a local port for the browser to come back to."));
    // Connected before the flow connects its own handling (in grant()), so a callback that is
    // not for this sign-in is refused here first and never reaches the flow.
    connect(handler_, &QAbstractOAuthReplyHandler::callbackReceived, this, &BrowserSignIn::onCallback);
    connect(handler_, &LoopbackReplyHandler::tokenRequestFailed, this, &BrowserSignIn::onTokenRequestFailed);

    flow_ = new QOAuth2AuthorizationCodeFlow(&network_, this);
    flow_->setClientIdentifier(client_.clientId);
    flow_->setAuthorizationUrl(client_.endpoints.authorization);
    flow_->setAccessTokenUrl(client_.endpoints.token);
    flow_->setScope(scope_);
    flow_->setState(state_);
    flow_->setReplyHandler(handler_);
    const QString redirectUri = handler_->redirectUri();
    const QByteArray challenge = pkce->challenge;
    flow_->setModifyParametersFunction([this, redirectUri, challenge](QAbstractOAuth::Stage stage,
                                                                     QMultiMap<QString, QVariant>* parameters) {
        switch (stage) {
        case QAbstractOAuth::Stage::RequestingAuthorization:
            parameters->replace(QStringLiteral("redirect_uri"), redirectUri);
            parameters->replace(QStringLiteral("code_challenge"), QString::fromLatin1(challenge));
            parameters->replace(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
            parameters->replace(QStringLiteral("nonce"), nonce_);
            break;
        case QAbstractOAuth::Stage::RequestingAccessToken:
            // Qt passes this stage's values already percent-encoded, and encodes the code twice
            // (Qt 6.4) when it holds a reserved character: it is put back as it came.
            parameters->replace(QStringLiteral("redirect_uri"), QUrl::toPercentEncoding(redirectUri));
            parameters->replace(QStringLiteral("code"), QUrl::toPercentEncoding(code_));
            parameters->replace(QStringLiteral("code_verifier"), QString::fromLatin1(verifier_));
            parameters->remove(QStringLiteral("client_secret"));  // a public client: client_id only
            break;
        default:
            break;
        }
    });
    connect(flow_, &QAbstractOAuth::granted, this, &BrowserSignIn::onGranted);
    connect(flow_, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl& url) {
        if (!openUrl_ || !openUrl_(url))
            fail(SignInProblem::Kind::Internal,
                 tr("No web browser could be opened for the sign-in. Check that this computer has a default browser."));
    });
    timeout_.start();
    flow_->grant();
}

void BrowserSignIn::cancel() { fail(SignInProblem::Kind::Cancelled, tr("The sign-in was cancelled.")); }

void BrowserSignIn::onCallback(const QVariantMap& values) {
    if (finished_) return;
    const QString error = firstOf(values, "error");
    if (!error.isEmpty()) {
        const QString description = firstOf(values, "error_description").left(kMaxShownErrorText);
        return fail(SignInProblem::Kind::Refused,
                    description.isEmpty()
                        ? tr("The server did not sign you in (%1).").arg(error.left(kMaxShownErrorText))
                        : tr("The server did not sign you in: %1 (%2)")
                              .arg(description, error.left(kMaxShownErrorText)));
    }
    if (firstOf(values, "state") != state_)
        return fail(SignInProblem::Kind::Untrusted,
                    tr("The browser came back with an answer that does not belong to this sign-in (its state "
                       "differs), so it was refused. Sign in again."));
    const QString issuer = firstOf(values, "iss");
    if (!issuer.isEmpty() && issuer != client_.endpoints.issuer)  // RFC 9207: a mix-up with another server
        return fail(SignInProblem::Kind::Untrusted,
                    tr("The browser came back from another server (%1), so the answer was refused.")
                        .arg(issuer.left(kMaxShownErrorText)));
    code_ = firstOf(values, "code");
    if (code_.isEmpty())
        return fail(SignInProblem::Kind::Refused, tr("The browser came back without a sign-in code. Sign in again."));
    // The flow now exchanges the code (with the PKCE verifier) for tokens.
}

void BrowserSignIn::onTokenRequestFailed(int httpStatus, const QString& error, const QString& description,
                                         const QString& networkError) {
    if (httpStatus == 0 || httpStatus >= 500)
        return fail(SignInProblem::Kind::Unreachable,
                    tr("The server did not answer when the sign-in was being completed (%1). Try again.")
                        .arg(httpStatus == 0 ? networkError : QString::number(httpStatus)));
    fail(SignInProblem::Kind::Refused,
         description.isEmpty() ? tr("The server refused to complete the sign-in (%1). Sign in again.")
                                     .arg(error.isEmpty() ? QString::number(httpStatus) : error)
                               : tr("The server refused to complete the sign-in: %1 (%2)")
                                     .arg(description.left(kMaxShownErrorText), error));
}

void BrowserSignIn::onGranted() {
    if (finished_) return;
    TokenSet tokens;
    tokens.accessToken = flow_->token();
    tokens.refreshToken = flow_->refreshToken();
    tokens.idToken = flow_->extraTokens().value(QStringLiteral("id_token")).toString();
    tokens.scope = flow_->scope();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QDateTime expiry = flow_->expirationAt();
    tokens.expiresAt = expiry.isValid() ? expiry.toSecsSinceEpoch() : now + 300;
    tokens.lifetime = std::max<qint64>(1, tokens.expiresAt - now);

    const QString idTokenProblem =
        checkIdToken(tokens.idToken, {client_.endpoints.issuer, client_.clientId, nonce_, now, 300});
    if (!idTokenProblem.isEmpty()) {
        // Tokens that cannot be trusted are not kept; the server is asked to forget them.
        if (!tokens.refreshToken.isEmpty())
            requestRevocation(network_, client_, tokens.refreshToken, TokenKind::Refresh, &network_, [](auto) {});
        return fail(SignInProblem::Kind::Untrusted, idTokenProblem);
    }
    finish({std::move(tokens), {}});
}

void BrowserSignIn::fail(SignInProblem::Kind kind, const QString& message) {
    if (finished_) return;
    if (handler_)
        handler_->setCallbackText(page(tr("Tessera Reviewer"),
                                       tr("The sign-in did not complete. Return to Tessera Reviewer to see why "
                                          "and try again. You can close this tab.")));
    finish({std::nullopt, {kind, message}});
}

void BrowserSignIn::finish(BrowserSignInOutcome outcome) {
    finished_ = true;
    timeout_.stop();
    if (handler_) {
        handler_->close();  // no second answer is taken; the page already asked for is still sent
        if (flow_) disconnect(handler_, nullptr, flow_, nullptr);
    }
    if (auto done = std::exchange(done_, nullptr)) done(std::move(outcome));
}

}  // namespace tessera::reviewer
