// "Your details" over HTTP, as a browser without JavaScript uses it: the summary with its
// Change links, each change page (post/redirect/get back to the summary with a "saved"
// banner), the error summary with the values kept, forms that expired, a change made in
// another tab meanwhile (the optimistic version), and a new email address confirmed by code.
#include <catch2/catch.hpp>

#include <regex>

#include "core/accounts/ProfileService.h"
#include "server/web/portal/PortalClient.h"
#include "support/AccountBuilders.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"

using namespace tessera;
using namespace tessera::test;

namespace {

bool contains(const std::string& html, const std::string& text) { return html.find(text) != std::string::npos; }

// The value of the hidden field `name` in a page.
std::string hiddenValue(const std::string& html, const std::string& name) {
    const std::regex field("name=\"" + name + "\" value=\"([^\"]*)\"");
    std::smatch m;
    return std::regex_search(html, m, field) ? m[1].str() : std::string();
}

core::Account stored(TestServer& server, const TestAccount& account) {
    auto a = core::ProfileService(server.services()).view(account.id);
    REQUIRE(a.ok());
    return *a;
}

struct Citizen {
    TestServer server{"sqlite", useCheapPasswordHashing};
    TestAccount account = makeAccount(server.services(), activeWithTotp());
    PortalClient browser{server.port()};

    Citizen() { REQUIRE(signInWithTotp(browser.api(), server.clock(), account).status == 200); }

    // Opens a change page, then posts `fields` with its csrf and version.
    ApiResponse change(const std::string& path, FormBody fields) {
        auto page = browser.get(path);
        REQUIRE(page.status == 200);
        fields.emplace_back("version", hiddenValue(page.body, "version"));
        return browser.submit(path, fields);
    }
};

}  // namespace

TEST_CASE("Your details: every detail with a Change link to its own page", "[portal][profile]") {
    Citizen c;
    auto page = c.browser.get("/account/profile");
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "<title>Your details – Tessera</title>"));
    CHECK(contains(page.body, "govuk-summary-list"));
    CHECK(contains(page.body, "Ada Lovelace"));
    CHECK(contains(page.body, c.account.email));
    CHECK(contains(page.body, "English"));
    CHECK(contains(page.body, "Not given"));
    for (const std::string path : {"/account/profile/name", "/account/profile/date-of-birth", "/account/profile/sex",
                                   "/account/profile/address", "/account/profile/phone", "/account/profile/language",
                                   "/account/profile/email"}) {
        INFO(path);
        CHECK(contains(page.body, "href=\"" + path + "\""));
        auto changePage = c.browser.get(path);
        CHECK(changePage.status == 200);
        CHECK(contains(changePage.body, "href=\"/account/profile\""));  // back, and cancel
        CHECK_FALSE(contains(changePage.body, "style="));
    }
    CHECK(contains(page.body, "Change<span class=\"govuk-visually-hidden\"> address</span>"));
    CHECK_FALSE(contains(page.body, "govuk-notification-banner"));
}

TEST_CASE("Signed-out visitors to a profile page sign in and come back to it", "[portal][profile]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    PortalClient browser(server.port());

    auto closed = browser.get("/account/profile/address");
    REQUIRE(closed.status == 303);
    CHECK(closed.header("Location") == "/sign-in?next=/account/profile/address");
    auto post = browser.post("/account/profile/address", {{"line1", "1 High Street"}, {"csrf", "x"}});
    CHECK(post.status == 303);
    CHECK(post.header("Location") == "/sign-in?next=/account/profile/address");

    browser.follow(closed);
    auto posted = browser.submit("/sign-in", {{"email", account.email}, {"password", account.password},
                                              {"next", "/account/profile/address"}});
    REQUIRE(posted.status == 303);
    browser.follow(posted);
    auto signedIn = browser.submit("/sign-in/code", {{"code", totpCode(account.totpSecret, server.clock())},
                                                     {"next", "/account/profile/address"}});
    REQUIRE(signedIn.status == 303);
    CHECK(signedIn.header("Location") == "/account/profile/address");
    CHECK(browser.follow(signedIn).status == 200);
}

