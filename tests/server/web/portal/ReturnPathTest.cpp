// "next" may only send the citizen to a path on this site: no open redirect.
#include <catch2/catch.hpp>

#include "server/web/portal/PortalClient.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"
#include "web/portal/Form.h"
#include "web/portal/PageResponse.h"

using namespace tessera::test;
using tessera::web::portal::safeReturnPath;

TEST_CASE("Only same-site paths are return targets", "[portal][redirect]") {
    CHECK(safeReturnPath("/account") == "/account");
    CHECK(safeReturnPath("/account?x=1&y=%2F%2F") == "/account?x=1&y=%2F%2F");
    CHECK(safeReturnPath("/") == "/");
    for (const std::string& bad : std::vector<std::string>{
             "", "account", "//evil.example", "//evil.example/account", "/\\evil.example", "\\\\evil.example",
          "https://evil.example/", "javascript:alert(1)", "/\t/evil.example", "/\n/evil.example", "/ /evil.example",
          "/acc\\ount", std::string("/\0/evil", 6), "/a\x7f", " /account", std::string(2001, '/').replace(1, 1, "a")}) {
        INFO("'" << bad << "'");
        CHECK_FALSE(safeReturnPath(bad).has_value());
    }
}

TEST_CASE("Open-redirect attempts through sign-in end on the dashboard", "[portal][redirect]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    for (const std::string next : {"//evil.example/", "https://evil.example/", "/\\evil.example", "/\t/evil.example",
                                   "/\n/evil.example", "\\\\evil.example", "javascript:alert(1)"}) {
        INFO("next=" << next);
        PortalClient browser(server.port());
        auto form = browser.get("/sign-in?next=" + tessera::web::portal::formEncode(next));
        REQUIRE(form.status == 200);
        CHECK(form.body.find("name=\"next\"") == std::string::npos);  // not carried in the form

        auto posted = browser.submit("/sign-in", {{"email", account.email}, {"password", account.password}, {"next", next}});
        REQUIRE(posted.status == 303);
        CHECK(posted.header("Location") == "/sign-in/code");
        browser.follow(posted);
        server.clock().advance(30);
        auto signedIn = browser.submit("/sign-in/code", {{"code", totpCode(account.totpSecret, server.clock())}, {"next", next}});
        REQUIRE(signedIn.status == 303);
        CHECK(signedIn.header("Location") == "/account");
    }
}

TEST_CASE("Language links cannot be turned into a redirect elsewhere", "[portal][redirect]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    // A request target starting "//" would be another site if echoed back as a Location.
    auto r = browser.get("//evil.example/?lang=fr");
    if (r.status == 303) {
        const std::string location = r.header("Location");
        CHECK(location.rfind("//", 0) != 0);
        CHECK(location.find("evil") == std::string::npos);
    }
}
