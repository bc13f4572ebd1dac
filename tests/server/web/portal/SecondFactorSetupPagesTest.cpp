// Two-factor set-up through the forms: choosing, the authenticator app (QR code, key, code),
// codes by email, and the recovery codes shown once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "core/accounts/ProfileService.h"
#include "infra/Encoding.h"
#include "server/web/portal/PortalClient.h"
#include "support/AccountBuilders.h"
#include "support/AuthBuilders.h"
#include "support/TestServer.h"

using namespace tessera::test;
using tessera::core::SessionStage;

namespace {

const std::string kSessionCookie = "tessera_session";

bool contains(const std::string& html, const std::string& text) { return html.find(text) != std::string::npos; }

// A browser holding a session at the set-up step for a new account (email verified).
struct SettingUp {
    TestAccount account;
    PortalClient browser;
};

SettingUp settingUp(TestServer& server, const std::string& email = "ada@example.org") {
    auto account = makeAccount(server.services(), awaitingSecondFactorSetup(email));
    auto session = makeSession(server.services(), account.id, SessionStage::PendingSecondFactorSetup);
    SettingUp out{account, PortalClient(server.port())};
    out.browser.api().cookies()[kSessionCookie] = session.token;
    return out;
}

// The key the app page shows, without its spaces.
std::string shownKey(const std::string& html) {
    static const std::regex key(R"re(<code>([A-Z2-7]{4}(?: [A-Z2-7]{1,4})+)</code>)re");
    std::smatch m;
    if (!std::regex_search(html, m, key)) return {};
    std::string out = m[1].str();
    out.erase(std::remove(out.begin(), out.end(), ' '), out.end());
    return out;
}

std::vector<std::string> shownRecoveryCodes(const std::string& html) {
    static const std::regex code(R"re(<li><code>([A-Z2-7]{4}(?:-[A-Z2-7]{4})+)</code></li>)re");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), code); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1].str());
    return out;
}

tessera::core::Account accountOf(TestServer& server, const std::string& id) {
    auto a = tessera::core::ProfileService(server.services()).view(id);
    REQUIRE(a.ok());
    return *a;
}

}  // namespace

