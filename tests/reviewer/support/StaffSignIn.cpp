#include "support/StaffSignIn.h"

#include <QJsonObject>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkCookie>
#include <QtNetwork/QNetworkCookieJar>

#include <stdexcept>

#include "support/TotpCodes.h"

namespace tessera::reviewer::test {

namespace {

QByteArray csrfTokenOf(const HttpAnswer& answer) {
    return answer.json()["session"].toObject()["csrfToken"].toString().toUtf8();
}

[[noreturn]] void fail(const QString& step, const DemoAccount& account, const HttpAnswer& answer) {
    throw std::runtime_error(QString("signing in %1 (%2): %3").arg(account.email, step, answer.describe()).toStdString());
}

}  // namespace

HeaderList StaffSession::headers() const { return {{"Cookie", sessionCookie}, {"X-CSRF-Token", csrfToken}}; }

StaffSession signInStaff(const RunningServer& server, const DemoAccount& account) {
    if (account.totpSecret.isEmpty())
        throw std::runtime_error("signInStaff: " + account.email.toStdString() + " has no TOTP secret");
    StaffSession session;
    session.server = server.url();
    session.account = account;
    session.network = std::make_shared<QNetworkAccessManager>();

    const HttpAnswer password = httpPostJson(*session.network, server.url("/api/v1/sessions"),
                                             {{"email", account.email}, {"password", account.password}});
    if (password.status != 200) fail("password", account, password);
    if (password.json()["next"].toString() != "second_factor") fail("expected the second-factor step", account, password);

    const HttpAnswer code = httpPostJson(*session.network, server.url("/api/v1/sessions/second-factor"),
                                         {{"code", nextTotpCode(account.totpSecret)}},
                                         {{"X-CSRF-Token", csrfTokenOf(password)}});
    if (code.status != 200) fail("second factor", account, code);
    session.csrfToken = csrfTokenOf(code);

    for (const QNetworkCookie& cookie : session.network->cookieJar()->cookiesForUrl(server.url("/api/v1/")))
        if (cookie.name().endsWith("tessera_session")) session.sessionCookie = cookie.toRawForm(QNetworkCookie::NameAndValueOnly);
    if (session.sessionCookie.isEmpty() || session.csrfToken.isEmpty())
        fail("no session cookie or CSRF token in the answer", account, code);
    return session;
}

StaffSession signInAs(const RunningServer& server, const QString& role) {
    return signInStaff(server, server.demoAccount(role));
}

}  // namespace tessera::reviewer::test