TEST_CASE("Changing the address: saved with the postcode normalised, then a saved banner", "[portal][profile]") {
    Citizen c;
    auto form = c.browser.get("/account/profile/address");
    REQUIRE(form.status == 200);
    for (const std::string attribute :
         {"name=\"line1\"", "autocomplete=\"address-line1\"", "name=\"line2\"", "autocomplete=\"address-line2\"",
          "name=\"town\"", "autocomplete=\"address-level2\"", "name=\"postcode\"", "autocomplete=\"postal-code\"",
          "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--l\">"})
        CHECK(contains(form.body, attribute));
    CHECK(hiddenValue(form.body, "version") == std::to_string(stored(c.server, c.account).version));

    auto saved = c.change("/account/profile/address",
                          {{"line1", " 12  Kenneth Street "}, {"line2", ""}, {"town", "Stornoway"}, {"postcode", "hs12dr"}});
    REQUIRE(saved.status == 303);
    CHECK(saved.header("Location") == "/account/profile?saved=address");
    const auto after = stored(c.server, c.account);
    CHECK(after.address.line1 == "12 Kenneth Street");
    CHECK(after.address.town == "Stornoway");
    CHECK(after.address.postcode == "HS1 2DR");

    auto summary = c.browser.follow(saved);
    REQUIRE(summary.status == 200);
    CHECK(contains(summary.body, "govuk-notification-banner--success"));
    CHECK(contains(summary.body, "Your address has been saved"));
    CHECK(contains(summary.body, "HS1 2DR"));
    CHECK(contains(summary.body, "12 Kenneth Street"));
    // The form shows what is stored.
    auto again = c.browser.get("/account/profile/address");
    CHECK(contains(again.body, "value=\"HS1 2DR\""));
    // An unknown "saved" value shows no banner.
    CHECK_FALSE(contains(c.browser.get("/account/profile?saved=nothing").body, "govuk-notification-banner"));
}

TEST_CASE("A bad address shows the error summary, keeps what was typed and changes nothing", "[portal][profile]") {
    Citizen c;
    const auto before = snapshot(c.server.db());
    auto bad = c.change("/account/profile/address",
                        {{"line1", ""}, {"line2", "Flat <2>"}, {"town", "Stornoway"}, {"postcode", "NOT A CODE"}});
    CHECK(bad.status == 400);
    CHECK(contains(bad.body, "<title>Error: Change your address – Tessera</title>"));
    CHECK(contains(bad.body, "govuk-error-summary"));
    CHECK(contains(bad.body, "<a href=\"#line1\">Enter the first line of your address</a>"));
    CHECK(contains(bad.body, "<a href=\"#postcode\">Enter a real UK postcode, for example HS1 2DR</a>"));
    CHECK(contains(bad.body, "id=\"postcode-error\""));
    CHECK(contains(bad.body, "value=\"Flat &lt;2&gt;\""));
    CHECK(contains(bad.body, "value=\"NOT A CODE\""));
    CHECK(contains(bad.body, "value=\"Stornoway\""));
    CHECK(snapshot(c.server.db()) == before);

    auto empty = c.change("/account/profile/address", {{"line1", " "}, {"line2", ""}, {"town", ""}, {"postcode", ""}});
    CHECK(empty.status == 400);
    CHECK(contains(empty.body, "<a href=\"#line1\">Enter the first line of your address</a>"));
    CHECK(contains(empty.body, "<a href=\"#town\">Enter your town or city</a>"));
    CHECK(contains(empty.body, "<a href=\"#postcode\">Enter your postcode</a>"));
    CHECK(snapshot(c.server.db()) == before);
}

TEST_CASE("A profile form without the right csrf token expired: nothing changes", "[portal][profile]") {
    Citizen c;
    auto page = c.browser.get("/account/profile/address");
    const std::string version = hiddenValue(page.body, "version");
    const auto before = snapshot(c.server.db());
    const FormBody address{{"line1", "1 High Street"}, {"town", "Oban"}, {"postcode", "PA34 4AA"}, {"version", version}};

    auto missing = c.browser.post("/account/profile/address", address);
    CHECK(missing.status == 400);
    CHECK(contains(missing.body, "Your form expired. Try again."));
    CHECK(contains(missing.body, "value=\"1 High Street\""));  // kept, to send again
    FormBody forged = address;
    forged.emplace_back("csrf", "not-the-token");
    CHECK(c.browser.post("/account/profile/address", forged).status == 400);
    FormBody name{{"name", "Someone Else"}, {"version", version}, {"csrf", "forged"}};
    CHECK(c.browser.post("/account/profile/name", name).status == 400);
    CHECK(c.browser.post("/account/profile/email", {{"email", "mallory@example.org"}}).status == 400);
    CHECK(snapshot(c.server.db()) == before);
}

