// "Sign-in and security" and the dashboard over HTTP: the two-factor method, new recovery
// codes (confirmed, then shown once), the sessions table with a "Sign out" for each other
// device, "Sign out everywhere else", "Sign out everywhere", and changing the password.
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

const std::string kSessionCookie = "tessera_session";

bool contains(const std::string& html, const std::string& text) { return html.find(text) != std::string::npos; }

std::size_t count(const std::string& html, const std::string& text) {
    std::size_t n = 0;
    for (auto at = html.find(text); at != std::string::npos; at = html.find(text, at + 1)) ++n;
    return n;
}

// The public ids of the "Sign out" buttons' sessions, in page order.
std::vector<std::string> sessionButtons(const std::string& html) {
    static const std::regex field(R"re(name="session" value="([^"]*)")re");
    std::vector<std::string> ids;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), field); it != std::sregex_iterator(); ++it)
        ids.push_back((*it)[1].str());
    return ids;
}

// The ids of an account's recovery codes: new codes, new rows.
std::string recoveryCodeRows(store::Database& db, const std::string& accountId) {
    Poco::Data::Session s = db.session();
    std::vector<std::string> ids;
    std::string account = accountId;
    s << "SELECT id FROM recovery_codes WHERE account_id = ? ORDER BY id", Poco::Data::Keywords::use(account),
        Poco::Data::Keywords::into(ids), Poco::Data::Keywords::now;
    std::string out;
    for (const auto& id : ids) out += id + ",";
    return out;
}

// A citizen signed in on two devices: `browser` (this one) and `phone` (another).
struct TwoDevices {
    TestServer server{"sqlite", useCheapPasswordHashing};
    TestAccount account = makeAccount(server.services(), activeWithTotp());
    PortalClient browser{server.port()};
    PortalClient phone{server.port()};

    TwoDevices() {
        REQUIRE(signInWithTotp(phone.api(), server.clock(), account).status == 200);
        REQUIRE(signInWithTotp(browser.api(), server.clock(), account).status == 200);
    }
    bool phoneSignedIn() { return phone.get("/account").status == 200; }
    bool browserSignedIn() { return browser.get("/account").status == 200; }
};

}  // namespace

TEST_CASE("Sign-in and security: the method, recovery codes, password and every session", "[portal][security]") {
    TwoDevices d;
    auto page = d.browser.get("/account/security");
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "<title>Sign-in and security – Tessera</title>"));
    CHECK(contains(page.body, "Authenticator app"));
    CHECK(contains(page.body, "href=\"/account/security/recovery-codes\""));
    CHECK(contains(page.body, "href=\"/account/security/password\""));
    CHECK(contains(page.body, "govuk-table"));
    CHECK(count(page.body, "<tr class=\"govuk-table__row\">") == 3);  // the head, two sessions
    CHECK(count(page.body, "This device") == 1);
    // One "Sign out" button: for the other device, never this one.
    auto buttons = sessionButtons(page.body);
    REQUIRE(buttons.size() == 1);
    CHECK(contains(page.body, "Sign out everywhere else"));
    CHECK(contains(page.body, "Sign out everywhere"));
    CHECK(contains(page.body, "UTC"));
    CHECK_FALSE(contains(page.body, "style="));

    // Alone, there is no one else to sign out.
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithEmailCodes());
    PortalClient alone(server.port());
    REQUIRE(postPassword(alone.api(), account.email, account.password).status == 200);
    auto signedIn = alone.api().post("/api/v1/sessions/second-factor",
                                     json({{"code", server.lastCodeSentTo(account.email)}}));
    REQUIRE(signedIn.status == 200);
    auto single = alone.get("/account/security");
    CHECK(contains(single.body, "Security codes by email"));
    CHECK(sessionButtons(single.body).empty());
    CHECK_FALSE(contains(single.body, "Sign out everywhere else"));
}

TEST_CASE("Signing out another device ends only that session", "[portal][security]") {
    TwoDevices d;
    auto page = d.browser.get("/account/security");
    auto buttons = sessionButtons(page.body);
    REQUIRE(buttons.size() == 1);

    auto ended = d.browser.submit("/account/security/sessions/sign-out", {{"session", buttons.front()}});
    REQUIRE(ended.status == 303);
    CHECK(ended.header("Location") == "/account/security?saved=session_signed_out");
    auto after = d.browser.follow(ended);
    CHECK(contains(after.body, "That device has been signed out."));
    CHECK(sessionButtons(after.body).empty());
    CHECK_FALSE(d.phoneSignedIn());
    CHECK(d.browserSignedIn());

    // The same session again, or one that never was: a message, nothing else.
    d.browser.get("/account/security");
    const auto before = snapshot(d.server.db());
    auto again = d.browser.submit("/account/security/sessions/sign-out", {{"session", buttons.front()}});
    CHECK(again.status == 400);
    CHECK(contains(again.body, "That device has already been signed out."));
    CHECK(snapshot(d.server.db()) == before);
}

