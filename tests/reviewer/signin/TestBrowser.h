#pragma once
// Plays the system browser in the sign-in tests: opens the authorization URL with a staff
// member's signed-in cookies, follows the server's redirect to the workstation's loopback port
// (optionally altered first, to play an attacker or a refusing server) and keeps the page the
// workstation shows there.
#include <QByteArray>
#include <QNetworkAccessManager>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

#include "signin/BrowserSignIn.h"

namespace tessera::reviewer::test {

class TestBrowser {
public:
    // `session`: a network manager whose cookie jar holds a signed-in staff session.
    explicit TestBrowser(QNetworkAccessManager& session) : session_(session) {}

    // For SignIn::setOpenUrl.
    BrowserSignIn::OpenUrl opener();

    // Changes the redirect before it is followed: gets the server's Location, returns the one to open.
    std::function<QUrl(const QUrl&)> alterRedirect;

    bool opened = false;          // the workstation asked for the browser
    QUrl authorizationUrl;        // what it asked to open
    int authorizeStatus = 0;      // the server's answer to it (302 when signed in)
    QUrl redirect;                // where the server sent the browser
    bool pageShown = false;       // the loopback answered
    QByteArray page;              // what it answered

private:
    QNetworkAccessManager& session_;
    QNetworkAccessManager loopback_;  // the redirect goes to the workstation, without the server's cookies
};

// The redirect with one query parameter set to a new value (or added).
QUrl withQueryValue(const QUrl& url, const QString& name, const QString& value);

}  // namespace tessera::reviewer::test