TEST_CASE("A change made in another tab meanwhile is never silently overwritten", "[portal][profile]") {
    Citizen c;
    auto tabA = c.browser.get("/account/profile/phone");
    const std::string staleVersion = hiddenValue(tabA.body, "version");
    // Tab B saves first.
    auto savedInB = c.change("/account/profile/address",
                             {{"line1", "12 Kenneth Street"}, {"town", "Stornoway"}, {"postcode", "HS1 2DR"}});
    REQUIRE(savedInB.status == 303);
    const auto before = snapshot(c.server.db());

    auto stale = c.browser.submit("/account/profile/phone", {{"phone", "07700 900123"}, {"version", staleVersion}});
    CHECK(stale.status == 409);
    CHECK(contains(stale.body, "Your details were changed in another tab or window after you opened this page."));
    CHECK(contains(stale.body, "<a href=\"#phone\">"));
    CHECK(contains(stale.body, "What is saved now:"));
    CHECK(contains(stale.body, "value=\"07700 900123\""));  // what they typed, to save on purpose
    CHECK(snapshot(c.server.db()) == before);

    // The form now carries the current version: saving again is a deliberate choice.
    const std::string current = hiddenValue(stale.body, "version");
    CHECK(current == std::to_string(stored(c.server, c.account).version));
    auto again = c.browser.submit("/account/profile/phone", {{"phone", "07700 900123"}, {"version", current}});
    REQUIRE(again.status == 303);
    CHECK(stored(c.server, c.account).phone == "+447700900123");
    CHECK(stored(c.server, c.account).address.postcode == "HS1 2DR");  // B's change kept

    // A form with no version or a made-up one is refused the same way.
    auto noVersion = c.browser.submit("/account/profile/phone", {{"phone", "07700 900999"}});
    CHECK(noVersion.status == 409);
    CHECK(stored(c.server, c.account).phone == "+447700900123");
}

TEST_CASE("Name and preferred name: the dashboard greets by the preferred name", "[portal][profile]") {
    Citizen c;
    auto form = c.browser.get("/account/profile/name");
    CHECK(contains(form.body, "autocomplete=\"name\""));
    CHECK(contains(form.body, "value=\"Ada Lovelace\""));

    auto bad = c.change("/account/profile/name", {{"name", ""}, {"preferredName", "Ada 2"}});
    CHECK(bad.status == 400);
    CHECK(contains(bad.body, "<a href=\"#name\">Enter your full name</a>"));
    CHECK(contains(bad.body, "<a href=\"#preferredName\">Your preferred name can only include letters"));
    CHECK(contains(bad.body, "value=\"Ada 2\""));

    auto saved = c.change("/account/profile/name", {{"name", "Augusta Ada King"}, {"preferredName", "Ada"}});
    REQUIRE(saved.status == 303);
    CHECK(saved.header("Location") == "/account/profile?saved=name");
    CHECK(contains(c.browser.follow(saved).body, "Your name has been saved"));
    CHECK(stored(c.server, c.account).name == "Augusta Ada King");
    CHECK(contains(c.browser.get("/account").body, "Hello, Ada</h1>"));

    // An empty preferred name removes it.
    REQUIRE(c.change("/account/profile/name", {{"name", "Augusta Ada King"}, {"preferredName", ""}}).status == 303);
    CHECK(stored(c.server, c.account).preferredName.empty());
}

