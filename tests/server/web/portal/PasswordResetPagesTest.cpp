// A forgotten password through the forms: the email, the code and a new password twice, then
// signing in with it. The answer never tells whether an email has an account.
#include <catch2/catch.hpp>

#include <regex>

#include "server/web/portal/PortalClient.h"
#include "support/AccountBuilders.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"

using namespace tessera::test;

namespace {

bool contains(const std::string& html, const std::string& text) { return html.find(text) != std::string::npos; }

std::string withoutTokens(const std::string& html) {
    static const std::regex token(R"re(name="csrf" value="[^"]*")re");
    return std::regex_replace(html, token, R"(name="csrf" value="...")");
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
    return text;
}

const std::string kNewPassword = "a brand new passphrase";

}  // namespace

TEST_CASE("Resetting a forgotten password: the email, the code and the new password, then signing in",
          "[portal][password-reset]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    PortalClient browser(server.port());

    auto form = browser.get("/forgotten-password");
    REQUIRE(form.status == 200);
    CHECK(contains(form.body, "autocomplete=\"email\""));
    auto requested = browser.submit("/forgotten-password", {{"email", "  " + account.email + " "}});
    REQUIRE(requested.status == 303);
    CHECK(requested.header("Location") == "/reset-password?email=ada%40example.org&sent=1");

    // The email links to the same page with the address filled in.
    const auto mail = server.lastMailTo(account.email);
    CHECK(contains(mail.body, server.settings().publicUrl + "/reset-password?email=ada%40example.org"));
    const std::string code = server.lastCodeSentTo(account.email);

    auto resetPage = browser.follow(requested);
    REQUIRE(resetPage.status == 200);
    CHECK(contains(resetPage.body, "If ada@example.org has an account, we have emailed it a code to reset the password."));
    CHECK(contains(resetPage.body, "id=\"email\" name=\"email\" type=\"email\" value=\"ada@example.org\""));
    CHECK(contains(resetPage.body, "autocomplete=\"one-time-code\""));
    CHECK(contains(resetPage.body, "id=\"confirmPassword\" name=\"confirmPassword\" type=\"password\""));
    CHECK(contains(resetPage.body, "autocomplete=\"new-password\""));

    // From the email's link: the address filled in, no "we have emailed" heading.
    auto fromMail = browser.get("/reset-password?email=ada%40example.org");
    CHECK(contains(fromMail.body, "value=\"ada@example.org\""));
    CHECK(contains(fromMail.body, "<h1 class=\"govuk-heading-l\">Reset your password</h1>"));

    auto reset = browser.submit("/reset-password", {{"email", account.email}, {"code", code},
                                                    {"password", kNewPassword}, {"confirmPassword", kNewPassword}});
    REQUIRE(reset.status == 303);
    CHECK(reset.header("Location") == "/reset-password/done");
    auto done = browser.follow(reset);
    REQUIRE(done.status == 200);
    CHECK(contains(done.body, "govuk-notification-banner--success"));
    CHECK(contains(done.body, "Your password has been reset"));
    CHECK(contains(done.body, "action=\"/sign-in\""));
    CHECK(contains(done.body, "autocomplete=\"current-password\""));

    // The sign-in form on that page signs in with the new password, not the old.
    auto old = browser.submit("/sign-in", {{"email", account.email}, {"password", account.password}});
    CHECK(old.status == 400);
    browser.get("/reset-password/done");
    auto fresh = browser.submit("/sign-in", {{"email", account.email}, {"password", kNewPassword}});
    CHECK(fresh.status == 303);
    CHECK(fresh.header("Location") == "/sign-in/code");
}

TEST_CASE("Forgotten password: an unknown email gets exactly the same answer", "[portal][password-reset]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    makeAccount(server.services(), activeWithTotp("kn0wn.person@example.org"));
    PortalClient known(server.port()), unknown(server.port());
    known.get("/forgotten-password");
    unknown.get("/forgotten-password");
    // Each page with its address (plain or encoded) replaced by the same stand-in.
    auto knownView = [](const std::string& text) { return replaced(withoutTokens(text), "kn0wn.person", "someone"); };
    auto unknownView = [](const std::string& text) { return replaced(withoutTokens(text), "n3ver.person", "someone"); };

    auto a = known.submit("/forgotten-password", {{"email", "kn0wn.person@example.org"}});
    auto b = unknown.submit("/forgotten-password", {{"email", "n3ver.person@example.org"}});
    CHECK(a.status == 303);
    CHECK(b.status == a.status);
    CHECK(unknownView(b.header("Location")) == knownView(a.header("Location")));
    CHECK(b.setCookies.size() == a.setCookies.size());
    auto pageA = known.follow(a);
    auto pageB = unknown.follow(b);
    CHECK(pageA.status == 200);
    CHECK(pageB.status == pageA.status);
    CHECK(unknownView(pageB.body) == knownView(pageA.body));
    CHECK(server.mails().size() == 1);  // only the account's owner hears of it

    // And a code for an unknown email is refused like a wrong one.
    auto wrongKnown = known.submit("/reset-password", {{"email", "kn0wn.person@example.org"}, {"code", "000000"},
                                                       {"password", kNewPassword}, {"confirmPassword", kNewPassword}});
    auto wrongUnknown = unknown.submit("/reset-password", {{"email", "n3ver.person@example.org"}, {"code", "000000"},
                                                           {"password", kNewPassword}, {"confirmPassword", kNewPassword}});
    CHECK(wrongKnown.status == 400);
    CHECK(contains(wrongKnown.body, "The code is not right, has expired or was already used."));
    CHECK(wrongUnknown.status == wrongKnown.status);
    CHECK(unknownView(wrongUnknown.body) == knownView(wrongKnown.body));
}

TEST_CASE("Bad reset forms show the errors, keep the values but never a password, and change nothing",
          "[portal][password-reset]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    PortalClient browser(server.port());
    browser.get("/forgotten-password");

    auto notEmail = browser.submit("/forgotten-password", {{"email", "not-an-email"}});
    CHECK(notEmail.status == 400);
    CHECK(contains(notEmail.body, "<a href=\"#email\">Enter an email address in the correct format"));
    CHECK(contains(notEmail.body, "value=\"not-an-email\""));
    auto empty = browser.submit("/forgotten-password", {{"email", ""}});
    CHECK(contains(empty.body, "<a href=\"#email\">Enter your email address</a>"));
    CHECK(server.mails().empty());

    REQUIRE(browser.submit("/forgotten-password", {{"email", account.email}}).status == 303);
    const std::string code = server.lastCodeSentTo(account.email);
    browser.get("/reset-password?email=ada%40example.org");
    const auto before = snapshot(server.db());

    auto nothing = browser.submit("/reset-password", {{"email", ""}, {"code", ""}, {"password", ""}, {"confirmPassword", ""}});
    CHECK(nothing.status == 400);
    for (const std::string field : {"email", "code", "password", "confirmPassword"})
        CHECK(contains(nothing.body, "<a href=\"#" + field + "\">"));

    auto mismatch = browser.submit("/reset-password", {{"email", account.email}, {"code", code},
                                                       {"password", kNewPassword}, {"confirmPassword", "something else"}});
    CHECK(mismatch.status == 400);
    CHECK(contains(mismatch.body, "<a href=\"#confirmPassword\">The passwords do not match."));
    CHECK(contains(mismatch.body, "value=\"" + code + "\""));
    CHECK(contains(mismatch.body, "value=\"ada@example.org\""));
    CHECK_FALSE(contains(mismatch.body, kNewPassword));
    CHECK_FALSE(contains(mismatch.body, "something else"));

    auto common = browser.submit("/reset-password", {{"email", account.email}, {"code", code},
                                                     {"password", "password"}, {"confirmPassword", "password"}});
    CHECK(common.status == 400);
    CHECK(contains(common.body, "<a href=\"#password\">This password is too common"));

    auto forged = browser.post("/reset-password", {{"email", account.email}, {"code", code}, {"password", kNewPassword},
                                                   {"confirmPassword", kNewPassword}, {"csrf", "forged"}});
    CHECK(forged.status == 400);
    CHECK(contains(forged.body, "Your form expired. Try again."));
    CHECK(snapshot(server.db()) == before);

    // None of that spent the code.
    auto reset = browser.submit("/reset-password", {{"email", account.email}, {"code", code},
                                                    {"password", kNewPassword}, {"confirmPassword", kNewPassword}});
    CHECK(reset.status == 303);
}

TEST_CASE("A forgotten-password post without the form's CSRF token sends nothing", "[portal][password-reset]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    PortalClient browser(server.port());
    browser.get("/forgotten-password");
    auto forged = browser.post("/forgotten-password", {{"email", account.email}, {"csrf", "forged"}});
    CHECK(forged.status == 400);
    CHECK(contains(forged.body, "Your form expired. Try again."));
    CHECK(contains(forged.body, "value=\"ada@example.org\""));
    CHECK(server.mails().empty());
}