TEST_CASE("Setting up an authenticator app: the QR code and key, a code, then the recovery codes once",
          "[portal][two-factor]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto [account, browser] = settingUp(server);

    auto choose = browser.get("/set-up-two-factor");
    REQUIRE(choose.status == 200);
    CHECK(contains(choose.body, "<h1 class=\"govuk-fieldset__heading\">How do you want to get your security codes?</h1>"));
    CHECK(contains(choose.body, "id=\"method\" name=\"method\" type=\"radio\" value=\"app\""));
    CHECK(contains(choose.body, "id=\"method-email\" name=\"method\" type=\"radio\" value=\"email\""));
    CHECK(contains(choose.body, "aria-describedby=\"method-hint\""));

    auto chosen = browser.submit("/set-up-two-factor", {{"method", "app"}});
    REQUIRE(chosen.status == 303);
    CHECK(chosen.header("Location") == "/set-up-two-factor/app");

    auto app = browser.follow(chosen);
    REQUIRE(app.status == 200);
    CHECK(contains(app.body, "<img src=\"data:image/svg+xml;base64,"));
    CHECK(contains(app.body, "alt=\"QR code for your authenticator app\""));
    CHECK(contains(app.body, "autocomplete=\"one-time-code\""));
    const std::string key = shownKey(app.body);
    REQUIRE(key.size() == 32);  // 160 bits in base32
    const auto secret = tessera::infra::encoding::unbase32(key);
    REQUIRE(secret);

    // A reload shows the same key: the one the citizen may have scanned already.
    auto reloaded = browser.get("/set-up-two-factor/app");
    CHECK(shownKey(reloaded.body) == key);

    auto empty = browser.submit("/set-up-two-factor/app", {{"code", ""}});
    CHECK(empty.status == 400);
    CHECK(contains(empty.body, "<a href=\"#code\">Enter the 6-digit code from the app</a>"));
    auto wrong = browser.submit("/set-up-two-factor/app", {{"code", totpCode(*secret, server.clock(), 5)}});
    CHECK(wrong.status == 400);
    CHECK(contains(wrong.body, "The code is not right. Enter the code the app shows now."));
    CHECK(shownKey(wrong.body) == key);
    CHECK(accountOf(server, account.id).secondFactor == tessera::core::SecondFactorMethod::None);

    const std::string setUpToken = browser.api().cookies()[kSessionCookie];
    auto confirmed = browser.submit("/set-up-two-factor/app", {{"code", totpCode(*secret, server.clock())}});
    REQUIRE(confirmed.status == 303);
    CHECK(confirmed.header("Location") == "/set-up-two-factor/recovery-codes");
    CHECK(browser.api().cookies()[kSessionCookie] != setUpToken);  // signed in with a new session id
    CHECK(accountOf(server, account.id).secondFactor == tessera::core::SecondFactorMethod::Totp);

    auto codesPage = browser.follow(confirmed);
    REQUIRE(codesPage.status == 200);
    CHECK(contains(codesPage.body, "Save your recovery codes"));
    CHECK(contains(codesPage.body, "We will not show these codes again."));
    const auto codes = shownRecoveryCodes(codesPage.body);
    CHECK(codes.size() == 10);
    CHECK(contains(codesPage.body, "href=\"/account\" role=\"button\""));

    // Never again: a reload says they were shown already.
    auto again = browser.get("/set-up-two-factor/recovery-codes");
    REQUIRE(again.status == 200);
    CHECK(contains(again.body, "You have already seen your recovery codes"));
    CHECK(shownRecoveryCodes(again.body).empty());
    for (const auto& code : codes) CHECK_FALSE(contains(again.body, code));

    CHECK(browser.get("/account").status == 200);

    // The codes shown are the account's: one signs in instead of the app.
    PortalClient later(server.port());
    later.get("/sign-in");
    REQUIRE(later.submit("/sign-in", {{"email", account.email}, {"password", account.password}}).status == 303);
    later.get("/sign-in/recovery-code");
    auto recovered = later.submit("/sign-in/recovery-code", {{"recoveryCode", codes.front()}});
    CHECK(recovered.status == 303);
    CHECK(recovered.header("Location") == "/account");
}

TEST_CASE("The sealed recovery codes open for no other session", "[portal][two-factor]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto [account, browser] = settingUp(server);
    browser.get("/set-up-two-factor/app");
    const auto secret = tessera::infra::encoding::unbase32(shownKey(browser.get("/set-up-two-factor/app").body));
    REQUIRE(secret);
    REQUIRE(browser.submit("/set-up-two-factor/app", {{"code", totpCode(*secret, server.clock())}}).status == 303);
    const std::string sealed = browser.api().cookies()["tessera_recovery_codes"];
    REQUIRE_FALSE(sealed.empty());

    // Someone else signed in, holding a copy of the cookie, sees nothing.
    auto other = makeAccount(server.services(), activeWithTotp("other@example.org"));
    PortalClient thief(server.port());
    REQUIRE(signInWithTotp(thief.api(), server.clock(), other).status == 200);
    thief.api().cookies()["tessera_recovery_codes"] = sealed;
    auto stolen = thief.get("/set-up-two-factor/recovery-codes");
    CHECK(contains(stolen.body, "You have already seen your recovery codes"));

    // Nor does the owner's after ten minutes.
    server.clock().advance(11 * 60);
    auto late = browser.get("/set-up-two-factor/recovery-codes");
    CHECK(contains(late.body, "You have already seen your recovery codes"));
}