TEST_CASE("Date of birth in three parts: a real date in the past", "[portal][profile]") {
    Citizen c;
    auto form = c.browser.get("/account/profile/date-of-birth");
    REQUIRE(form.status == 200);
    for (const std::string attribute : {"name=\"dateOfBirth-day\"", "autocomplete=\"bday-day\"", "name=\"dateOfBirth-month\"",
                                        "autocomplete=\"bday-month\"", "name=\"dateOfBirth-year\"", "autocomplete=\"bday-year\"",
                                        "govuk-date-input", "inputmode=\"numeric\"", "id=\"dateOfBirth\""})
        CHECK(contains(form.body, attribute));
    const auto before = snapshot(c.server.db());

    auto notReal = c.change("/account/profile/date-of-birth",
                            {{"dateOfBirth-day", "31"}, {"dateOfBirth-month", "2"}, {"dateOfBirth-year", "1990"}});
    CHECK(notReal.status == 400);
    CHECK(contains(notReal.body, "<a href=\"#dateOfBirth\">Date of birth must be a real date, for example 27 3 1985</a>"));
    CHECK(contains(notReal.body, "value=\"31\""));
    CHECK(contains(notReal.body, "value=\"1990\""));
    auto letters = c.change("/account/profile/date-of-birth",
                            {{"dateOfBirth-day", "x"}, {"dateOfBirth-month", "3"}, {"dateOfBirth-year", "85"}});
    CHECK(letters.status == 400);
    CHECK(contains(letters.body, "Date of birth must be a real date"));
    auto empty = c.change("/account/profile/date-of-birth",
                          {{"dateOfBirth-day", ""}, {"dateOfBirth-month", ""}, {"dateOfBirth-year", ""}});
    CHECK(contains(empty.body, "<a href=\"#dateOfBirth\">Enter your date of birth</a>"));
    auto future = c.change("/account/profile/date-of-birth",
                           {{"dateOfBirth-day", "1"}, {"dateOfBirth-month", "1"}, {"dateOfBirth-year", "2999"}});
    CHECK(contains(future.body, "Date of birth must be in the past"));
    CHECK(snapshot(c.server.db()) == before);

    auto saved = c.change("/account/profile/date-of-birth",
                          {{"dateOfBirth-day", "27"}, {"dateOfBirth-month", "3"}, {"dateOfBirth-year", "1985"}});
    REQUIRE(saved.status == 303);
    CHECK(stored(c.server, c.account).dateOfBirth == "1985-03-27");
    CHECK(contains(c.browser.follow(saved).body, "27 March 1985"));
    auto reopened = c.browser.get("/account/profile/date-of-birth");
    CHECK(contains(reopened.body, "name=\"dateOfBirth-month\" type=\"text\" inputmode=\"numeric\" autocomplete=\"bday-month\" value=\"3\""));
}

TEST_CASE("Sex and preferred language are radios – choosing one is required", "[portal][profile]") {
    Citizen c;
    auto sexPage = c.browser.get("/account/profile/sex");
    CHECK(contains(sexPage.body, "type=\"radio\" value=\"female\""));
    CHECK(contains(sexPage.body, "<h1 class=\"govuk-fieldset__heading\">What is your sex?</h1>"));
    auto none = c.change("/account/profile/sex", {});
    CHECK(none.status == 400);
    CHECK(contains(none.body, "<a href=\"#sex\">Select your sex</a>"));
    auto odd = c.change("/account/profile/sex", {{"sex", "other"}});
    CHECK(odd.status == 400);
    CHECK(contains(odd.body, "Select one of the options"));
    auto saved = c.change("/account/profile/sex", {{"sex", "female"}});
    REQUIRE(saved.status == 303);
    CHECK(stored(c.server, c.account).sex == "female");
    CHECK(contains(c.browser.get("/account/profile/sex").body, "value=\"female\" checked"));

    // The new language shows at once: the language switch sets it for the browser too.
    auto language = c.change("/account/profile/language", {{"language", "fr"}});
    REQUIRE(language.status == 303);
    CHECK(language.header("Location") == "/account/profile?saved=language&lang=fr");
    auto switched = c.browser.follow(language);
    REQUIRE(switched.status == 303);
    CHECK(switched.header("Location") == "/account/profile?saved=language");
    auto french = c.browser.follow(switched);
    CHECK(contains(french.body, "<html lang=\"fr\""));
    CHECK(contains(french.body, "Votre langue préférée a été enregistrée"));
    CHECK(stored(c.server, c.account).language == "fr");
    auto noChoice = c.change("/account/profile/language", {});
    CHECK(contains(noChoice.body, "<a href=\"#language\">Sélectionnez une langue</a>"));
}

