// The sign-in pages over HTTP, as a browser without JavaScript uses them: the form, the
// 303s of post/redirect/get, the code page, the dashboard, signing out.
#include <catch2/catch.hpp>

#include "core/accounts/ProfileService.h"
#include "server/web/portal/PortalClient.h"
#include "support/AccountBuilders.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"

using namespace tessera::test;

namespace {

const std::string kSessionCookie = "tessera_session";  // cookieSecure is off in test servers

bool contains(const std::string& html, const std::string& text) { return html.find(text) != std::string::npos; }

// Email and password through the form; returns the answer to the post.
ApiResponse postPasswordForm(PortalClient& browser, const TestAccount& account, const std::string& signInPath = "/sign-in") {
    REQUIRE(browser.get(signInPath).status == 200);
    return browser.submit("/sign-in", {{"email", account.email}, {"password", account.password}});
}

}  // namespace

TEST_CASE("Signing in with the forms: password, TOTP code, then the dashboard with the citizen's name",
          "[portal][signin]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    AccountSpec spec = activeWithTotp();
    spec.name = "Ada <b>Lovelace</b>";
    auto account = makeAccount(server.services(), spec);
    PortalClient browser(server.port());

    auto form = browser.get("/sign-in");
    REQUIRE(form.status == 200);
    CHECK(form.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(form.header("Content-Security-Policy") ==
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
          "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    CHECK(form.header("Cache-Control") == "no-store");
    CHECK(contains(form.body, "<title>Sign in – Tessera</title>"));
    CHECK(contains(form.body, "autocomplete=\"current-password\""));
    CHECK_FALSE(browser.lastCsrf().empty());
    CHECK(browser.api().cookies().count("tessera_form") == 1);
    CHECK(browser.api().cookies()["tessera_form"] == browser.lastCsrf());

    auto posted = browser.submit("/sign-in", {{"email", account.email}, {"password", account.password}});
    REQUIRE(posted.status == 303);
    CHECK(posted.header("Location") == "/sign-in/code");
    REQUIRE(browser.api().cookies().count(kSessionCookie) == 1);
    const std::string pendingToken = browser.api().cookies()[kSessionCookie];

    auto codePage = browser.follow(posted);
    REQUIRE(codePage.status == 200);
    CHECK(contains(codePage.body, "Enter the code from your authenticator app"));
    CHECK(contains(codePage.body, "inputmode=\"numeric\""));
    CHECK(contains(codePage.body, "href=\"/sign-in/recovery-code\""));

    auto signedIn = browser.submit("/sign-in/code", {{"code", totpCode(account.totpSecret, server.clock())}});
    REQUIRE(signedIn.status == 303);
    CHECK(signedIn.header("Location") == "/account");
    CHECK(browser.api().cookies()[kSessionCookie] != pendingToken);  // a new session id at sign-in

    auto dashboard = browser.follow(signedIn);
    REQUIRE(dashboard.status == 200);
    CHECK(contains(dashboard.body, "Hello, Ada &lt;b&gt;Lovelace&lt;/b&gt;"));
    CHECK_FALSE(contains(dashboard.body, "<b>Lovelace"));
    CHECK(contains(dashboard.body, "Level 0"));
    CHECK(contains(dashboard.body, "public information and application forms"));
    CHECK(contains(dashboard.body, account.email));

    // The header's sign-out button posts the session's token; afterwards the dashboard is closed.
    auto signedOut = browser.submit("/sign-out", {});
    REQUIRE(signedOut.status == 303);
    CHECK(signedOut.header("Location") == "/signed-out");
    CHECK(browser.api().cookies().count(kSessionCookie) == 0);
    CHECK(browser.follow(signedOut).status == 200);
    auto closed = browser.get("/account");
    CHECK(closed.status == 303);
    CHECK(closed.header("Location") == "/sign-in");
}

TEST_CASE("A wrong password shows the form again with the email kept, never the password", "[portal][signin]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    PortalClient browser(server.port());
    browser.get("/sign-in");

    auto wrong = browser.submit("/sign-in", {{"email", account.email}, {"password", "not the password"}});
    CHECK(wrong.status == 400);
    CHECK(contains(wrong.body, "<title>Error: Sign in – Tessera</title>"));
    CHECK(contains(wrong.body, "govuk-error-summary"));
    CHECK(contains(wrong.body, "<a href=\"#email\">The email address or password is not right.</a>"));
    CHECK(contains(wrong.body, "govuk-form-group--error"));
    CHECK(contains(wrong.body, "id=\"email-error\""));
    CHECK(contains(wrong.body, "value=\"" + account.email + "\""));
    CHECK_FALSE(contains(wrong.body, "not the password"));
    CHECK(browser.api().cookies().count(kSessionCookie) == 0);

    auto empty = browser.submit("/sign-in", {{"email", "  "}, {"password", ""}});
    CHECK(empty.status == 400);
    CHECK(contains(empty.body, "<a href=\"#email\">Enter your email address</a>"));
    CHECK(contains(empty.body, "<a href=\"#password\">Enter your password</a>"));
    CHECK(contains(empty.body, "aria-describedby=\"password-error\""));
}

TEST_CASE("A wrong code shows the code page again – the pending session can still finish", "[portal][signin]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    PortalClient browser(server.port());
    REQUIRE(postPasswordForm(browser, account).status == 303);
    browser.get("/sign-in/code");

    auto wrong = browser.submit("/sign-in/code", {{"code", "000000"}});
    CHECK(wrong.status == 400);
    CHECK(contains(wrong.body, "<a href=\"#code\">The security code is not right. Check it and try again.</a>"));
    auto missing = browser.submit("/sign-in/code", {{"code", ""}});
    CHECK(contains(missing.body, "Enter the 6-digit security code"));

    auto right = browser.submit("/sign-in/code", {{"code", totpCode(account.totpSecret, server.clock())}});
    CHECK(right.status == 303);
    CHECK(browser.follow(right).status == 200);
}

TEST_CASE("A recovery code signs in instead of the app's code", "[portal][signin]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    auto codes = giveRecoveryCodes(server.services(), account.id);
    PortalClient browser(server.port());
    REQUIRE(postPasswordForm(browser, account, "/sign-in?next=%2Fpolicies%2Fprivacy-policy").status == 303);

    auto page = browser.get("/sign-in/recovery-code?next=%2Fpolicies%2Fprivacy-policy");
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "name=\"next\" value=\"/policies/privacy-policy\""));
    auto wrong = browser.submit("/sign-in/recovery-code", {{"recoveryCode", "AAAA-BBBB-CCCC"}, {"next", "/policies/privacy-policy"}});
    CHECK(wrong.status == 400);
    CHECK(contains(wrong.body, "That recovery code is not right, or it has already been used."));

    auto right = browser.submit("/sign-in/recovery-code", {{"recoveryCode", codes.front()}, {"next", "/policies/privacy-policy"}});
    REQUIRE(right.status == 303);
    CHECK(right.header("Location") == "/policies/privacy-policy");
    CHECK(browser.get("/account").status == 200);
}

