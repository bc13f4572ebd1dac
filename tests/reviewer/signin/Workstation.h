#pragma once
// A workstation under test: SignIn pointed at a real server, the browser step played by
// TestBrowser with a signed-in staff session, no keychain (an isolated home, as on CI), and
// what SignIn signalled, recorded.
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

#include <optional>
#include <vector>

#include "SignInTestSupport.h"
#include "TestBrowser.h"
#include "signin/SignIn.h"

namespace tessera::reviewer::test {

struct Workstation {
    Workstation(const QUrl& server, QNetworkAccessManager& staffSession);

    // signIn() and wait for its end; true when signed in.
    bool signInThroughBrowser();
    // resume() and wait for its end; true when signed in.
    bool resumeSilently();
    void reset();

    IsolatedHome home;  // first: SignIn's vault must never see the real home or session bus
    SignIn signIn;
    TestBrowser browser;
    bool signedIn = false;
    std::optional<SignInProblem> failure;
    std::vector<SessionEnd> ended;
    int refreshes = 0;
    std::vector<SignInProblem> refreshFailures;
    std::optional<bool> revoked;
    QString revocationMessage;
};

// GET /api/v1/staff/me with a bearer token: the HTTP status and the JSON body.
struct StaffMe {
    int status = 0;
    QJsonObject body;
};
StaffMe staffMe(const QUrl& server, const QString& accessToken);

// POST /oauth2/token with grant_type=refresh_token for the workstation's client: the outcome.
TokenOutcome refreshWith(SignIn& signIn, const QString& refreshToken);

}  // namespace tessera::reviewer::test
