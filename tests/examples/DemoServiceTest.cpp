// The demo council service end to end against a fake provider: a citizen signs in (state,
// nonce, PKCE), sees their claims, asks for the secure page (acr_values), signs out (RP-initiated
// logout), and is signed out by the provider (back-channel logout). Every bad answer from the
// provider or the browser ends on a clear page and signs nobody in.
#include <catch2/catch.hpp>

#include "DemoService.h"
#include "HttpServer.h"
#include "support/FakeProvider.h"

using namespace tessera;
using namespace tessera::demo;
using tessera::demo::test::FakeProvider;
using tessera::demo::test::TestIssuer;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::map<std::string, std::string> queryOf(const std::string& url) {
    bool repeated = false;
    const auto q = url.find('?');
    return q == std::string::npos ? std::map<std::string, std::string>{} : parseFormEncoded(url.substr(q + 1), repeated);
}

// A browser: keeps the cookies the service sets (name=value; a Max-Age=0 deletes).
struct Browser {
    std::map<std::string, std::string> cookies;
    std::vector<std::string> setCookies;  // every Set-Cookie seen, for attribute checks

    WebResponse send(DemoService& service, WebRequest request) {
        request.cookies = cookies;
        WebResponse response = service.handle(request);
        for (const auto& [name, value] : response.headers) {
            if (name != "Set-Cookie") continue;
            setCookies.push_back(value);
            const auto eq = value.find('=');
            const auto end = value.find(';');
            const std::string cookieName = value.substr(0, eq);
            const std::string cookieValue = value.substr(eq + 1, end - eq - 1);
            if (contains(value, "Max-Age=0")) cookies.erase(cookieName);
            else cookies[cookieName] = cookieValue;
        }
        return response;
    }
    WebResponse get(DemoService& service, const std::string& path, std::map<std::string, std::string> query = {}) {
        WebRequest r;
        r.path = path;
        r.query = std::move(query);
        return send(service, r);
    }
    WebResponse post(DemoService& service, const std::string& path, std::map<std::string, std::string> form) {
        WebRequest r;
        r.method = "POST";
        r.path = path;
        r.contentType = "application/x-www-form-urlencoded";
        r.form = std::move(form);
        return send(service, r);
    }
};

struct Fixture {
    std::shared_ptr<FakeProvider> provider = std::make_shared<FakeProvider>();
    Options options = [] {
        Options o;
        o.issuer = TestIssuer::kIssuer;
        o.publicUrl = "http://127.0.0.1:8081";
        o.clientId = TestIssuer::kClientId;
        o.clientSecret = FakeProvider::kSecret;
        return o;
    }();
    Clock clock = [p = provider] { return p->now; };
    std::shared_ptr<OidcClient> oidc = std::make_shared<OidcClient>(
        options.issuer, options.redirectUri(), credentialsSource(options), provider, clock);
    std::shared_ptr<SessionStore> store = std::make_shared<SessionStore>();
    DemoService service{options, oidc, store, clock};

    // Starts a sign-in at `path` (/sign-in or /secure) and returns the authorization request's parameters.
    std::map<std::string, std::string> startSignIn(Browser& browser, const std::string& path = "/sign-in",
                                                   std::map<std::string, std::string> query = {}) {
        auto r = browser.get(service, path, std::move(query));
        REQUIRE(r.status == 303);
        const std::string location = r.header("Location");
        REQUIRE(location.rfind(std::string(TestIssuer::kIssuer) + "/oauth2/authorize?", 0) == 0);
        return queryOf(location);
    }
    // The provider's side of a sign-in that succeeds: a code for the request, back at /callback.
    WebResponse approve(Browser& browser, const std::map<std::string, std::string>& request, int loa = 0,
                        const std::string& sid = "session-1") {
        test::IssuedCode code;
        code.nonce = request.at("nonce");
        code.codeChallenge = request.at("code_challenge");
        code.loa = loa;
        code.sid = sid;
        const std::string name = "code-" + std::to_string(provider->codes.size() + 1) + sid;
        provider->codes[name] = code;
        return browser.get(service, "/callback", {{"code", name}, {"state", request.at("state")}, {"iss", TestIssuer::kIssuer}});
    }
    void signIn(Browser& browser, int loa = 0, const std::string& sid = "session-1") {
        auto r = approve(browser, startSignIn(browser), loa, sid);
        REQUIRE(r.status == 303);
        REQUIRE(signedIn(browser));
    }
    bool signedIn(Browser& browser) { return contains(browser.get(service, "/").body, "Welcome, Morag MacLeod"); }
    std::string logoutToken(const std::string& sid, const std::string& sub = "citizen-1") {
        return provider->issuer().sign(provider->issuer().logoutTokenClaims(provider->now, sid, sub), "ES256", "",
                                       "logout+jwt");
    }
};

