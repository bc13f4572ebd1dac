// The workstation's sign-in against a real tessera-server with demo data: the browser step is
// played by the test with the demo reviewer's signed-in session (TestBrowser), no keychain is
// available (as on CI), and everything the reviewer would notice is checked: the token works
// on the staff API, refreshes rotate, a refused or tampered sign-in leaves no token, sign-out
// ends the sign-in at the server, and nothing is written to disk.
#include <catch2/catch.hpp>

#include <QJsonArray>

#include "SignInServer.h"
#include "Workstation.h"
#include "support/EventLoopWait.h"

using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

bool hasRole(const QJsonObject& me, const char* role) {
    return me.value("roles").toArray().contains(QJsonValue(QString::fromLatin1(role)));
}

}  // namespace

TEST_CASE("the reviewer signs in through the browser and the token works on the staff API", "[signin][server]") {
    auto& server = SignInServer::shared();
    Workstation ws(server.url(), server.reviewerSession());
    REQUIRE(ws.signInThroughBrowser());

    CHECK(ws.browser.authorizeStatus == 302);
    const QUrlQuery asked(ws.browser.authorizationUrl);
    CHECK(asked.queryItemValue("client_id") == "tessera-reviewer");
    CHECK(asked.queryItemValue("code_challenge_method") == "S256");
    CHECK(asked.queryItemValue("code_challenge").size() == 43);
    CHECK_FALSE(asked.queryItemValue("nonce").isEmpty());
    CHECK(asked.queryItemValue("scope", QUrl::FullyDecoded) == "openid tessera:staff offline_access");
    CHECK(ws.browser.redirect.host() == "127.0.0.1");
    CHECK(ws.browser.redirect.path() == "/callback");
    REQUIRE(waitFor([&] { return ws.browser.pageShown; }));
    CHECK(ws.browser.page.contains("You can close this tab"));

    CHECK(ws.signIn.state() == SignIn::State::SignedIn);
    CHECK(ws.signIn.authorizationHeader().startsWith("Bearer "));
    const StaffMe me = staffMe(server.url(), ws.signIn.accessToken());
    REQUIRE(me.status == 200);
    CHECK(me.body.value("email").toString() == "reviewer@demo.tessera.localhost");
    CHECK(hasRole(me.body, "reviewer"));
    CHECK(staffMe(server.url(), "not-a-token").status == 401);
}

TEST_CASE("a refresh rotates the refresh token and the old one is then refused", "[signin][server]") {
    auto& server = SignInServer::shared();
    Workstation ws(server.url(), server.reviewerSession());
    REQUIRE(ws.signInThroughBrowser());
    const QString firstAccess = ws.signIn.accessToken();
    const QString firstRefresh = ws.signIn.refreshTokenForTests();
    REQUIRE_FALSE(firstRefresh.isEmpty());

    std::optional<bool> refreshed;
    ws.signIn.refreshNow([&](bool ok) { refreshed = ok; });
    ws.signIn.refreshNow([&](bool ok) { refreshed = refreshed.value_or(true) && ok; });  // joins, no second use
    REQUIRE(waitFor([&] { return refreshed.has_value() && ws.refreshes > 0; }));
    CHECK(*refreshed);
    CHECK(ws.refreshes == 1);
    CHECK(ws.signIn.accessToken() != firstAccess);
    CHECK(ws.signIn.refreshTokenForTests() != firstRefresh);
    CHECK(staffMe(server.url(), ws.signIn.accessToken()).status == 200);

    const TokenOutcome reuse = refreshWith(ws.signIn, firstRefresh);
    CHECK_FALSE(reuse.tokens);
    CHECK(reuse.problem.kind == SignInProblem::Kind::Refused);
    CHECK(reuse.oauthError.error == "invalid_grant");

    // The reuse made the server end the whole grant: the workstation's next refresh is refused,
    // and the session ends with a signal that asks the reviewer to sign in again.
    std::optional<bool> after;
    ws.signIn.refreshNow([&](bool ok) { after = ok; });
    REQUIRE(waitFor([&] { return after.has_value(); }));
    CHECK_FALSE(*after);
    REQUIRE(ws.ended.size() == 1);
    CHECK(ws.ended[0].reason == SessionEnd::Reason::Refused);
    CHECK(ws.ended[0].message.contains("Sign in again"));
    CHECK(ws.signIn.state() == SignIn::State::SignedOut);
    CHECK(ws.signIn.accessToken().isEmpty());
    CHECK(ws.signIn.authorizationHeader().isEmpty());
}

