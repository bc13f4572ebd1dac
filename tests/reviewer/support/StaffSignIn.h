#pragma once
// Signs a demo account in over HTTP as a person would in the portal: POST /api/v1/sessions with
// the password, then POST /api/v1/sessions/second-factor with a TOTP code from oathtool. The
// result holds the session: its network manager's cookie jar carries the session cookie, so it
// can drive /oauth2/authorize (completing the "browser step" of the workstation's sign-in), and
// headers() authenticate REST calls with the cookie and the CSRF token (the review API takes a
// session as well as the workstation's bearer token).
#include <QByteArray>
#include <QString>
#include <QUrl>

#include <memory>

#include "support/BlockingHttp.h"
#include "support/RunningServer.h"

class QNetworkAccessManager;

namespace tessera::reviewer::test {

struct StaffSession {
    QUrl server;
    DemoAccount account;
    std::shared_ptr<QNetworkAccessManager> network;  // its cookie jar holds the session cookie
    QByteArray sessionCookie;                        // "tessera_session=..." for a Cookie header
    QByteArray csrfToken;                            // the authenticated session's X-CSRF-Token

    // Cookie and X-CSRF-Token: what a REST call needs to act as this session.
    HeaderList headers() const;
};

// Signs `account` in (it must use TOTP); throws std::runtime_error with the server's answer if
// a step fails.
StaffSession signInStaff(const RunningServer& server, const DemoAccount& account);
// The same for the first demo account with `role` ("reviewer", "senior_reviewer", "admin",
// "citizen").
StaffSession signInAs(const RunningServer& server, const QString& role);

}  // namespace tessera::reviewer::test