std::string csrfOf(const std::string& page) {
    const std::string marker = "name=\"csrf\" value=\"";
    const auto start = page.find(marker);
    if (start == std::string::npos) return "";
    return page.substr(start + marker.size(), page.find('"', start + marker.size()) - start - marker.size());
}

}  // namespace

TEST_CASE("A citizen signs in with the code flow and PKCE and sees the claims Tessera shared", "[examples][demo]") {
    Fixture f;
    Browser browser;
    auto home = browser.get(f.service, "/");
    CHECK(home.status == 200);
    CHECK(contains(home.body, "Sign in with Tessera"));
    CHECK(contains(home.body, "demonstration service, not a real council"));

    auto request = f.startSignIn(browser, "/sign-in", {{"lang", "gd"}});
    CHECK(request["response_type"] == "code");
    CHECK(request["client_id"] == TestIssuer::kClientId);
    CHECK(request["redirect_uri"] == "http://127.0.0.1:8081/callback");
    CHECK(request["scope"] == "openid profile email address");
    CHECK(request["code_challenge_method"] == "S256");
    CHECK(request["ui_locales"] == "gd");
    CHECK(request.count("acr_values") == 0);
    CHECK(request["state"].size() >= 43);
    CHECK(request["nonce"].size() >= 43);
    CHECK(request["code_challenge"].size() == 43);
    REQUIRE(browser.setCookies.size() == 1);
    CHECK(contains(browser.setCookies[0], "demo_council_login="));
    CHECK(contains(browser.setCookies[0], "HttpOnly"));
    CHECK(contains(browser.setCookies[0], "SameSite=Lax"));

    auto back = f.approve(browser, request);
    CHECK(back.status == 303);
    CHECK(back.header("Location") == "/");
    CHECK(browser.cookies.count("demo_council_login") == 0);  // the sign-in is over
    CHECK(browser.cookies.count("demo_council_session") == 1);
    CHECK(contains(f.provider->lastTokenRequestBody, "code_verifier="));

    auto account = browser.get(f.service, "/");
    CHECK(account.status == 200);
    CHECK(contains(account.body, "Welcome, Morag MacLeod"));
    CHECK(contains(account.body, "citizen@demo.tessera.localhost"));
    CHECK(contains(account.body, "urn:tessera:loa:0"));
    CHECK(contains(account.body, "Edinburgh"));  // the address from userinfo
    CHECK(contains(account.body, "Sign out"));
    CHECK(contains(account.header("Content-Security-Policy"), "default-src 'none'"));
    CHECK(contains(account.header("Content-Security-Policy"), "form-action 'self' https://tessera.test"));
    CHECK(account.header("Cache-Control") == "no-store");
    CHECK(account.header("Referrer-Policy") == "no-referrer");

    // The same browser signing in again gets a new session; the old one ends.
    const std::string first = browser.cookies["demo_council_session"];
    f.signIn(browser);
    CHECK(browser.cookies["demo_council_session"] != first);
    CHECK(f.store->sessionCount() == 1);
}

TEST_CASE("A callback that does not answer this browser's sign-in signs nobody in", "[examples][demo]") {
    Fixture f;
    Browser browser;
    auto request = f.startSignIn(browser);

    SECTION("another state") {
        auto forged = request;
        forged["state"] = "attacker-state";
        auto r = f.approve(browser, forged);
        CHECK(r.status == 400);
        CHECK(contains(r.body, "This sign-in has expired"));
    }
    SECTION("no sign-in under way in this browser") {
        Browser other;
        auto r = f.approve(other, request);
        CHECK(r.status == 400);
    }
    SECTION("the same answer twice") {
        REQUIRE(f.approve(browser, request).status == 303);
        f.store->endSession(browser.cookies["demo_council_session"]);  // only the second answer is under test
        browser.cookies.erase("demo_council_session");
        CHECK(f.approve(browser, request).status == 400);
    }
    SECTION("an answer from another issuer (mix-up)") {
        auto r = browser.get(f.service, "/callback", {{"code", "x"}, {"state", request["state"]}, {"iss", "https://evil.test"}});
        CHECK(r.status == 400);
    }
    SECTION("a repeated parameter") {
        WebRequest r;
        r.path = "/callback";
        r.query = {{"code", "x"}, {"state", request["state"]}};
        r.repeatedParameter = true;
        CHECK(browser.send(f.service, r).status == 400);
    }
    SECTION("no code") {
        CHECK(browser.get(f.service, "/callback", {{"state", request["state"]}}).status == 400);
    }
    SECTION("a code the provider refuses") {
        auto r = browser.get(f.service, "/callback", {{"code", "unknown"}, {"state", request["state"]}});
        CHECK(r.status == 502);
        CHECK(contains(r.body, "Tessera did not accept this sign-in"));
    }
    SECTION("an ID token that answers another sign-in (nonce)") {
        test::IssuedCode code;
        code.nonce = request["nonce"];
        code.codeChallenge = request["code_challenge"];
        code.nonceOverride = "someone-elses-nonce";
        f.provider->codes["c"] = code;
        auto r = browser.get(f.service, "/callback", {{"code", "c"}, {"state", request["state"]}});
        CHECK(r.status == 502);
        CHECK(contains(r.body, "did not pass Demo council"));
    }
    SECTION("a PKCE verifier that is not the one the challenge was made from") {
        test::IssuedCode code;
        code.nonce = request["nonce"];
        code.codeChallenge = "challenge-of-another-verifier";
        f.provider->codes["c"] = code;
        CHECK(browser.get(f.service, "/callback", {{"code", "c"}, {"state", request["state"]}}).status == 502);
    }
    CHECK_FALSE(f.signedIn(browser));
    CHECK(f.store->sessionCount() == 0);
}

