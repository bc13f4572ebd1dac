// CSRF on HTML forms: a post without the right token gets the form again, saying it expired,
// and changes nothing; anonymous forms use the double-submit cookie, signed-in ones the
// session's token.
#include <catch2/catch.hpp>

#include "server/web/portal/PortalClient.h"
#include "support/AccountBuilders.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"

using namespace tessera::test;

namespace {

bool contains(const std::string& html, const std::string& text) { return html.find(text) != std::string::npos; }

void checkExpired(const ApiResponse& page) {
    CHECK(page.status == 400);
    CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(contains(page.body, "govuk-error-summary"));
    CHECK(contains(page.body, "Your form expired. Try again."));
}

}  // namespace

TEST_CASE("The sign-in form refuses a post without its double-submit token and changes nothing", "[portal][csrf]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    PortalClient browser(server.port());
    browser.get("/sign-in");
    const std::string token = browser.lastCsrf();
    REQUIRE_FALSE(token.empty());
    const auto before = snapshot(server.db());
    const auto auditBefore = server.services().audit.entriesFor(account.id, 1000).size();
    const FormBody credentials{{"email", account.email}, {"password", account.password}};

    SECTION("no token") { checkExpired(browser.post("/sign-in", credentials)); }
    SECTION("a wrong token") {
        FormBody body = credentials;
        body.emplace_back("csrf", std::string(token.size(), 'A'));
        checkExpired(browser.post("/sign-in", body));
    }
    SECTION("the right token without the cookie (a cross-site post)") {
        browser.api().cookies().erase("tessera_form");
        FormBody body = credentials;
        body.emplace_back("csrf", token);
        auto page = browser.post("/sign-in", body);
        checkExpired(page);
        // The form shown again carries a fresh token and sets its cookie, so trying again works.
        CHECK(browser.api().cookies().count("tessera_form") == 1);
        CHECK(browser.lastCsrf() == browser.api().cookies()["tessera_form"]);
        CHECK(browser.submit("/sign-in", credentials).status == 303);
        return;
    }
    SECTION("a JSON body instead of a form") {
        auto page = browser.api().request("POST", "/sign-in", json({{"email", account.email}, {"csrf", token}}),
                                          "application/json");
        checkExpired(page);
    }
    CHECK(browser.api().cookies().count("tessera_session") == 0);
    CHECK(snapshot(server.db()) == before);
    CHECK(server.services().audit.entriesFor(account.id, 1000).size() == auditBefore);
}

TEST_CASE("Signed-in forms carry the session's token – another token is refused and changes nothing",
          "[portal][csrf]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    PortalClient browser(server.port());
    REQUIRE(signInWithTotp(browser.api(), server.clock(), account).status == 200);
    const std::string sessionCsrf = browser.api().csrfToken();

    auto dashboard = browser.get("/account");
    REQUIRE(dashboard.status == 200);
    CHECK(browser.lastCsrf() == sessionCsrf);  // the header's sign-out form

    const auto before = snapshot(server.db());
    // The anonymous form token is no good for a signed-in form.
    browser.get("/sign-out");
    auto anonymous = browser.api().cookies()["tessera_form"];
    for (const std::string& wrong : {std::string(), anonymous, sessionCsrf + "x"}) {
        INFO("token '" << wrong << "'");
        checkExpired(browser.post("/sign-out", {{"csrf", wrong}}));
    }
    CHECK(snapshot(server.db()) == before);
    CHECK(browser.get("/account").status == 200);
    CHECK(browser.post("/sign-out", {{"csrf", sessionCsrf}}).status == 303);
    CHECK(browser.get("/account").status == 303);
}

TEST_CASE("The form cookie is HttpOnly and SameSite=Strict, and __Host- when Secure", "[portal][csrf]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    auto page = browser.get("/sign-in");
    REQUIRE(page.setCookies.size() == 1);
    CHECK(page.setCookies[0].rfind("tessera_form=", 0) == 0);
    CHECK(contains(page.setCookies[0], "HttpOnly"));
    CHECK(contains(page.setCookies[0], "SameSite=Strict"));
    CHECK(contains(page.setCookies[0], "Path=/"));
    // Once set, the same token serves every anonymous form.
    auto again = browser.get("/sign-in");
    CHECK(again.setCookies.empty());

    TestServer secure("sqlite", [](tessera::infra::Settings& s) {
        useCheapPasswordHashing(s);
        s.cookieSecure = true;
    });
    PortalClient secureBrowser(secure.port());
    auto securePage = secureBrowser.get("/sign-in");
    REQUIRE(securePage.setCookies.size() == 1);
    CHECK(securePage.setCookies[0].rfind("__Host-tessera_form=", 0) == 0);
    CHECK(contains(securePage.setCookies[0], "; Secure"));
}
