// RP-initiated logout at /oauth2/logout through the real server: signed out at once and sent
// back (303 with state) when the hint is for this session; asked on a CSRF-protected page
// otherwise; refused with a 400 page — never a redirect — for unregistered URIs and forged
// hints; the session cookie dead afterwards; the page in the language ui_locales asks for.
#include <catch2/catch.hpp>

#include <chrono>
#include <regex>

#include "LogoutWebFixture.h"
#include "support/LogoutReceiver.h"

using namespace tessera;
using namespace tessera::test;

namespace {

const std::string kReturn = "https://council.example/signed-out";
const std::string kParkingReturn = "https://parking.example/done";

std::string logoutPath(std::initializer_list<std::pair<std::string, std::string>> params) {
    return "/oauth2/logout?" + form(params);
}

struct World {
    explicit World(const std::string& backend)
        : server(backend, oidcServerSettings), signer(signerFor(server)), browser(server.port()) {
        council = createSignInService(server, "Council tax", receiver.url(), {kReturn});
        parking = createSignInService(server, "Parking permits", "", {kParkingReturn});
        ada = signInBrowser(server, browser, "ada@example.org", {council.id, parking.id});
    }
    std::string hint(const std::string& sid, const ServiceCredentials* service = nullptr) {
        return signer.idToken({.clientId = (service ? service : &council)->clientId, .subject = "sub-ada", .sid = sid});
    }
    bool stillSignedIn() { return cookieStillWorks(server, ada.cookie); }

    LogoutReceiver receiver;  // outlives the server
    TestServer server;
    ProviderSigner signer;
    PortalClient browser;
    ServiceCredentials council, parking;
    BrowserCitizen ada;
};

void checkRefused(const ApiResponse& r) {
    INFO(r.body.substr(0, 400));
    CHECK(r.status == 400);
    CHECK(r.header("Location").empty());
    CHECK(r.header("Content-Type").rfind("text/html", 0) == 0);
    CHECK(r.body.find("This sign-out request cannot be used") != std::string::npos);
}

bool clearsSessionCookie(const ApiResponse& r) {
    for (const auto& c : r.setCookies)
        if (c.rfind("tessera_session=;", 0) == 0 && c.find("Max-Age=0") != std::string::npos) return true;
    return false;
}

std::string hiddenField(const std::string& html, const std::string& name) {
    std::smatch m;
    const std::regex field("<input type=\"hidden\" name=\"" + name + "\" value=\"([^\"]*)\"");
    return std::regex_search(html, m, field) ? m[1].str() : std::string();
}

}  // namespace

TEST_CASE("A hint for this session and a registered URI: signed out at once and sent back with state",
          "[web][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            World w(backend);
            auto r = w.browser.get(logoutPath(
                {{"id_token_hint", w.hint(w.ada.sids[0])}, {"post_logout_redirect_uri", kReturn}, {"state", "st 4/7"}}));
            CHECK(r.status == 303);
            CHECK(r.header("Location") == kReturn + "?state=st%204%2F7");
            CHECK(clearsSessionCookie(r));
            CHECK_FALSE(w.stillSignedIn());
            for (const auto& sid : w.ada.sids) CHECK(opSession(w.server.services(), sid).endedAt != 0);
            // The requesting service is told over the back channel too.
            REQUIRE(w.receiver.waitFor(1));
            auto verified = verifiedWithJwks(w.receiver.received()[0].logoutToken, *fetchJwks(w.server));
            REQUIRE(verified);
            CHECK(verified->payload->getValue<std::string>("sid") == w.ada.sids[0]);

            // Without a post-logout URI: the "you have signed out" page.
            PortalClient other(w.server.port());
            auto bob = signInBrowser(w.server, other, "bob@example.org", {w.council.id});
            auto done = other.get(logoutPath({{"id_token_hint", w.hint(bob.sids[0])}}));
            REQUIRE(done.status == 303);
            CHECK(done.header("Location") == "/oauth2/logout/done");
            auto page = other.follow(done);
            CHECK(page.status == 200);
            CHECK(page.body.find("You have signed out") != std::string::npos);
            CHECK_FALSE(cookieStillWorks(w.server, bob.cookie));
        }
    }
}

