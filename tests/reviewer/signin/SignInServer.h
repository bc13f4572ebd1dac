#pragma once
// The real server the sign-in tests run against (support/RunningServer: demo data), one for the
// whole suite, started on first use and stopped when the application ends, and the demo
// reviewer's signed-in browser session on it (support/StaffSignIn).
#include <QNetworkAccessManager>
#include <QUrl>

namespace tessera::reviewer::test {

class SignInServer {
public:
    static SignInServer& shared();
    virtual ~SignInServer() = default;
    virtual QUrl url() const = 0;
    // A cookie jar holding the demo reviewer's session (password and TOTP done), for /oauth2/authorize.
    virtual QNetworkAccessManager& reviewerSession() = 0;
};

}  // namespace tessera::reviewer::test