TEST_CASE("Setting up codes by email: a code to the account's address, resend throttled, then recovery codes",
          "[portal][two-factor]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto [account, browser] = settingUp(server);
    browser.get("/set-up-two-factor");
    auto chosen = browser.submit("/set-up-two-factor", {{"method", "email"}});
    REQUIRE(chosen.status == 303);
    CHECK(chosen.header("Location") == "/set-up-two-factor/email");
    const std::string code = server.lastCodeSentTo(account.email);

    auto page = browser.follow(chosen);
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "We have sent a 6-digit code to " + account.email + "."));
    CHECK(contains(page.body, "inputmode=\"numeric\""));

    auto tooSoon = browser.submit("/set-up-two-factor/email/resend", {});
    CHECK(tooSoon.status == 429);
    CHECK(contains(tooSoon.body, "You asked for a new code a moment ago."));
    CHECK(server.lastCodeSentTo(account.email) == code);

    auto wrong = browser.submit("/set-up-two-factor/email", {{"code", code == "000000" ? "111111" : "000000"}});
    CHECK(wrong.status == 400);
    CHECK(contains(wrong.body, "<a href=\"#code\">"));
    auto empty = browser.submit("/set-up-two-factor/email", {{"code", ""}});
    CHECK(contains(empty.body, "<a href=\"#code\">Enter the 6-digit code</a>"));

    server.clock().advance(61);
    auto resent = browser.submit("/set-up-two-factor/email/resend", {});
    REQUIRE(resent.status == 303);
    CHECK(resent.header("Location") == "/set-up-two-factor/email?sent=1");
    CHECK(contains(browser.follow(resent).body, "We have sent you a new code."));
    const std::string newCode = server.lastCodeSentTo(account.email);

    auto confirmed = browser.submit("/set-up-two-factor/email", {{"code", newCode}});
    REQUIRE(confirmed.status == 303);
    CHECK(confirmed.header("Location") == "/set-up-two-factor/recovery-codes");
    CHECK(shownRecoveryCodes(browser.follow(confirmed).body).size() == 10);
    CHECK(accountOf(server, account.id).secondFactor == tessera::core::SecondFactorMethod::Email);
}

TEST_CASE("Two-factor set-up refuses a missing choice and a forged post, changing nothing", "[portal][two-factor]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto [account, browser] = settingUp(server);
    browser.get("/set-up-two-factor");
    const auto before = snapshot(server.db());

    auto none = browser.submit("/set-up-two-factor", {});
    CHECK(none.status == 400);
    CHECK(contains(none.body, "<a href=\"#method\">Choose how you want to get your security codes</a>"));
    CHECK(contains(none.body, "id=\"method-error\""));

    auto forged = browser.post("/set-up-two-factor", {{"method", "email"}, {"csrf", "forged"}});
    CHECK(forged.status == 400);
    CHECK(contains(forged.body, "Your form expired. Try again."));
    CHECK(contains(forged.body, "value=\"email\" checked"));
    CHECK(server.mails().empty());
    CHECK(snapshot(server.db()) == before);

    browser.get("/set-up-two-factor/app");
    const auto secret = tessera::infra::encoding::unbase32(shownKey(browser.get("/set-up-two-factor/app").body));
    REQUIRE(secret);
    auto forgedCode = browser.post("/set-up-two-factor/app", {{"code", totpCode(*secret, server.clock())}, {"csrf", "forged"}});
    CHECK(forgedCode.status == 400);
    CHECK(contains(forgedCode.body, "Your form expired. Try again."));
    CHECK(accountOf(server, account.id).secondFactor == tessera::core::SecondFactorMethod::None);
    CHECK(countRows(server.db(), "recovery_codes") == 0);
}

TEST_CASE("Two-factor set-up pages send anyone not at that step where they belong", "[portal][two-factor]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient anonymous(server.port());
    for (const std::string path : {"/set-up-two-factor", "/set-up-two-factor/app", "/set-up-two-factor/email"}) {
        auto page = anonymous.get(path);
        INFO(path);
        CHECK(page.status == 303);
        CHECK(page.header("Location") == "/sign-in");
    }
    auto codes = anonymous.get("/set-up-two-factor/recovery-codes");
    CHECK(codes.status == 303);
    CHECK(codes.header("Location") == "/sign-in?next=/set-up-two-factor/recovery-codes");

    auto account = makeAccount(server.services(), activeWithTotp());
    PortalClient signedIn(server.port());
    REQUIRE(signInWithTotp(signedIn.api(), server.clock(), account).status == 200);
    auto onward = signedIn.get("/set-up-two-factor");
    CHECK(onward.status == 303);
    CHECK(onward.header("Location") == "/account");
    // Signed in but never given codes here: nothing to show.
    auto shown = signedIn.get("/set-up-two-factor/recovery-codes");
    CHECK(shown.status == 200);
    CHECK(contains(shown.body, "You have already seen your recovery codes"));
}