TEST_CASE("Requests with a URI the service did not register, or a forged hint, are refused without a redirect",
          "[web][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            World w(backend);
            const std::string hint = w.hint(w.ada.sids[0]);
            std::vector<std::pair<std::string, std::string>> requests{
                {"an unregistered URI", logoutPath({{"id_token_hint", hint}, {"post_logout_redirect_uri", "https://evil.example/"}})},
                {"another service's URI", logoutPath({{"id_token_hint", hint}, {"post_logout_redirect_uri", kParkingReturn}})},
                {"extra path", logoutPath({{"id_token_hint", hint}, {"post_logout_redirect_uri", kReturn + "/x"}})},
                {"extra query", logoutPath({{"id_token_hint", hint}, {"post_logout_redirect_uri", kReturn + "?to=https://evil.example"}})},
                {"neither hint nor client_id", logoutPath({{"post_logout_redirect_uri", kReturn}, {"state", "s"}})},
                {"client_id of another service than the hint's",
                 logoutPath({{"id_token_hint", hint}, {"client_id", w.parking.clientId}, {"post_logout_redirect_uri", kParkingReturn}})},
                {"an unknown client_id", logoutPath({{"client_id", "nobody"}, {"post_logout_redirect_uri", kReturn}})},
                {"a repeated parameter", logoutPath({{"client_id", w.council.clientId}, {"client_id", w.council.clientId}})},
            };
            for (const auto& [what, forged] : forgeriesOf(hint, *fetchJwks(w.server)))
                requests.emplace_back("a forged hint: " + what,
                                      logoutPath({{"id_token_hint", forged}, {"post_logout_redirect_uri", kReturn}}));
            requests.emplace_back("a hint with a truncated signature", logoutPath({{"id_token_hint", hint.substr(0, hint.rfind('.')) + ".AAAA"}}));

            for (const auto& [what, path] : requests) {
                INFO(what);
                checkRefused(w.browser.get(path));
                CHECK(w.stillSignedIn());
            }
            for (const auto& sid : w.ada.sids) CHECK(opSession(w.server.services(), sid).endedAt == 0);
            // Refused the same when nobody is signed in.
            PortalClient anonymous(w.server.port());
            checkRefused(anonymous.get(logoutPath({{"id_token_hint", hint}, {"post_logout_redirect_uri", "https://evil.example/"}})));
            checkRefused(anonymous.get(logoutPath({{"post_logout_redirect_uri", kReturn}})));
        }
    }
}

TEST_CASE("Otherwise the citizen is asked on a CSRF-protected page, and may stay signed in", "[web][oidc][logout]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            World w(backend);
            // A hint of another session of Ada's (an older sign-in): it does not prove this browser asks.
            PortalClient phone(w.server.port());
            auto onPhone = signInAgain(w.server, phone, w.ada.account, {w.council.id});
            const std::string hint = w.hint(onPhone.sids[0]);
            auto page = w.browser.get(
                logoutPath({{"id_token_hint", hint}, {"post_logout_redirect_uri", kReturn}, {"state", "s1"}}));
            REQUIRE(page.status == 200);
            CHECK(w.stillSignedIn());
            CHECK(page.body.find("action=\"/oauth2/logout/confirm\"") != std::string::npos);
            CHECK(page.body.find("name=\"decision\" value=\"sign-out\"") != std::string::npos);
            CHECK(page.body.find("name=\"decision\" value=\"stay\"") != std::string::npos);
            CHECK(page.body.find("Council tax asked to sign you out.") != std::string::npos);
            CHECK(page.body.find("Parking permits") != std::string::npos);  // signed out of it too
            const std::string csrf = w.browser.lastCsrf();
            REQUIRE_FALSE(csrf.empty());
            CHECK(hiddenField(page.body, "id_token_hint") == hint);
            CHECK(hiddenField(page.body, "post_logout_redirect_uri") == kReturn);
            const FormBody carried{{"id_token_hint", hint}, {"post_logout_redirect_uri", kReturn}, {"state", "s1"}};

            auto with = [&](FormBody fields, const std::string& decision, const std::string& token) {
                fields.emplace_back("decision", decision);
                if (!token.empty()) fields.emplace_back("csrf", token);
                return w.browser.post("/oauth2/logout/confirm", fields);
            };
            // No token or another token: asked again, nothing changes.
            for (const std::string& wrong : {std::string(), csrf + "x", w.browser.api().cookies()["tessera_form"]}) {
                auto r = with(carried, "sign-out", wrong);
                CHECK(r.status == 400);
                CHECK(r.header("Location").empty());
                CHECK(r.body.find("Your form expired") != std::string::npos);
                CHECK(w.stillSignedIn());
            }
            // An unknown decision: asked again.
            CHECK(with(carried, "maybe", csrf).status == 400);
            // A tampered carried URI: refused.
            checkRefused(with({{"id_token_hint", hint}, {"post_logout_redirect_uri", "https://evil.example/"}}, "sign-out", csrf));
            CHECK(w.stillSignedIn());

            SECTION("staying signed in goes back to the service, still signed in") {
                auto r = with(carried, "stay", csrf);
                CHECK(r.status == 303);
                CHECK(r.header("Location") == kReturn + "?state=s1");
                CHECK(w.stillSignedIn());
                CHECK(opSession(w.server.services(), w.ada.sids[0]).endedAt == 0);
            }
            SECTION("signing out ends this session, not the other, and goes back with state") {
                auto r = with(carried, "sign-out", csrf);
                CHECK(r.status == 303);
                CHECK(r.header("Location") == kReturn + "?state=s1");
                CHECK(clearsSessionCookie(r));
                CHECK_FALSE(w.stillSignedIn());
                CHECK(cookieStillWorks(w.server, onPhone.cookie));
                REQUIRE(w.receiver.waitFor(1));
                auto verified = verifiedWithJwks(w.receiver.received()[0].logoutToken, *fetchJwks(w.server));
                REQUIRE(verified);
                CHECK(verified->payload->getValue<std::string>("sid") == w.ada.sids[0]);
                // The old cookie posting again: nobody is signed in, so just back to the service.
                w.browser.api().cookies()["tessera_session"] = w.ada.cookie;
                auto again = with(carried, "sign-out", csrf);
                CHECK(again.status == 303);
                CHECK(again.header("Location") == kReturn + "?state=s1");
            }
        }
    }
}

