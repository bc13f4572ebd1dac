// Choosing the page language: the language links (cookie), then the account's preferred
// language, then Accept-Language, else English.
#include <catch2/catch.hpp>

#include "core/accounts/ProfileService.h"
#include "server/web/portal/PortalClient.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"
#include "web/portal/Language.h"

using namespace tessera::web::portal;
using namespace tessera::test;

TEST_CASE("Accept-Language picks the supported language the browser prefers most", "[portal][language]") {
    CHECK(fromAcceptLanguage("fr") == "fr");
    CHECK(fromAcceptLanguage("fr-CA,fr;q=0.9,en;q=0.8") == "fr");
    CHECK(fromAcceptLanguage("de-DE, de;q=0.9, gd;q=0.5, en;q=0.4") == "gd");
    CHECK(fromAcceptLanguage("en;q=0.5, fr;q=0.8") == "fr");
    CHECK(fromAcceptLanguage("GD") == "gd");
    CHECK(fromAcceptLanguage("fr;q=0, en") == "en");                // q=0 refuses
    CHECK(fromAcceptLanguage("de, *;q=0.1") == "en");               // anything at all: English
    CHECK(fromAcceptLanguage("en, fr") == "en");                    // ties keep the header's order
    CHECK(fromAcceptLanguage("de, es") == std::nullopt);
    CHECK(fromAcceptLanguage("") == std::nullopt);
    CHECK(fromAcceptLanguage("fr;q=abc, gd;q=1.5, en;q=0.3") == "en");  // malformed q-values are ignored
    CHECK(fromAcceptLanguage(",,;q=,fr-") == "fr");
}

TEST_CASE("The explicit choice wins over the account, which wins over the browser", "[portal][language]") {
    CHECK(chooseLanguage({"gd", "fr", "en"}) == "gd");
    CHECK(chooseLanguage({std::nullopt, "fr", "gd"}) == "fr");
    CHECK(chooseLanguage({std::nullopt, std::nullopt, "gd, en;q=0.5"}) == "gd");
    CHECK(chooseLanguage({std::nullopt, std::nullopt, std::nullopt}) == "en");
    // Values we have no catalogue for are passed over.
    CHECK(chooseLanguage({"de", "xx", "fr"}) == "fr");
    CHECK(chooseLanguage({"<script>", std::nullopt, std::nullopt}) == "en");
}

TEST_CASE("A language link sets the choice and redirects to the same page without it", "[portal][language]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());

    auto page = browser.get("/sign-in", {{"Accept-Language", "gd"}});
    REQUIRE(page.status == 200);
    CHECK(page.body.find("<html lang=\"gd\"") != std::string::npos);
    CHECK(page.header("Content-Language") == "gd");
    CHECK(page.body.find("href=\"/sign-in?lang=fr\"") != std::string::npos);

    auto switched = browser.get("/sign-in?next=%2Faccount&lang=fr");
    CHECK(switched.status == 303);
    CHECK(switched.header("Location") == "/sign-in?next=/account");
    REQUIRE(browser.api().cookies().count("lang") == 1);
    CHECK(browser.api().cookies()["lang"] == "fr");

    auto french = browser.get("/sign-in", {{"Accept-Language", "gd"}});
    CHECK(french.body.find("<html lang=\"fr\"") != std::string::npos);
    CHECK(french.body.find("Connectez-vous à votre compte") != std::string::npos);

    // An unknown language is dropped from the address and changes nothing.
    auto unknown = browser.get("/?lang=de");
    CHECK(unknown.status == 303);
    CHECK(unknown.header("Location") == "/");
    CHECK(browser.api().cookies()["lang"] == "fr");
}

TEST_CASE("A signed-in citizen's pages are in their preferred language unless they chose another",
          "[portal][language]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    tessera::core::ProfileChanges changes;
    changes.language = "gd";
    REQUIRE(tessera::core::ProfileService(server.services()).update(account.id, changes, "127.0.0.1").ok());

    PortalClient browser(server.port());
    REQUIRE(signInWithTotp(browser.api(), server.clock(), account).status == 200);
    auto dashboard = browser.get("/account", {{"Accept-Language", "fr"}});
    REQUIRE(dashboard.status == 200);
    CHECK(dashboard.body.find("<html lang=\"gd\"") != std::string::npos);

    browser.get("/account?lang=en");
    auto english = browser.get("/account", {{"Accept-Language", "fr"}});
    CHECK(english.body.find("<html lang=\"en\"") != std::string::npos);
}
