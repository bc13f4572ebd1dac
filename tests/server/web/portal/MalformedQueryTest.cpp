// A query string with a broken %-escape is bad input like any other: the page answers as if
// the parameter were absent (or refuses the request), never with a server error.
#include <catch2/catch.hpp>

#include "server/web/portal/PortalClient.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"

using namespace tessera::test;

TEST_CASE("Pages answer a malformed query string without a server error", "[portal][bad-input]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());

    auto start = browser.get("/?lang=%zz");
    CHECK(start.status == 200);
    CHECK(start.header("Content-Type").rfind("text/html", 0) == 0);

    auto signIn = browser.get("/sign-in?next=%zz");
    CHECK(signIn.status == 200);

    // The authorization endpoint cannot tell which service asked: an error page, no redirect.
    auto authorize = browser.get("/oauth2/authorize?client_id=%zz&redirect_uri=%zz");
    CHECK(authorize.status == 400);
    CHECK(authorize.header("Location").empty());
    CHECK(authorize.header("Content-Type").rfind("text/html", 0) == 0);
}
