#include "signin/SignIn.h"

#include <QDateTime>
#include <QDesktopServices>

#include <limits>

#include "signin/HttpLimits.h"
#include "signin/OidcDiscovery.h"
#include "signin/RefreshSchedule.h"

namespace tessera::reviewer {

namespace {

// How long a finished browser sign-in keeps its loopback objects, so the "you can close this
// tab" page already asked for still reaches the browser.
constexpr int kLingerMs = 5000;

qint64 now() { return QDateTime::currentSecsSinceEpoch(); }

}  // namespace

SignIn::SignIn(const QUrl& server, QObject* parent)
    : QObject(parent), server_(withoutTrailingSlash(server)),
      network_(new QNetworkAccessManager(this)),
      vault_(new TokenVault(server_.toString(), this)),
      openUrl_([](const QUrl& url) { return QDesktopServices::openUrl(url); }) {
    network_->setTransferTimeout(kHttpTimeoutMs);
    refreshTimer_.setSingleShot(true);
    connect(&refreshTimer_, &QTimer::timeout, this, &SignIn::startRefresh);
}

SignIn::~SignIn() = default;

QByteArray SignIn::authorizationHeader() const {
    if (state_ != State::SignedIn || tokens_.accessToken.isEmpty()) return {};
    return QByteArrayLiteral("Bearer ") + tokens_.accessToken.toLatin1();
}

void SignIn::setState(State state) {
    if (state_ == state) return;
    state_ = state;
    Q_EMIT stateChanged(state_);
}

void SignIn::withEndpoints(quint64 generation, std::function<void()> next) {
    fetchDiscovery(*network_, server_, this, [this, generation, next = std::move(next)](DiscoveryResult result) {
        if (generation != generation_) return;
        if (!result.endpoints) return failSignIn(result.problem);
        client_ = PublicClient{*result.endpoints, clientId_};
        next();
    });
}

void SignIn::signIn() {
    if (state_ != State::SignedOut) return;
    setState(State::SigningIn);
    const quint64 generation = ++generation_;
    withEndpoints(generation, [this] { startBrowserSignIn(); });
}

void SignIn::startBrowserSignIn() {
    auto* attempt = new BrowserSignIn(*network_, *client_, QString::fromLatin1(kScope), openUrl_, this);
    attempt_ = attempt;
    const quint64 generation = generation_;
    attempt->start([this, attempt, generation](BrowserSignInOutcome outcome) {
        QTimer::singleShot(kLingerMs, attempt, &QObject::deleteLater);
        if (attempt_ == attempt) attempt_ = nullptr;
        if (generation != generation_) return;
        if (!outcome.tokens) return failSignIn(outcome.problem);
        beginSession(std::move(*outcome.tokens));
    });
}

void SignIn::resume() {
    if (state_ != State::SignedOut) return;
    setState(State::SigningIn);
    const quint64 generation = ++generation_;
    vault_->load(this, [this, generation](const QString& stored) {
        if (generation != generation_) return;
        if (stored.isEmpty()) return failSignIn({SignInProblem::Kind::NotSignedIn, {}});
        withEndpoints(generation, [this, stored] { startResume(stored); });
    });
}

void SignIn::startResume(const QString& storedRefreshToken) {
    const quint64 generation = generation_;
    requestRefresh(*network_, *client_, storedRefreshToken, this,
                   [this, generation, storedRefreshToken](TokenOutcome outcome) {
                       if (generation != generation_) return;
                       if (outcome.tokens) {
                           if (outcome.tokens->refreshToken.isEmpty())
                               outcome.tokens->refreshToken = storedRefreshToken;
                           return beginSession(std::move(*outcome.tokens));
                       }
                       if (outcome.problem.kind == SignInProblem::Kind::Refused) {
                           vault_->clear();  // it will never work again
                           return failSignIn({SignInProblem::Kind::Refused,
                                              tr("Your saved sign-in has ended. Sign in again.")});
                       }
                       failSignIn(outcome.problem);  // kept in the vault: the server may answer later
                   });
}

void SignIn::cancel() {
    if (state_ != State::SigningIn) return;
    if (attempt_) return attempt_->cancel();
    ++generation_;
    failSignIn({SignInProblem::Kind::Cancelled, tr("The sign-in was cancelled.")});
}

void SignIn::failSignIn(SignInProblem problem) {
    tokens_.clear();
    setState(State::SignedOut);
    Q_EMIT signInFailed(problem);
}

void SignIn::beginSession(TokenSet tokens) {
    tokens_ = std::move(tokens);
    if (!tokens_.refreshToken.isEmpty()) vault_->store(tokens_.refreshToken);
    scheduleRefresh(refreshDelaySeconds(tokens_.expiresAt - now(), tokens_.lifetime, refreshMargin_));
    setState(State::SignedIn);
    Q_EMIT signedIn();
}

void SignIn::refreshNow(std::function<void(bool)> done) {
    if (state_ != State::SignedIn) {
        if (done) QMetaObject::invokeMethod(this, [done] { done(false); }, Qt::QueuedConnection);
        return;
    }
    if (done) refreshWaiters_.push_back(std::move(done));
    startRefresh();
}

void SignIn::startRefresh() {
    if (state_ != State::SignedIn || refreshing_) return;
    if (tokens_.refreshToken.isEmpty())
        return endSession({SessionEnd::Reason::Refused, tr("Your sign-in has expired. Sign in again.")});
    refreshing_ = true;
    refreshTimer_.stop();
    const quint64 generation = generation_;
    requestRefresh(*network_, *client_, tokens_.refreshToken, this, [this, generation](TokenOutcome outcome) {
        if (generation != generation_) return;
        refreshing_ = false;
        if (outcome.tokens) {
            applyRefresh(*outcome.tokens);
            Q_EMIT tokensRefreshed();
            return finishRefresh(true);
        }
        if (outcome.problem.kind == SignInProblem::Kind::Refused)
            return endSession({SessionEnd::Reason::Refused, outcome.problem.message});
        scheduleRefresh(kRefreshRetrySeconds);
        finishRefresh(false);
        Q_EMIT refreshFailed(outcome.problem);
    });
}

void SignIn::applyRefresh(const TokenSet& refreshed) {
    tokens_.accessToken = refreshed.accessToken;
    tokens_.expiresAt = refreshed.expiresAt;
    tokens_.lifetime = refreshed.lifetime;
    if (!refreshed.scope.isEmpty()) tokens_.scope = refreshed.scope;
    if (!refreshed.idToken.isEmpty()) tokens_.idToken = refreshed.idToken;
    // The server rotates refresh tokens: the old one is now spent, only the new one works.
    if (!refreshed.refreshToken.isEmpty() && refreshed.refreshToken != tokens_.refreshToken) {
        tokens_.refreshToken = refreshed.refreshToken;
        vault_->store(tokens_.refreshToken);
    }
    scheduleRefresh(refreshDelaySeconds(tokens_.expiresAt - now(), tokens_.lifetime, refreshMargin_));
}

void SignIn::finishRefresh(bool ok) {
    auto waiters = std::exchange(refreshWaiters_, {});
    for (auto& done : waiters) done(ok);
}

void SignIn::scheduleRefresh(qint64 seconds) {
    const qint64 ms = std::min<qint64>(seconds * 1000, std::numeric_limits<int>::max());
    refreshTimer_.start(static_cast<int>(ms));
}

void SignIn::endSession(SessionEnd end) {
    ++generation_;
    refreshTimer_.stop();
    refreshing_ = false;
    tokens_.clear();
    vault_->clear();
    setState(State::SignedOut);
    finishRefresh(false);
    Q_EMIT sessionEnded(end);
}

void SignIn::signOut() {
    if (state_ == State::SigningIn) {
        cancel();
        vault_->clear();
        return;
    }
    if (state_ == State::SignedOut) {
        vault_->clear();
        return;
    }
    const bool withRefresh = !tokens_.refreshToken.isEmpty();
    const QString token = withRefresh ? tokens_.refreshToken : tokens_.accessToken;
    const PublicClient client = *client_;
    endSession({SessionEnd::Reason::SignedOut, tr("You are signed out.")});
    requestRevocation(*network_, client, token, withRefresh ? TokenKind::Refresh : TokenKind::Access, this,
                      [this](std::optional<SignInProblem> problem) {
        if (problem)
            Q_EMIT revocationFinished(false, tr("You are signed out here, but the server could not be told: %1")
                                                 .arg(problem->message));
        else
            Q_EMIT revocationFinished(true, tr("The server has ended your sign-in."));
    });
}

}  // namespace tessera::reviewer