TEST_CASE("Sign out everywhere else keeps this device signed in", "[portal][security]") {
    TwoDevices d;
    d.browser.get("/account/security");
    auto ended = d.browser.submit("/account/security/sessions/sign-out-others", {});
    REQUIRE(ended.status == 303);
    CHECK(ended.header("Location") == "/account/security?saved=signed_out_others");
    CHECK(contains(d.browser.follow(ended).body, "You have been signed out on every other device."));
    CHECK_FALSE(d.phoneSignedIn());
    CHECK(d.browserSignedIn());
    CHECK(countRows(d.server.db(), "audit_log", "event = 'session.ended'") == 1);
}

TEST_CASE("Sign out everywhere ends every session, this one too", "[portal][security]") {
    TwoDevices d;
    d.browser.get("/account/security");
    auto ended = d.browser.submit("/account/security/sessions/sign-out-everywhere", {});
    REQUIRE(ended.status == 303);
    CHECK(ended.header("Location") == "/signed-out");
    CHECK(d.browser.api().cookies().count(kSessionCookie) == 0);
    CHECK(d.browser.follow(ended).status == 200);
    CHECK_FALSE(d.phoneSignedIn());
    CHECK_FALSE(d.browserSignedIn());
    CHECK(countRows(d.server.db(), "sessions", "ended_at = 0") == 0);
}

TEST_CASE("Session sign-outs without the right csrf token change nothing", "[portal][security]") {
    TwoDevices d;
    auto page = d.browser.get("/account/security");
    const auto other = sessionButtons(page.body).front();
    const auto before = snapshot(d.server.db());
    for (const std::string path : {"/account/security/sessions/sign-out", "/account/security/sessions/sign-out-others",
                                   "/account/security/sessions/sign-out-everywhere"}) {
        INFO(path);
        auto forged = d.browser.post(path, {{"session", other}, {"csrf", "forged"}});
        CHECK(forged.status == 400);
        CHECK(contains(forged.body, "Your form expired. Try again."));
        CHECK(d.browser.post(path, {{"session", other}}).status == 400);
    }
    CHECK(snapshot(d.server.db()) == before);
    CHECK(d.phoneSignedIn());
    CHECK(d.browserSignedIn());
}

TEST_CASE("Changing the password signs out every other device", "[portal][security]") {
    TwoDevices d;
    auto form = d.browser.get("/account/security/password");
    REQUIRE(form.status == 200);
    CHECK(contains(form.body, "autocomplete=\"current-password\""));
    CHECK(contains(form.body, "autocomplete=\"new-password\""));
    const auto before = snapshot(d.server.db());

    auto wrong = d.browser.submit("/account/security/password",
                                  {{"currentPassword", "not my password"}, {"newPassword", "short"}});
    CHECK(wrong.status == 400);
    CHECK(contains(wrong.body, "<a href=\"#currentPassword\">Your current password is not right</a>"));
    CHECK(contains(wrong.body, "<a href=\"#newPassword\">Your new password must be 8 characters or more</a>"));
    CHECK_FALSE(contains(wrong.body, "not my password"));
    CHECK_FALSE(contains(wrong.body, "value=\"short\""));
    auto empty = d.browser.submit("/account/security/password", {{"currentPassword", ""}, {"newPassword", ""}});
    CHECK(contains(empty.body, "<a href=\"#currentPassword\">Enter your current password</a>"));
    CHECK(contains(empty.body, "<a href=\"#newPassword\">Enter a new password</a>"));
    auto expired = d.browser.post("/account/security/password",
                                  {{"currentPassword", d.account.password}, {"newPassword", "a brand new passphrase"}});
    CHECK(expired.status == 400);
    CHECK(contains(expired.body, "Your form expired. Try again."));
    // Wrong guesses are counted (throttling), nothing else.
    auto after = snapshot(d.server.db());
    after.counts.erase("throttle_counters");
    CHECK(after.accounts == before.accounts);
    CHECK(after.sessions == before.sessions);
    CHECK(d.phoneSignedIn());

    auto changed = d.browser.submit("/account/security/password",
                                    {{"currentPassword", d.account.password}, {"newPassword", "a brand new passphrase"}});
    REQUIRE(changed.status == 303);
    CHECK(changed.header("Location") == "/account/security?saved=password");
    CHECK(contains(d.browser.follow(changed).body, "Your password has been changed."));
    CHECK_FALSE(d.phoneSignedIn());
    CHECK(d.browserSignedIn());
    CHECK(postPassword(d.phone.api(), d.account.email, "a brand new passphrase").status == 200);
    CHECK(postPassword(PortalClient(d.server.port()).api(), d.account.email, d.account.password).status == 401);
}