TEST_CASE("The provider's error answers end on pages that say what happened", "[examples][demo]") {
    Fixture f;
    Browser browser;
    SECTION("the citizen chose not to share") {
        auto request = f.startSignIn(browser);
        auto r = browser.get(f.service, "/callback", {{"error", "access_denied"}, {"state", request["state"]}});
        CHECK(r.status == 200);
        CHECK(contains(r.body, "You chose not to share"));
    }
    SECTION("the provider could not sign the citizen in silently") {
        auto request = f.startSignIn(browser);
        auto r = browser.get(f.service, "/callback",
                             {{"error", "login_required"}, {"error_description", "<script>x</script>"}, {"state", request["state"]}});
        CHECK(r.status == 400);
        CHECK(contains(r.body, "login_required"));
        CHECK(contains(r.body, "&lt;script&gt;"));  // the provider's text is escaped
        CHECK_FALSE(contains(r.body, "<script>"));
    }
    CHECK_FALSE(f.signedIn(browser));
}

TEST_CASE("The secure page asks Tessera for level 2 and explains when the citizen cannot reach it", "[examples][demo]") {
    Fixture f;
    Browser browser;
    f.signIn(browser, 0);

    auto request = f.startSignIn(browser, "/secure");
    CHECK(request["acr_values"] == "urn:tessera:loa:2");

    SECTION("the provider says the level cannot be met") {
        auto r = browser.get(f.service, "/callback",
                             {{"error", "unmet_authentication_requirements"},
                              {"error_description", "Your account is at level 0."},
                              {"state", request["state"]}});
        CHECK(r.status == 200);
        CHECK(contains(r.body, "not been confirmed to level 2"));
        CHECK(contains(r.body, "Your account is at level 0."));
        CHECK(contains(r.body, "https://tessera.test/account"));
        CHECK(f.signedIn(browser));  // still signed in at level 0 for the rest of the service
    }
    SECTION("the provider signs the citizen in at a lower level anyway") {
        auto r = f.approve(browser, request, 0);
        CHECK(r.status == 200);
        CHECK(contains(r.body, "not been confirmed to level 2"));
        // Asking again asks Tessera again; the page itself stays closed.
        CHECK(browser.get(f.service, "/secure").status == 303);
    }
    SECTION("the citizen reaches level 2") {
        auto r = f.approve(browser, request, 2);
        CHECK(r.status == 303);
        CHECK(r.header("Location") == "/secure");
        auto secure = browser.get(f.service, "/secure");
        CHECK(secure.status == 200);
        CHECK(contains(secure.body, "Benefits and health records"));
        CHECK(contains(secure.body, "urn:tessera:loa:2"));
    }
}