TEST_CASE("the access token is refreshed by itself before it expires", "[signin][server]") {
    auto& server = SignInServer::shared();
    Workstation ws(server.url(), server.reviewerSession());
    REQUIRE(ws.signInThroughBrowser());
    const qint64 lifetime = ws.signIn.accessTokenExpiresAt() - QDateTime::currentSecsSinceEpoch();
    REQUIRE(lifetime > 2);
    ws.signIn.setRefreshMargin(lifetime - 1);  // due in about a second from the next schedule
    ws.signIn.refreshNow();
    REQUIRE(waitFor([&] { return ws.refreshes == 1; }));
    const QString rotated = ws.signIn.refreshTokenForTests();
    REQUIRE(waitFor([&] { return ws.refreshes == 2; }, 10'000));  // no call from the test this time
    CHECK(ws.signIn.refreshTokenForTests() != rotated);
    CHECK(ws.signIn.state() == SignIn::State::SignedIn);
    CHECK(staffMe(server.url(), ws.signIn.accessToken()).status == 200);
    CHECK(ws.refreshFailures.empty());
}

TEST_CASE("a redirect with another state fails the sign-in with a clear message and no token", "[signin][server]") {
    auto& server = SignInServer::shared();
    Workstation ws(server.url(), server.reviewerSession());
    ws.browser.alterRedirect = [](const QUrl& url) { return withQueryValue(url, "state", "forged-state"); };
    CHECK_FALSE(ws.signInThroughBrowser());
    REQUIRE(ws.failure);
    CHECK(ws.failure->kind == SignInProblem::Kind::Untrusted);
    CHECK(ws.failure->message.contains("does not belong to this sign-in"));
    CHECK(ws.signIn.state() == SignIn::State::SignedOut);
    CHECK(ws.signIn.accessToken().isEmpty());
    CHECK(ws.signIn.refreshTokenForTests().isEmpty());
    REQUIRE(waitFor([&] { return ws.browser.pageShown; }));
    CHECK(ws.browser.page.contains("did not complete"));
    // The code was not exchanged: nothing was kept for a silent sign-in either.
    CHECK_FALSE(ws.resumeSilently());
    CHECK(ws.failure->kind == SignInProblem::Kind::NotSignedIn);
}

TEST_CASE("a redirect that names another server as its issuer is refused", "[signin][server]") {
    auto& server = SignInServer::shared();
    Workstation ws(server.url(), server.reviewerSession());
    ws.browser.alterRedirect = [](const QUrl& url) { return withQueryValue(url, "iss", "https://elsewhere.example"); };
    CHECK_FALSE(ws.signInThroughBrowser());
    REQUIRE(ws.failure);
    CHECK(ws.failure->kind == SignInProblem::Kind::Untrusted);
    CHECK(ws.failure->message.contains("another server"));
    CHECK(ws.signIn.accessToken().isEmpty());
}

TEST_CASE("an error on the redirect fails the sign-in with the server's words and no token", "[signin][server]") {
    auto& server = SignInServer::shared();
    Workstation ws(server.url(), server.reviewerSession());
    ws.browser.alterRedirect = [](const QUrl& url) {
        QUrlQuery query;
        query.addQueryItem("error", "access_denied");
        query.addQueryItem("error_description", "The reviewer did not allow the workstation.");
        query.addQueryItem("state", QUrlQuery(url).queryItemValue("state"));
        QUrl out = url;
        out.setQuery(query);
        return out;
    };
    CHECK_FALSE(ws.signInThroughBrowser());
    REQUIRE(ws.failure);
    CHECK(ws.failure->kind == SignInProblem::Kind::Refused);
    CHECK(ws.failure->message.contains("The reviewer did not allow the workstation."));
    CHECK(ws.failure->message.contains("access_denied"));
    CHECK(ws.signIn.state() == SignIn::State::SignedOut);
    CHECK(ws.signIn.accessToken().isEmpty());
}

TEST_CASE("a code that does not pass the server's checks fails the sign-in and leaves no token", "[signin][server]") {
    auto& server = SignInServer::shared();
    Workstation ws(server.url(), server.reviewerSession());
    ws.browser.alterRedirect = [](const QUrl& url) { return withQueryValue(url, "code", "a-code-never-issued"); };
    CHECK_FALSE(ws.signInThroughBrowser());
    REQUIRE(ws.failure);
    CHECK(ws.failure->kind == SignInProblem::Kind::Refused);
    CHECK(ws.failure->message.contains("invalid_grant"));
    CHECK(ws.signIn.accessToken().isEmpty());
}

TEST_CASE("sign-out revokes the sign-in at the server and forgets every token", "[signin][server]") {
    auto& server = SignInServer::shared();
    Workstation ws(server.url(), server.reviewerSession());
    REQUIRE(ws.signInThroughBrowser());
    const QString access = ws.signIn.accessToken();
    const QString refresh = ws.signIn.refreshTokenForTests();

    ws.signIn.signOut();
    REQUIRE(ws.ended.size() == 1);  // at once: the app drops its media without waiting for the server
    CHECK(ws.ended[0].reason == SessionEnd::Reason::SignedOut);
    CHECK(ws.signIn.state() == SignIn::State::SignedOut);
    CHECK(ws.signIn.accessToken().isEmpty());
    CHECK(ws.signIn.refreshTokenForTests().isEmpty());
    REQUIRE(waitFor([&] { return ws.revoked.has_value(); }));
    CHECK(*ws.revoked);

    const TokenOutcome after = refreshWith(ws.signIn, refresh);
    CHECK_FALSE(after.tokens);
    CHECK(after.oauthError.error == "invalid_grant");
    CHECK(staffMe(server.url(), access).status == 401);
    CHECK_FALSE(ws.resumeSilently());  // nothing kept for the next start
    CHECK(ws.failure->kind == SignInProblem::Kind::NotSignedIn);
}

TEST_CASE("without a keychain the workstation says so and writes no token to disk", "[signin][server]") {
    auto& server = SignInServer::shared();
    Workstation ws(server.url(), server.reviewerSession());
    REQUIRE(ws.signInThroughBrowser());
    std::optional<bool> refreshed;
    ws.signIn.refreshNow([&](bool ok) { refreshed = ok; });
    REQUIRE(waitFor([&] { return refreshed.has_value(); }));
    REQUIRE(*refreshed);
    REQUIRE(waitFor([&] { return ws.signIn.vault().status() != TokenVault::Status::Unknown; }));

    CHECK(ws.signIn.vault().status() == TokenVault::Status::MemoryOnly);
    CHECK(ws.signIn.vault().statusMessage().contains("No keychain is available"));
    CHECK(ws.signIn.vault().statusMessage().contains("sign in again next time"));
    const QString refresh = ws.signIn.refreshTokenForTests();
    const QString access = ws.signIn.accessToken();
    CHECK(ws.home.filesContaining(refresh.toLatin1()).isEmpty());
    CHECK(ws.home.filesContaining(access.toLatin1()).isEmpty());

    // A restarted workstation has nothing to sign in with: the reviewer is asked to sign in.
    Workstation restarted(server.url(), server.reviewerSession());
    CHECK_FALSE(restarted.resumeSilently());
    CHECK(restarted.failure->kind == SignInProblem::Kind::NotSignedIn);
}

TEST_CASE("a kept refresh token signs in silently, and a refused one asks for a sign-in and is forgotten",
          "[signin][server]") {
    auto& server = SignInServer::shared();
    Workstation first(server.url(), server.reviewerSession());
    REQUIRE(first.signInThroughBrowser());
    const QString kept = first.signIn.refreshTokenForTests();

    Workstation next(server.url(), server.reviewerSession());
    next.signIn.vault().store(kept);  // what a keychain would give back at start
    REQUIRE(next.resumeSilently());
    CHECK_FALSE(next.browser.opened);
    CHECK(staffMe(server.url(), next.signIn.accessToken()).status == 200);
    CHECK(next.signIn.refreshTokenForTests() != kept);

    Workstation stale(server.url(), server.reviewerSession());
    stale.signIn.vault().store(kept);  // spent by `next`: the server refuses it (and ends that grant)
    CHECK_FALSE(stale.resumeSilently());
    REQUIRE(stale.failure);
    CHECK(stale.failure->kind == SignInProblem::Kind::Refused);
    CHECK(stale.failure->message.contains("Sign in again"));
    CHECK(stale.signIn.accessToken().isEmpty());
    CHECK_FALSE(stale.resumeSilently());
    CHECK(stale.failure->kind == SignInProblem::Kind::NotSignedIn);
}