TEST_CASE("New recovery codes: confirmed first, shown once, the old ones stop working", "[portal][security]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    auto account = makeAccount(server.services(), activeWithTotp());
    auto oldCodes = giveRecoveryCodes(server.services(), account.id);
    PortalClient browser(server.port());
    REQUIRE(signInWithTotp(browser.api(), server.clock(), account).status == 200);
    const std::string oldRows = recoveryCodeRows(server.db(), account.id);

    auto confirm = browser.get("/account/security/recovery-codes");
    REQUIRE(confirm.status == 200);
    CHECK(contains(confirm.body, "Your current recovery codes will stop working."));
    CHECK(recoveryCodeRows(server.db(), account.id) == oldRows);  // looking changes nothing

    auto forged = browser.post("/account/security/recovery-codes", {{"csrf", "forged"}});
    CHECK(forged.status == 400);
    CHECK(contains(forged.body, "Your form expired. Try again."));
    CHECK(recoveryCodeRows(server.db(), account.id) == oldRows);

    auto shown = browser.submit("/account/security/recovery-codes", {});
    REQUIRE(shown.status == 200);
    CHECK(contains(shown.body, "Your new recovery codes"));
    static const std::regex code(R"re(<code>([A-Z2-7]{4}(?:-[A-Z2-7]{4})+)</code>)re");
    std::vector<std::string> codes;
    for (auto it = std::sregex_iterator(shown.body.begin(), shown.body.end(), code); it != std::sregex_iterator(); ++it)
        codes.push_back((*it)[1].str());
    CHECK(codes.size() == 10);
    for (const auto& old : oldCodes) CHECK_FALSE(contains(shown.body, old));
    CHECK(recoveryCodeRows(server.db(), account.id) != oldRows);
    CHECK(contains(shown.body, "href=\"/account/security\""));
    // Never again: the security page does not show them.
    auto security = browser.get("/account/security");
    for (const auto& c : codes) CHECK_FALSE(contains(security.body, c));
}

TEST_CASE("Security pages need an account: sign in, then back", "[portal][security]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    PortalClient browser(server.port());
    for (const std::string path : {"/account/security", "/account/security/password", "/account/security/recovery-codes"}) {
        auto closed = browser.get(path);
        CHECK(closed.status == 303);
        CHECK(closed.header("Location") == "/sign-in?next=" + path);
    }
    auto post = browser.post("/account/security/sessions/sign-out-everywhere", {{"csrf", "x"}});
    CHECK(post.status == 303);
    CHECK(post.header("Location").rfind("/sign-in", 0) == 0);
}

TEST_CASE("The dashboard: level, the call to prove who you are, and a card for each part", "[portal][account]") {
    TwoDevices d;
    REQUIRE(core::ProfileService(d.server.services())
                .update(d.account.id, [] {
                    core::ProfileChanges c;
                    c.address = core::Address{"12 Kenneth Street", "", "Stornoway", "HS1 2DR"};
                    return c;
                }(), "127.0.0.1")
                .ok());
    auto page = d.browser.get("/account");
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "Level 0"));
    CHECK(contains(page.body, "Prove who you are"));
    // The way to prove who you are, and its card: the level and no application yet.
    CHECK(contains(page.body, "href=\"/account/verify\""));
    CHECK(contains(page.body, "You have not sent any documents."));
    CHECK(contains(page.body, "services such as council tax and parking permits."));  // what level 1 unlocks
    // Your details.
    CHECK(contains(page.body, "href=\"/account/profile\""));
    CHECK(contains(page.body, "Stornoway"));
    CHECK(contains(page.body, "Not given"));  // no date of birth
    // Security: the method and the two sessions.
    CHECK(contains(page.body, "href=\"/account/security\""));
    CHECK(contains(page.body, "Authenticator app"));
    CHECK(contains(page.body, "<p class=\"govuk-body govuk-!-margin-bottom-0\">2</p>"));
    // Connected services: none yet, and no link to a page that does not exist.
    CHECK(contains(page.body, "You have not connected any services yet."));
    CHECK_FALSE(contains(page.body, "href=\"/account/services\""));
    for (const std::string language : {"fr", "gd"}) {
        auto switched = d.browser.follow(d.browser.get("/account?lang=" + language));
        CHECK(switched.status == 200);
        CHECK(contains(switched.body, "<html lang=\"" + language + "\""));
    }
}

TEST_CASE("Security pages render in French and Scottish Gaelic", "[portal][security]") {
    TwoDevices d;
    for (const std::string language : {"fr", "gd"}) {
        for (const std::string path : {"/account/security", "/account/security/password", "/account/security/recovery-codes"}) {
            INFO(language << " " << path);
            auto shown = d.browser.follow(d.browser.get(path + "?lang=" + language));
            CHECK(shown.status == 200);
            CHECK(contains(shown.body, "<html lang=\"" + language + "\""));
        }
    }
    CHECK(contains(d.browser.get("/account/security").body, "An uidheam seo"));
}
