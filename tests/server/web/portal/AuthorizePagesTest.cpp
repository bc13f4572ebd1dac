// The authorization endpoint's pages (consent, step-up, error, "returning you to the service")
// in every language, with the portal's layout and CSP, and the language a service asks for
// with ui_locales.
#include <catch2/catch.hpp>

#include <regex>

#include "core/oidc/ConsentService.h"
#include "server/web/oidc/AuthorizeWebFixture.h"

using namespace tessera;
using namespace tessera::test;

namespace {

std::string pendingIn(const std::string& html) {
    static const std::regex field(R"re(name="pending" value="([^"]*)")re");
    std::smatch m;
    return std::regex_search(html, m, field) ? m[1].str() : std::string();
}

void looksLikeAPortalPage(const ApiResponse& page, const std::string& language) {
    CHECK(page.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(page.header("Content-Language") == language);
    CHECK(page.header("Cache-Control") == "no-store");
    CHECK(page.header("Content-Security-Policy").rfind("default-src 'none'; script-src 'self'; style-src 'self'", 0) == 0);
    CHECK(contains(page.body, "<html lang=\"" + language + "\""));
    CHECK(contains(page.body, "href=\"#main-content\""));
    CHECK_FALSE(contains(page.body, "<script>"));
    CHECK_FALSE(contains(page.body, "style="));
    CHECK_FALSE(contains(page.body, "consent."));  // no message key left untranslated
    CHECK_FALSE(contains(page.body, "step_up."));
    CHECK_FALSE(contains(page.body, "authorize_error."));
    CHECK_FALSE(contains(page.body, "{service}"));
}

}  // namespace

TEST_CASE("The authorization pages render in English, French and Gaelic", "[portal][pages][authorize]") {
    AuthorizeServer s;
    auto council = makeService(s.services(), signInService());
    auto ada = makeAccount(s.services(), activeWithTotp());
    PortalClient browser(s.port());
    REQUIRE(signInWithTotp(browser.api(), s.clock(), ada).status == 200);
    const auto request = authorizeParameters(council.service);

    struct Expected {
        std::string language, consentHeading, claim, reason, stepUpHeading, errorHeading, continueText;
    };
    const std::vector<Expected> expected{
        {"en", "Share your details with Council tax?", "your date of birth",
         "We use your name and address to find your council tax account.",
         "Council tax needs more proof of who you are", "There is a problem with the link from the service",
         "Continue to Council tax"},
        {"fr", "Partager vos informations avec Council tax ?", "votre date de naissance",
         "Nous utilisons votre nom et votre adresse pour trouver votre compte de taxe.",
         "Council tax a besoin d’une meilleure preuve de votre identité", "Il y a un problème avec le lien du service",
         "Continuer vers Council tax"},
        {"gd", "A bheil thu airson am fiosrachadh agad a roinn le Council tax?", "ceann-là do bhreith",
         "Cleachdaidh sinn d’ ainm is do sheòladh gus an cunntas cìse agad a lorg.",
         "Tha feum aig Council tax air barrachd dearbhaidh air cò thu", "Tha duilgheadas leis a’ cheangal on t-seirbheis",
         "Lean air adhart gu Council tax"},
    };
    for (const auto& e : expected) {
        INFO(e.language);
        browser.api().cookies()["lang"] = e.language;  // the language links' choice

        auto consent = browser.get(authorizePath(request));
        REQUIRE(consent.status == 200);
        looksLikeAPortalPage(consent, e.language);
        CHECK(contains(consent.body, e.consentHeading));
        CHECK(contains(consent.body, e.claim));
        CHECK(contains(consent.body, e.reason));

        auto stepUp = browser.get(authorizePath(with(request, "acr_values", "urn:tessera:loa:3")));
        REQUIRE(stepUp.status == 200);
        looksLikeAPortalPage(stepUp, e.language);
        CHECK(contains(stepUp.body, e.stepUpHeading));

        auto error = browser.get(authorizePath(with(request, "redirect_uri", "https://elsewhere.example/")));
        REQUIRE(error.status == 400);
        looksLikeAPortalPage(error, e.language);
        CHECK(contains(error.body, e.errorHeading));

        auto denied = browser.submit("/oauth2/authorize/consent", {{"pending", pendingIn(consent.body)}, {"decision", "deny"}});
        REQUIRE(denied.status == 200);
        looksLikeAPortalPage(denied, e.language);
        CHECK(contains(denied.body, e.continueText));
        CHECK(destination(denied).rfind(kServiceRedirect, 0) == 0);
    }
}

TEST_CASE("ui_locales chooses the pages' language unless the citizen chose one here", "[portal][language][authorize]") {
    AuthorizeServer s;
    auto council = makeService(s.services(), signInService());
    auto ada = makeAccount(s.services(), activeWithTotp());  // account language: English
    PortalClient browser(s.port());
    REQUIRE(signInWithTotp(browser.api(), s.clock(), ada).status == 200);
    const auto gaelic = with(authorizeParameters(council.service), "ui_locales", "gd-GB en");

    auto page = browser.get(authorizePath(gaelic), {{"Accept-Language", "fr"}});
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "<html lang=\"gd\""));
    // The reason is shown in its own language when the service has none in the page's.
    core::ServiceChanges englishOnly = signInService("Parking permits");
    englishOnly.consentText = std::map<std::string, std::string>{{"en", "We need your email address."}};
    auto parking = makeService(s.services(), englishOnly);
    auto mixed = browser.get(authorizePath(with(authorizeParameters(parking.service), "ui_locales", "gd")));
    CHECK(contains(mixed.body, "lang=\"en\">We need your email address."));

    browser.api().cookies()["lang"] = "fr";
    auto chosen = browser.get(authorizePath(gaelic));
    CHECK(contains(chosen.body, "<html lang=\"fr\""));

    // A language link on the page re-runs the same request in that language.
    browser.api().cookies().erase("lang");
    auto link = browser.get(authorizePath(gaelic) + "&lang=en");
    REQUIRE(link.status == 303);
    CHECK(withoutQuery(link.header("Location")) == "/oauth2/authorize");
    CHECK(queryOf(link.header("Location")) == queryOf(authorizePath(gaelic)));
}