TEST_CASE("Phone number: normalised, or removed when left empty", "[portal][profile]") {
    Citizen c;
    auto form = c.browser.get("/account/profile/phone");
    CHECK(contains(form.body, "type=\"tel\""));
    CHECK(contains(form.body, "autocomplete=\"tel\""));
    auto bad = c.change("/account/profile/phone", {{"phone", "12345"}});
    CHECK(bad.status == 400);
    CHECK(contains(bad.body, "<a href=\"#phone\">Enter a phone number like 07700 900 982"));
    CHECK(contains(bad.body, "value=\"12345\""));
    REQUIRE(c.change("/account/profile/phone", {{"phone", "07700 900123"}}).status == 303);
    CHECK(stored(c.server, c.account).phone == "+447700900123");
    CHECK(contains(c.browser.get("/account/profile").body, "+447700900123"));
    REQUIRE(c.change("/account/profile/phone", {{"phone", ""}}).status == 303);
    CHECK(stored(c.server, c.account).phone.empty());
}

TEST_CASE("A new email address is used once the code sent to it is entered", "[portal][profile]") {
    Citizen c;
    // Nothing to confirm yet.
    auto early = c.browser.get("/account/profile/email/confirm");
    CHECK(early.status == 303);
    CHECK(early.header("Location") == "/account/profile/email");

    auto form = c.browser.get("/account/profile/email");
    CHECK(contains(form.body, "autocomplete=\"email\""));
    CHECK(contains(form.body, c.account.email));
    auto same = c.browser.submit("/account/profile/email", {{"email", c.account.email}});
    CHECK(same.status == 400);
    CHECK(contains(same.body, "<a href=\"#email\">This is already your email address</a>"));
    auto malformed = c.browser.submit("/account/profile/email", {{"email", "not an address"}});
    CHECK(malformed.status == 400);
    CHECK(contains(malformed.body, "value=\"not an address\""));

    auto requested = c.browser.submit("/account/profile/email", {{"email", "ada.king@example.org"}});
    REQUIRE(requested.status == 303);
    CHECK(requested.header("Location") == "/account/profile/email/confirm");
    CHECK(stored(c.server, c.account).email == c.account.email);  // not yet
    auto confirm = c.browser.follow(requested);
    REQUIRE(confirm.status == 200);
    CHECK(contains(confirm.body, "We have sent a 6-digit code to ada.king@example.org."));
    CHECK(contains(confirm.body, "autocomplete=\"one-time-code\""));
    CHECK(contains(c.browser.get("/account/profile").body, "Your email address will change to ada.king@example.org"));
    // "Send a new code" at once: too soon, and said so.
    auto tooSoon = c.browser.submit("/account/profile/email", {{"email", "ada.king@example.org"}});
    CHECK(tooSoon.status == 429);
    CHECK(contains(tooSoon.body, "We sent a code very recently. Wait a minute, then ask again."));
    c.browser.get("/account/profile/email/confirm");

    auto wrong = c.browser.submit("/account/profile/email/confirm", {{"code", "000000"}});
    CHECK(wrong.status == 400);
    CHECK(contains(wrong.body, "<a href=\"#code\">The code is not right."));
    auto empty = c.browser.submit("/account/profile/email/confirm", {{"code", ""}});
    CHECK(contains(empty.body, "<a href=\"#code\">Enter the 6-digit code</a>"));

    auto right = c.browser.submit("/account/profile/email/confirm",
                                  {{"code", c.server.lastCodeSentTo("ada.king@example.org")}});
    REQUIRE(right.status == 303);
    CHECK(right.header("Location") == "/account/profile?saved=email");
    CHECK(stored(c.server, c.account).email == "ada.king@example.org");
    auto summary = c.browser.follow(right);
    CHECK(contains(summary.body, "Your email address has been changed"));
    CHECK_FALSE(contains(summary.body, "will change to"));
}

TEST_CASE("Profile pages render in French and Scottish Gaelic", "[portal][profile]") {
    Citizen c;
    for (const std::string language : {"fr", "gd"}) {
        for (const std::string path : {"/account/profile", "/account/profile/name", "/account/profile/date-of-birth",
                                       "/account/profile/sex", "/account/profile/address", "/account/profile/phone",
                                       "/account/profile/language", "/account/profile/email"}) {
            INFO(language << " " << path);
            auto page = c.browser.get(path + "?lang=" + language);
            REQUIRE(page.status == 303);
            auto shown = c.browser.follow(page);
            CHECK(shown.status == 200);
            CHECK(contains(shown.body, "<html lang=\"" + language + "\""));
        }
    }
    CHECK(contains(c.browser.get("/account/profile/address").body, "Còd-puist"));
}
