#include "Workstation.h"

#include "support/BlockingHttp.h"
#include "support/EventLoopWait.h"

namespace tessera::reviewer::test {

Workstation::Workstation(const QUrl& server, QNetworkAccessManager& staffSession)
    : signIn(server), browser(staffSession) {
    signIn.setOpenUrl(browser.opener());
    QObject::connect(&signIn, &SignIn::signedIn, [this] { signedIn = true; });
    QObject::connect(&signIn, &SignIn::signInFailed, [this](const SignInProblem& p) { failure = p; });
    QObject::connect(&signIn, &SignIn::sessionEnded, [this](const SessionEnd& end) { ended.push_back(end); });
    QObject::connect(&signIn, &SignIn::tokensRefreshed, [this] { ++refreshes; });
    QObject::connect(&signIn, &SignIn::refreshFailed, [this](const SignInProblem& p) { refreshFailures.push_back(p); });
    QObject::connect(&signIn, &SignIn::revocationFinished, [this](bool ok, const QString& message) {
        revoked = ok;
        revocationMessage = message;
    });
}

void Workstation::reset() {
    signedIn = false;
    failure.reset();
}

bool Workstation::signInThroughBrowser() {
    reset();
    signIn.signIn();
    waitFor([this] { return signedIn || failure.has_value(); }, 30'000);
    return signedIn;
}

bool Workstation::resumeSilently() {
    reset();
    signIn.resume();
    waitFor([this] { return signedIn || failure.has_value(); }, 30'000);
    return signedIn;
}

StaffMe staffMe(const QUrl& server, const QString& accessToken) {
    QNetworkAccessManager network;
    const HttpAnswer answer = httpGet(network, QUrl(server.toString() + "/api/v1/staff/me"),
                                      {{"Authorization", "Bearer " + accessToken.toLatin1()}});
    return {answer.status, answer.json()};
}

TokenOutcome refreshWith(SignIn& signIn, const QString& refreshToken) {
    std::optional<TokenOutcome> outcome;
    QObject context;
    requestRefresh(signIn.network(), *signIn.client(), refreshToken, &context,
                   [&](TokenOutcome o) { outcome = std::move(o); });
    waitFor([&] { return outcome.has_value(); });
    return outcome.value_or(TokenOutcome{std::nullopt, {SignInProblem::Kind::Unreachable, "no answer"}, {}});
}

}  // namespace tessera::reviewer::test
