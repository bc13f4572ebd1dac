// Creating an account through the forms, as a browser without JavaScript does: the form, the
// code from the email (and "send a new code"), then on to two-factor set-up. A taken email
// must look exactly like a new one on every page, every status code and every cookie.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "server/web/portal/PortalClient.h"
#include "support/AccountBuilders.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"

using namespace tessera::test;

namespace {

const std::string kSessionCookie = "tessera_session";  // cookieSecure is off in test servers

bool contains(const std::string& html, const std::string& text) { return html.find(text) != std::string::npos; }

// A filled-in form: every field valid, the documents in force accepted, consent given.
FormBody registrationForm(TestServer& server, const std::string& email, const std::string& password = kTestPassword) {
    FormBody form{{"name", "Grace Hopper"}, {"email", email},          {"password", password},
                  {"language", "en"},       {"acceptTerms", "yes"},    {"consent", "yes"}};
    for (const auto& id : currentTermsIds(server.services())) form.emplace_back("termsId", id);
    return form;
}

// The page without what differs between any two visits: CSRF tokens.
std::string withoutTokens(const std::string& html) {
    static const std::regex token(R"re(name="csrf" value="[^"]*")re");
    return std::regex_replace(html, token, R"(name="csrf" value="...")");
}

// The cookies a response sets, with their attributes but not their values.
std::vector<std::string> cookieNames(const ApiResponse& r) {
    std::vector<std::string> names;
    for (const auto& c : r.setCookies) {
        const auto attributes = c.find(';');
        names.push_back(c.substr(0, c.find('=')) + (attributes == std::string::npos ? "" : c.substr(attributes)));
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string otherThan(const std::string& code) { return code == "000000" ? "111111" : "000000"; }

}  // namespace

TEST_CASE("Creating an account with the forms: the form, the emailed code, then two-factor set-up",
          "[portal][create-account]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());

    auto form = browser.get("/create-account");
    REQUIRE(form.status == 200);
    CHECK(contains(form.body, "<title>Create an account – Tessera</title>"));
    CHECK(contains(form.body, "autocomplete=\"name\""));
    CHECK(contains(form.body, "type=\"email\""));
    CHECK(contains(form.body, "autocomplete=\"email\""));
    CHECK(contains(form.body, "autocomplete=\"new-password\""));
    CHECK(contains(form.body, "Use at least 8 characters. There are no other rules"));
    CHECK(contains(form.body, "aria-describedby=\"password-hint\""));
    // The three documents in force: title, version and a link to each.
    CHECK(contains(form.body, "href=\"/policies/terms-of-service\">Terms of service</a>"));
    CHECK(contains(form.body, "href=\"/policies/privacy-policy\">Privacy policy</a>"));
    CHECK(contains(form.body, "href=\"/policies/data-collection\""));
    CHECK(contains(form.body, "Version 1, in force since"));
    for (const auto& id : currentTermsIds(server.services()))
        CHECK(contains(form.body, "name=\"termsId\" value=\"" + id + "\""));
    CHECK(contains(form.body, "I agree that Tessera holds what I entered to run my account"));
    CHECK(contains(form.body, "<fieldset class=\"govuk-fieldset\" aria-describedby=\"consent-hint\">"));
    CHECK(contains(form.body, "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Your details</legend>"));
    // The language radios, the page's language chosen.
    CHECK(contains(form.body, "id=\"language\" name=\"language\" type=\"radio\" value=\"en\" checked"));
    CHECK(contains(form.body, "id=\"language-gd\" name=\"language\" type=\"radio\" value=\"gd\">"));
    CHECK(contains(form.body, "lang=\"gd\">Gàidhlig</label>"));

    auto created = browser.submit("/create-account", registrationForm(server, "grace@example.org"));
    REQUIRE(created.status == 303);
    CHECK(created.header("Location") == "/create-account/check-email");
    REQUIRE(browser.api().cookies().count(kSessionCookie) == 1);
    CHECK(countRows(server.db(), "accounts", "email = 'grace@example.org'") == 1);
    CHECK(countRows(server.db(), "terms_acceptances") == 3);

    auto checkEmail = browser.follow(created);
    REQUIRE(checkEmail.status == 200);
    CHECK(contains(checkEmail.body, "<title>Check your email – Tessera</title>"));
    CHECK(contains(checkEmail.body, "autocomplete=\"one-time-code\""));
    CHECK(contains(checkEmail.body, "inputmode=\"numeric\""));
    CHECK(contains(checkEmail.body, "action=\"/create-account/check-email/resend\""));

    const std::string code = server.lastCodeSentTo("grace@example.org");
    auto wrong = browser.submit("/create-account/check-email", {{"code", otherThan(code)}});
    CHECK(wrong.status == 400);
    CHECK(contains(wrong.body, "<a href=\"#code\">The code is not right. Check the newest email from us and try again.</a>"));
    CHECK(contains(wrong.body, "<title>Error: Check your email – Tessera</title>"));

    auto verified = browser.submit("/create-account/check-email", {{"code", code}});
    REQUIRE(verified.status == 303);
    CHECK(verified.header("Location") == "/set-up-two-factor");
    auto choose = browser.follow(verified);
    CHECK(choose.status == 200);
    CHECK(contains(choose.body, "How do you want to get your security codes?"));
}

TEST_CASE("The create-account form keeps where the citizen was going", "[portal][create-account]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    auto form = browser.get("/create-account?next=%2Fpolicies%2Fprivacy-policy");
    CHECK(contains(form.body, "name=\"next\" value=\"/policies/privacy-policy\""));
    FormBody fields = registrationForm(server, "grace@example.org");
    fields.emplace_back("next", "/policies/privacy-policy");
    auto created = browser.submit("/create-account", fields);
    REQUIRE(created.status == 303);
    CHECK(created.header("Location") == "/create-account/check-email?next=/policies/privacy-policy");
    auto checkEmail = browser.follow(created);
    CHECK(contains(checkEmail.body, "name=\"next\" value=\"/policies/privacy-policy\""));
    auto verified = browser.submit("/create-account/check-email",
                                   {{"code", server.lastCodeSentTo("grace@example.org")}, {"next", "/policies/privacy-policy"}});
    REQUIRE(verified.status == 303);
    CHECK(verified.header("Location") == "/set-up-two-factor?next=/policies/privacy-policy");

    // Another site is never "next".
    auto other = PortalClient(server.port());
    other.get("/create-account");
    FormBody away = registrationForm(server, "ada@example.org");
    away.emplace_back("next", "//evil.example/");
    auto offSite = other.submit("/create-account", away);
    REQUIRE(offSite.status == 303);
    CHECK(offSite.header("Location") == "/create-account/check-email");
}

TEST_CASE("A bad create-account form shows every problem, keeps the values but never the password, and creates nothing",
          "[portal][create-account]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    REQUIRE(browser.get("/create-account").status == 200);
    const auto before = snapshot(server.db());

    auto empty = browser.submit("/create-account", {{"name", ""}, {"email", ""}, {"password", ""}, {"language", "en"}});
    CHECK(empty.status == 400);
    CHECK(contains(empty.body, "<title>Error: Create an account – Tessera</title>"));
    CHECK(contains(empty.body, "govuk-error-summary"));
    CHECK(contains(empty.body, "<a href=\"#name\">Enter your full name</a>"));
    CHECK(contains(empty.body, "<a href=\"#email\">Enter your email address</a>"));
    CHECK(contains(empty.body, "<a href=\"#password\">Enter a password</a>"));
    CHECK(contains(empty.body, "<a href=\"#acceptTerms\">Tick the box to accept the terms of service"));
    CHECK(contains(empty.body, "<a href=\"#consent\">Tick the box to agree that we hold your details"));
    CHECK(contains(empty.body, "id=\"acceptTerms-error\""));
    CHECK(contains(empty.body, "id=\"consent-error\""));
    CHECK(contains(empty.body, "id=\"acceptTerms\" name=\"acceptTerms\" type=\"checkbox\" value=\"yes\">"));

    FormBody bad = registrationForm(server, "not-an-email", "password");
    bad[0].second = "Grace <b>Hopper</b>";
    bad.emplace_back("language", "fr");
    bad.erase(std::remove_if(bad.begin(), bad.end(), [](const auto& f) { return f.first == "language" && f.second == "en"; }),
              bad.end());
    auto wrong = browser.submit("/create-account", bad);
    CHECK(wrong.status == 400);
    CHECK(contains(wrong.body, "<a href=\"#email\">Enter an email address in the correct format, like name@example.com</a>"));
    CHECK(contains(wrong.body, "<a href=\"#password\">This password is too common and easy to guess."));
    CHECK(contains(wrong.body, "value=\"Grace &lt;b&gt;Hopper&lt;/b&gt;\""));
    CHECK(contains(wrong.body, "value=\"not-an-email\""));
    CHECK_FALSE(contains(wrong.body, "value=\"password\""));
    // The ticked boxes and the chosen language stay as they were.
    CHECK(contains(wrong.body, "id=\"acceptTerms\" name=\"acceptTerms\" type=\"checkbox\" value=\"yes\" checked>"));
    CHECK(contains(wrong.body, "id=\"consent\" name=\"consent\" type=\"checkbox\" value=\"yes\" checked>"));
    CHECK(contains(wrong.body, "value=\"fr\" checked"));
    CHECK(browser.api().cookies().count(kSessionCookie) == 0);
    CHECK(snapshot(server.db()) == before);
}

TEST_CASE("A create-account post without the form's CSRF token changes nothing", "[portal][create-account]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    REQUIRE(browser.get("/create-account").status == 200);
    const auto before = snapshot(server.db());

    FormBody forged = registrationForm(server, "grace@example.org");
    forged.emplace_back("csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    auto wrongToken = browser.post("/create-account", forged);
    CHECK(wrongToken.status == 400);
    CHECK(contains(wrongToken.body, "Your form expired. Try again."));
    CHECK(contains(wrongToken.body, "value=\"grace@example.org\""));
    auto noToken = browser.post("/create-account", registrationForm(server, "grace@example.org"));
    CHECK(noToken.status == 400);
    CHECK(browser.api().cookies().count(kSessionCookie) == 0);
    CHECK(snapshot(server.db()) == before);
    CHECK(server.mails().empty());
}

TEST_CASE("A taken email reads exactly like a new one, page after page", "[portal][create-account]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    makeAccount(server.services(), activeWithTotp("taken@example.org"));
    PortalClient fresh(server.port()), prober(server.port());
    fresh.get("/create-account");
    prober.get("/create-account");

    auto freshCreated = fresh.submit("/create-account", registrationForm(server, "fresh@example.org"));
    auto probeCreated = prober.submit("/create-account", registrationForm(server, "taken@example.org"));
    REQUIRE(freshCreated.status == 303);
    CHECK(probeCreated.status == freshCreated.status);
    CHECK(probeCreated.header("Location") == freshCreated.header("Location"));
    CHECK(cookieNames(probeCreated) == cookieNames(freshCreated));
    CHECK(probeCreated.body == freshCreated.body);
    CHECK(prober.api().cookies()[kSessionCookie].size() == fresh.api().cookies()[kSessionCookie].size());
    CHECK(countRows(server.db(), "accounts", "email = 'taken@example.org'") == 1);
    // The owner of the taken address is told by email instead.
    CHECK(contains(server.lastMailTo("taken@example.org").subject, "someone tried to create an account"));

    // Every step after reads alike: same status, same page (but for CSRF tokens), same cookies.
    auto same = [](const ApiResponse& a, const ApiResponse& b) {
        CHECK(a.status == b.status);
        CHECK(a.header("Location") == b.header("Location"));
        CHECK(a.header("Retry-After") == b.header("Retry-After"));
        CHECK(cookieNames(a) == cookieNames(b));
        CHECK(withoutTokens(a.body) == withoutTokens(b.body));
    };
    auto freshPage = fresh.follow(freshCreated);
    auto probePage = prober.follow(probeCreated);
    CHECK(freshPage.status == 200);
    same(probePage, freshPage);
    CHECK(prober.lastCsrf().size() == fresh.lastCsrf().size());

    const std::string code = server.lastCodeSentTo("fresh@example.org");
    auto probeWrong = prober.submit("/create-account/check-email", {{"code", otherThan(code)}});
    auto freshWrong = fresh.submit("/create-account/check-email", {{"code", otherThan(code)}});
    CHECK(freshWrong.status == 400);
    CHECK(contains(freshWrong.body, "The code is not right. Check the newest email from us and try again."));
    same(probeWrong, freshWrong);
    same(prober.submit("/create-account/check-email", {{"code", ""}}),
         fresh.submit("/create-account/check-email", {{"code", ""}}));
    same(prober.submit("/create-account/check-email", {{"code", "12x"}}),
         fresh.submit("/create-account/check-email", {{"code", "12x"}}));
    // A forged post: the same refusal.
    same(prober.post("/create-account/check-email", {{"code", code}, {"csrf", "forged"}}),
         fresh.post("/create-account/check-email", {{"code", code}, {"csrf", "forged"}}));

    // "Send a new code": throttled for the first minute for both, then sent for both.
    auto probeTooSoon = prober.submit("/create-account/check-email/resend", {});
    auto freshTooSoon = fresh.submit("/create-account/check-email/resend", {});
    CHECK(freshTooSoon.status == 429);
    CHECK(contains(freshTooSoon.body, "You asked for a new code a moment ago. Wait a minute, then ask again."));
    same(probeTooSoon, freshTooSoon);
    server.clock().advance(61);
    auto probeSent = prober.submit("/create-account/check-email/resend", {});
    auto freshSent = fresh.submit("/create-account/check-email/resend", {});
    CHECK(freshSent.status == 303);
    CHECK(freshSent.header("Location") == "/create-account/check-email?sent=1");
    same(probeSent, freshSent);
    auto probeBanner = prober.follow(probeSent);
    auto freshBanner = fresh.follow(freshSent);
    CHECK(contains(freshBanner.body, "We have sent you a new code."));
    same(probeBanner, freshBanner);

    // After the code's lifetime, both say it expired.
    server.clock().advance(11 * 60);
    const std::string newest = server.lastCodeSentTo("fresh@example.org");
    auto freshOld = fresh.submit("/create-account/check-email", {{"code", newest}});
    CHECK(freshOld.status == 400);
    CHECK(contains(freshOld.body, "That code has expired. Ask for a new code and enter that one."));
    same(prober.submit("/create-account/check-email", {{"code", newest}}), freshOld);
}

TEST_CASE("The check-email page sends anyone not waiting for a code where they belong", "[portal][create-account]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient anonymous(server.port());
    auto page = anonymous.get("/create-account/check-email");
    CHECK(page.status == 303);
    CHECK(page.header("Location") == "/sign-in");
    auto post = anonymous.post("/create-account/check-email", {{"code", "123456"}, {"csrf", "x"}});
    CHECK(post.status == 303);
    CHECK(post.header("Location") == "/sign-in");

    auto account = makeAccount(server.services(), activeWithTotp());
    PortalClient signedIn(server.port());
    REQUIRE(signInWithTotp(signedIn.api(), server.clock(), account).status == 200);
    auto onward = signedIn.get("/create-account/check-email");
    CHECK(onward.status == 303);
    CHECK(onward.header("Location") == "/account");
    // Signed in, the create-account form goes straight to the account too.
    auto form = signedIn.get("/create-account");
    CHECK(form.status == 303);
    CHECK(form.header("Location") == "/account");
}

TEST_CASE("The sign-up pages render in every language", "[portal][create-account]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    for (const std::string language : {"en", "fr", "gd"}) {
        for (const std::string path : {"/create-account", "/forgotten-password", "/reset-password?email=a%40b.org",
                                       "/reset-password/done"}) {
            auto page = browser.get(path, {{"Accept-Language", language}});
            INFO(language << " " << path);
            CHECK(page.status == 200);
            CHECK(contains(page.body, "<html lang=\"" + language + "\""));
            CHECK_FALSE(contains(page.body, "style="));
            CHECK_FALSE(contains(page.body, "<script>"));
        }
    }
    auto french = browser.get("/create-account", {{"Accept-Language", "fr"}});
    CHECK(contains(french.body, "J’accepte que Tessera conserve ce que j’ai saisi pour gérer mon compte"));
    CHECK(contains(french.body, "value=\"fr\" checked"));
    auto gaelic = browser.get("/create-account", {{"Accept-Language", "gd"}});
    CHECK(contains(gaelic.body, "Cruthaich an cunntas agad"));
    CHECK(contains(gaelic.body, "Poileasaidh prìobhaideachd"));
}