TEST_CASE("The code page needs the password step first", "[portal][signin]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    auto page = browser.get("/sign-in/code");
    CHECK(page.status == 303);
    CHECK(page.header("Location") == "/sign-in");
    auto post = browser.post("/sign-in/code", {{"code", "123456"}, {"csrf", "x"}});
    CHECK(post.status == 303);
    CHECK(post.header("Location") == "/sign-in");
}

TEST_CASE("Pages that need an account send visitors to sign in and back", "[portal][signin]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    PortalClient browser(server.port());

    auto closed = browser.get("/account?tab=1");
    REQUIRE(closed.status == 303);
    CHECK(closed.header("Location") == "/sign-in?next=/account%3Ftab%3D1");
    auto signInPage = browser.follow(closed);
    CHECK(contains(signInPage.body, "name=\"next\" value=\"/account?tab=1\""));

    auto posted = browser.submit("/sign-in", {{"email", account.email}, {"password", account.password}, {"next", "/account?tab=1"}});
    REQUIRE(posted.status == 303);
    CHECK(posted.header("Location") == "/sign-in/code?next=/account%3Ftab%3D1");
    browser.follow(posted);
    auto signedIn = browser.submit("/sign-in/code", {{"code", totpCode(account.totpSecret, server.clock())}, {"next", "/account?tab=1"}});
    REQUIRE(signedIn.status == 303);
    CHECK(signedIn.header("Location") == "/account?tab=1");

    // Signed in, the sign-in page goes straight on.
    auto again = browser.get("/sign-in");
    CHECK(again.status == 303);
    CHECK(again.header("Location") == "/account");
}

TEST_CASE("Citizens whose terms changed are sent to accept them before the dashboard", "[portal][signin]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    AccountSpec spec = activeWithTotp();
    spec.acceptTerms = false;
    auto account = makeAccount(server.services(), spec);
    PortalClient browser(server.port());
    REQUIRE(signInWithTotp(browser.api(), server.clock(), account).status == 200);
    auto dashboard = browser.get("/account");
    CHECK(dashboard.status == 303);
    CHECK(dashboard.header("Location") == "/accept-terms");
}

TEST_CASE("Emailed codes: the code page says where the code went", "[portal][signin]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithEmailCodes());
    PortalClient browser(server.port());
    REQUIRE(postPasswordForm(browser, account).status == 303);
    auto page = browser.get("/sign-in/code");
    CHECK(contains(page.body, "Check your email"));
    CHECK(contains(page.body, "We have sent a 6-digit code to " + account.email));
    auto right = browser.submit("/sign-in/code", {{"code", server.lastCodeSentTo(account.email)}});
    CHECK(right.status == 303);
    CHECK(right.header("Location") == "/account");
}

TEST_CASE("Start, policy and error pages render in every language", "[portal][pages]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    for (const std::string language : {"en", "fr", "gd"}) {
        for (const std::string path : {"/", "/sign-in", "/policies/terms-of-service", "/policies/privacy-policy",
                                       "/policies/data-collection", "/signed-out"}) {
            auto page = browser.get(path, {{"Accept-Language", language}});
            INFO(language << " " << path);
            CHECK(page.status == 200);
            CHECK(contains(page.body, "<html lang=\"" + language + "\""));
            CHECK(contains(page.body, "href=\"#main-content\""));
            CHECK(contains(page.body, "<meta name=\"viewport\""));
            CHECK_FALSE(contains(page.body, "<script>"));
            CHECK_FALSE(contains(page.body, "style="));
        }
        auto missing = browser.get("/policies/nothing", {{"Accept-Language", language}});
        CHECK(missing.status == 404);
        CHECK(missing.header("Content-Type") == "text/html; charset=utf-8");
    }
    auto gaelic = browser.get("/policies/privacy-policy", {{"Accept-Language", "gd"}});
    CHECK(contains(gaelic.body, "Poileasaidh prìobhaideachd"));
    CHECK(contains(gaelic.body, "Tionndadh 1"));
}