TEST_CASE("client_id alone is asked about, and a request with no one signed in still goes back",
          "[web][oidc][logout]") {
    World w("sqlite");
    auto asked = w.browser.get(logoutPath({{"client_id", w.council.clientId}, {"post_logout_redirect_uri", kReturn}}));
    CHECK(asked.status == 200);
    CHECK(w.stillSignedIn());

    PortalClient anonymous(w.server.port());
    auto back = anonymous.get(logoutPath({{"client_id", w.council.clientId}, {"post_logout_redirect_uri", kReturn}, {"state", "z"}}));
    CHECK(back.status == 303);
    CHECK(back.header("Location") == kReturn + "?state=z");
    // An expired hint is still a hint.
    auto expired = anonymous.get(logoutPath(
        {{"id_token_hint", w.signer.idToken({.clientId = w.council.clientId, .subject = "sub-ada", .sid = w.ada.sids[0], .ageSeconds = 7200})},
         {"post_logout_redirect_uri", kReturn}}));
    CHECK(expired.status == 303);
    auto nowhere = anonymous.get("/oauth2/logout");
    CHECK(nowhere.status == 303);
    CHECK(nowhere.header("Location") == "/oauth2/logout/done");
    CHECK(w.stillSignedIn());
}

TEST_CASE("A logout request posted as a form is answered by the same request as a GET", "[web][oidc][logout]") {
    World w("sqlite");
    const std::string hint = w.hint(w.ada.sids[0]);
    auto r = w.browser.post("/oauth2/logout", {{"id_token_hint", hint}, {"post_logout_redirect_uri", kReturn}, {"state", "p"}});
    REQUIRE(r.status == 303);
    CHECK(r.header("Location").rfind("/oauth2/logout?id_token_hint=" + hint + "&", 0) == 0);
    CHECK(w.stillSignedIn());  // nothing happens until the browser comes back with its cookie
    auto followed = w.browser.follow(r);
    CHECK(followed.status == 303);
    CHECK(followed.header("Location") == kReturn + "?state=p");
    CHECK_FALSE(w.stillSignedIn());
}

TEST_CASE("ui_locales chooses the page language, before the account's, after a choice made here", "[web][oidc][logout]") {
    World w("sqlite");
    PortalClient phone(w.server.port());
    auto onPhone = signInAgain(w.server, phone, w.ada.account, {w.council.id});
    const std::string hint = w.hint(onPhone.sids[0]);

    // Nobody signed in: the page is in the language the service asks for.
    PortalClient anonymous(w.server.port());
    auto french = anonymous.get(logoutPath({{"client_id", "nobody"}, {"ui_locales", "fr-CA en"}}));
    CHECK(french.status == 400);
    CHECK(french.body.find("<html lang=\"fr\"") != std::string::npos);
    CHECK(french.body.find("Cette demande de déconnexion ne peut pas être utilisée") != std::string::npos);
    auto gaelic = anonymous.get(logoutPath({{"client_id", "nobody"}, {"ui_locales", "tlh gd"}}));
    CHECK(gaelic.body.find("Cha ghabh an t-iarrtas clàraidh a-mach seo a chleachdadh") != std::string::npos);
    // Languages the portal does not have leave the browser's choice alone.
    auto english = anonymous.get(logoutPath({{"client_id", "nobody"}, {"ui_locales", "de tlh"}}));
    CHECK(english.body.find("This sign-out request cannot be used") != std::string::npos);

    // The language the citizen uses at the service comes before their account's (as on the
    // authorization pages); ui_locales is carried through the form.
    auto& db = w.server.db();
    auto set = db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        std::string id = w.ada.account.id;
        s << db.sql("UPDATE accounts SET language = 'gd' WHERE id = ?"), Poco::Data::Keywords::use(id),
            Poco::Data::Keywords::now;
        return {};
    });
    REQUIRE(set.ok());
    auto asked = w.browser.get(logoutPath({{"id_token_hint", hint}, {"ui_locales", "fr"}}));
    REQUIRE(asked.status == 200);
    CHECK(asked.body.find("<html lang=\"fr\"") != std::string::npos);
    CHECK(asked.body.find("Voulez-vous vous déconnecter") != std::string::npos);
    // Without ui_locales, the account's language.
    auto own = w.browser.get(logoutPath({{"id_token_hint", hint}}));
    REQUIRE(own.status == 200);
    CHECK(own.body.find("<html lang=\"gd\"") != std::string::npos);
    CHECK(own.body.find("A bheil thu airson clàradh a-mach?") != std::string::npos);
    CHECK(hiddenField(asked.body, "ui_locales") == "fr");
}