TEST_CASE("Signing out ends the local session and sends the browser to Tessera's end_session_endpoint", "[examples][demo]") {
    Fixture f;
    Browser browser;
    f.signIn(browser);
    const auto page = browser.get(f.service, "/").body;
    const std::string csrf = csrfOf(page);
    REQUIRE_FALSE(csrf.empty());

    SECTION("a forged sign-out form changes nothing") {
        auto r = browser.post(f.service, "/sign-out", {{"csrf", "forged"}});
        CHECK(r.status == 400);
        CHECK(f.signedIn(browser));
    }
    SECTION("the citizen's own form") {
        auto r = browser.post(f.service, "/sign-out", {{"csrf", csrf}});
        CHECK(r.status == 303);
        const std::string location = r.header("Location");
        CHECK(location.rfind("https://tessera.test/oauth2/logout?", 0) == 0);
        auto q = queryOf(location);
        CHECK(q["post_logout_redirect_uri"] == "http://127.0.0.1:8081/signed-out");
        CHECK(q["client_id"] == TestIssuer::kClientId);
        CHECK_FALSE(q["id_token_hint"].empty());
        CHECK_FALSE(q["state"].empty());
        CHECK_FALSE(f.signedIn(browser));
        CHECK(f.store->sessionCount() == 0);

        auto back = browser.get(f.service, "/signed-out", {{"state", q["state"]}});
        CHECK(contains(back.body, "signed out of Demo council and of Tessera"));
        // A made-up state does not claim the Tessera session ended.
        CHECK(contains(browser.get(f.service, "/signed-out", {{"state", q["state"]}}).body, "signed out of Demo council.</p>"));
    }
    SECTION("Tessera cannot be reached: signed out here, and told to sign out at Tessera too") {
        f.provider->down = true;
        // The discovery document is cached: make it stale.
        f.provider->now += 7200;
        auto r = browser.post(f.service, "/sign-out", {{"csrf", csrf}});
        CHECK(r.status == 503);
        CHECK(contains(r.body, "signed out of Demo council only"));
        CHECK(f.store->sessionCount() == 0);
    }
}

TEST_CASE("A back-channel logout token ends the sessions of its sid, once", "[examples][demo]") {
    Fixture f;
    Browser first, second;
    f.signIn(first, 0, "session-A");
    f.signIn(second, 0, "session-B");

    auto post = [&](const std::map<std::string, std::string>& form) {
        Browser provider;
        return provider.post(f.service, "/backchannel-logout", form);
    };
    const std::string token = f.logoutToken("session-A");
    auto r = post({{"logout_token", token}});
    CHECK(r.status == 200);
    CHECK(r.header("Cache-Control") == "no-store");
    CHECK_FALSE(f.signedIn(first));
    CHECK(f.signedIn(second));

    // Replayed: refused, as is anything that is not a valid logout token.
    auto replay = post({{"logout_token", token}});
    CHECK(replay.status == 400);
    CHECK(contains(replay.body, "\"error\":\"invalid_request\""));
    CHECK(post({}).status == 400);
    CHECK(post({{"logout_token", "garbage"}}).status == 400);
    auto claims = f.provider->issuer().logoutTokenClaims(f.provider->now, "session-B");
    claims.set("nonce", "n");
    CHECK(post({{"logout_token", f.provider->issuer().sign(claims, "ES256", "", "logout+jwt")}}).status == 400);
    // An ID token is not a logout token.
    CHECK(post({{"logout_token", f.provider->issuer().sign(f.provider->issuer().idTokenClaims(f.provider->now, "n"))}})
              .status == 400);
    WebRequest json;
    json.method = "POST";
    json.path = "/backchannel-logout";
    json.contentType = "application/json";
    CHECK(f.service.handle(json).status == 400);
    CHECK(f.signedIn(second));

    // A token naming only the subject ends all of that subject's sessions.
    CHECK(post({{"logout_token", f.logoutToken("", "citizen-1")}}).status == 200);
    CHECK_FALSE(f.signedIn(second));
}

TEST_CASE("When Tessera cannot be reached the service says so instead of failing", "[examples][demo]") {
    Fixture f;
    f.provider->down = true;
    Browser browser;
    auto r = browser.get(f.service, "/sign-in");
    CHECK(r.status == 503);
    CHECK(contains(r.body, "Tessera cannot be reached right now"));
    CHECK(browser.cookies.empty());
    CHECK(browser.get(f.service, "/secure").status == 503);
    CHECK(browser.get(f.service, "/").status == 200);

    f.provider->down = false;  // back: the next try works
    f.signIn(browser);
}

TEST_CASE("The service answers unknown pages and methods plainly and serves its stylesheet", "[examples][demo]") {
    Fixture f;
    Browser browser;
    auto missing = browser.get(f.service, "/nowhere");
    CHECK(missing.status == 404);
    CHECK(contains(missing.body, "Page not found"));
    auto wrong = browser.post(f.service, "/", {});
    CHECK(wrong.status == 405);
    CHECK(browser.get(f.service, "/sign-out").status == 405);
    auto css = browser.get(f.service, "/static/demo.css");
    CHECK(css.status == 200);
    CHECK(css.contentType == "text/css; charset=utf-8");
    CHECK(contains(css.body, ".button"));
    CHECK(browser.get(f.service, "/healthz").body == "ok\n");
}
