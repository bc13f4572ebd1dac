// The authorization endpoint over HTTP, as a browser and a service see it: signing in on the
// way, the consent page, single sign-on, prompt and max_age, step-up, and every request that
// must not be redirected anywhere.
#include <Poco/Data/Session.h>

#include <catch2/catch.hpp>

#include <regex>

#include "core/oidc/ConsentService.h"
#include "infra/Random.h"
#include "server/web/oidc/AuthorizeWebFixture.h"
#include "server/web/oidc/OidcWebFixture.h"

using namespace tessera;
using namespace tessera::test;

namespace {

const std::string kSessionCookie = "tessera_session";  // cookieSecure is off in test servers

std::string pendingIn(const std::string& html) {
    static const std::regex field(R"re(name="pending" value="([^"]*)")re");
    std::smatch m;
    return std::regex_search(html, m, field) ? m[1].str() : std::string();
}

std::string mainOf(const std::string& html) {
    const auto from = html.find("<main"), to = html.find("</main>");
    return from == std::string::npos || to == std::string::npos ? std::string() : html.substr(from, to - from);
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

void agreeInCore(web::Services& services, const std::string& accountId, const core::Service& service,
                 std::vector<std::string> scopes, std::vector<std::string> claims) {
    core::oidc::ConsentAnswer a;
    a.accountId = accountId;
    a.service = &service;
    a.scopes = std::move(scopes);
    a.claims = std::move(claims);
    a.language = "en";
    REQUIRE(core::oidc::ConsentService(services).give(a));
}

// What a service finds at its redirect URI: the parameters, checked to be on `redirectUri`.
std::map<std::string, std::string> answerAt(const std::string& location, const std::string& redirectUri = kServiceRedirect) {
    INFO(location);
    REQUIRE(withoutQuery(location) == redirectUri);
    auto q = queryOf(location);
    CHECK(q["iss"] == kIssuer);
    return q;
}

struct World {
    explicit World(const std::string& backend = "sqlite") : s(backend) {}
    AuthorizeServer s;
    core::ServiceWithSecret council = makeService(s.services(), signInService());
    TestAccount ada = makeAccount(s.services(), activeWithTotp());
    PortalClient browser{s.port()};

    void signIn() { REQUIRE(signInWithTotp(browser.api(), s.clock(), ada).status == 200); }
    void agree(std::vector<std::string> scopes = {"openid", "profile", "email"},
               std::vector<std::string> claims = {"name", "email", "email_verified", "birthdate"}) {
        agreeInCore(s.services(), ada.id, council.service, std::move(scopes), std::move(claims));
    }
    core::oidc::AuthorizationParameters request() { return authorizeParameters(council.service); }
};

}  // namespace

TEST_CASE("Not signed in: sign in, agree, and the service gets a code with its state and iss",
          "[oidc][authorize][web]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            World w(backend);
            auto first = w.browser.get(authorizePath(w.request()));
            REQUIRE(first.status == 303);
            const std::string signInAt = first.header("Location");
            CHECK(withoutQuery(signInAt) == "/sign-in");
            const std::string next = queryOf(signInAt)["next"];
            CHECK(next.rfind("/oauth2/authorize/resume?pending=", 0) == 0);

            auto signedIn = signInThroughPages(w.browser, w.s.clock(), w.ada, signInAt);
            CHECK(signedIn.header("Location") == next);
            auto consent = w.browser.follow(signedIn);
            REQUIRE(consent.status == 200);
            CHECK(consent.header("Cache-Control") == "no-store");
            CHECK(contains(consent.header("Content-Security-Policy"), "default-src 'none'"));
            CHECK(contains(consent.body, "Share your details with Council tax?"));
            CHECK(contains(consent.body, "your full name"));
            CHECK(contains(consent.body, "your email address"));
            CHECK(contains(consent.body, "your date of birth"));
            CHECK_FALSE(contains(consent.body, "your postal address"));  // not asked for
            CHECK(contains(consent.body, "We use your name and address to find your council tax account."));
            CHECK(contains(consent.body, w.ada.email));
            const std::string main = mainOf(consent.body);
            CHECK(occurrences(main, "<form") == 1);
            CHECK(contains(main, "<form method=\"post\""));
            CHECK(contains(main, "<button name=\"decision\" value=\"allow\""));
            CHECK(contains(main, "<button name=\"decision\" value=\"deny\""));
            CHECK(countRows(w.s.db(), "consents") == 0);

            auto allowed = w.browser.submit("/oauth2/authorize/consent",
                                            {{"pending", pendingIn(consent.body)}, {"decision", "allow"}});
            REQUIRE(allowed.status == 200);
            CHECK(contains(allowed.body, "Continue to Council tax"));
            // Not a 303: after a form post Chrome would hold it to the page's form-action 'self'.
            CHECK(contains(allowed.body, "<meta http-equiv=\"refresh\" content=\"0; url=https://council.example/callback?"));
            auto q = answerAt(destination(allowed));
            CHECK(q["state"] == "af0ifjsldkj");
            CHECK(q["code"].size() >= 43);
            CHECK(q.count("error") == 0);
            CHECK(countRows(w.s.db(), "consents") == 1);
            CHECK(countRows(w.s.db(), "authorization_codes") == 1);
        }
    }
}

TEST_CASE("Signed in with consent: the code at once – a second service needs no new sign-in (SSO)",
          "[oidc][authorize][web]") {
    World w;
    w.signIn();
    w.agree();
    auto r = w.browser.get(authorizePath(w.request()));
    REQUIRE(r.status == 302);
    CHECK(r.header("Cache-Control") == "no-store");
    auto q = answerAt(r.header("Location"));
    CHECK(q["state"] == "af0ifjsldkj");
    CHECK_FALSE(q["code"].empty());

    // The code is good at the token endpoint (the back channel's part).
    auto tokens = postForm(w.browser.api(), "/oauth2/token",
                           form({{"grant_type", "authorization_code"}, {"code", q["code"]},
                                 {"redirect_uri", kServiceRedirect}, {"code_verifier", kPkceVerifier}}),
                           {{"Authorization", basicAuth(w.council.service.clientId, w.council.clientSecret)}});
    INFO(tokens.body);
    CHECK(tokens.status == 200);

    auto parking = makeService(w.s.services(), signInService("Parking permits"));
    agreeInCore(w.s.services(), w.ada.id, parking.service, {"openid", "email"}, {"email", "email_verified"});
    auto second = w.browser.get(authorizePath(with(authorizeParameters(parking.service), "scope", "openid email")));
    REQUIRE(second.status == 302);
    CHECK_FALSE(answerAt(second.header("Location"))["code"].empty());
    CHECK(countRows(w.s.db(), "authorization_codes") == 2);
}

TEST_CASE("Do not allow: the service is told access_denied and nothing is stored", "[oidc][authorize][web]") {
    World w;
    w.signIn();
    auto consent = w.browser.get(authorizePath(w.request()));
    REQUIRE(consent.status == 200);
    auto denied = w.browser.submit("/oauth2/authorize/consent", {{"pending", pendingIn(consent.body)}, {"decision", "deny"}});
    REQUIRE(denied.status == 200);
    auto q = answerAt(destination(denied));
    CHECK(q["error"] == "access_denied");
    CHECK(q["state"] == "af0ifjsldkj");
    CHECK(q.count("code") == 0);
    CHECK(countRows(w.s.db(), "consents") == 0);
    CHECK(countRows(w.s.db(), "authorization_codes") == 0);
    const auto entries = w.s.services().audit.entriesFor(w.ada.id);
    CHECK(std::any_of(entries.begin(), entries.end(), [](const core::AuditEntry& e) { return e.event == "consent.refused"; }));
}

TEST_CASE("A consent post without its CSRF token, or without a decision, changes nothing", "[oidc][authorize][web]") {
    World w;
    w.signIn();
    auto consent = w.browser.get(authorizePath(w.request()));
    REQUIRE(consent.status == 200);
    const std::string pending = pendingIn(consent.body);
    auto forged = w.browser.post("/oauth2/authorize/consent", {{"pending", pending}, {"decision", "allow"}});
    CHECK(forged.status == 400);
    CHECK(contains(forged.body, "Your form expired"));
    CHECK(destination(forged).empty());
    auto wrongToken = w.browser.post("/oauth2/authorize/consent",
                                     {{"pending", pending}, {"decision", "allow"}, {"csrf", "not-the-token"}});
    CHECK(wrongToken.status == 400);
    auto undecided = w.browser.submit("/oauth2/authorize/consent", {{"pending", pending}});
    CHECK(undecided.status == 400);
    CHECK(contains(undecided.body, "Select Allow or Do not allow"));
    auto tampered = w.browser.submit("/oauth2/authorize/consent", {{"pending", pending + "x"}, {"decision", "allow"}});
    CHECK(tampered.status == 400);
    CHECK(destination(tampered).empty());
    CHECK(countRows(w.s.db(), "consents") == 0);
    CHECK(countRows(w.s.db(), "authorization_codes") == 0);

    // Another citizen's browser cannot use this page's form.
    PortalClient other(w.s.port());
    auto grace = makeAccount(w.s.services(), activeWithTotp("grace@example.org"));
    REQUIRE(signInWithTotp(other.api(), w.s.clock(), grace).status == 200);
    other.get("/account");
    auto replayed = other.submit("/oauth2/authorize/consent", {{"pending", pending}, {"decision", "allow"}});
    CHECK(replayed.status == 400);
    CHECK(countRows(w.s.db(), "consents") == 0);
}

TEST_CASE("prompt=none answers the service at once", "[oidc][authorize][web]") {
    World w;
    auto anonymous = w.browser.get(authorizePath(with(w.request(), "prompt", "none")));
    REQUIRE(anonymous.status == 302);
    auto q = answerAt(anonymous.header("Location"));
    CHECK(q["error"] == "login_required");
    CHECK(q["state"] == "af0ifjsldkj");

    w.signIn();
    auto noConsent = w.browser.get(authorizePath(with(w.request(), "prompt", "none")));
    REQUIRE(noConsent.status == 302);
    CHECK(answerAt(noConsent.header("Location"))["error"] == "consent_required");

    w.agree();
    auto fine = w.browser.get(authorizePath(with(w.request(), "prompt", "none")));
    REQUIRE(fine.status == 302);
    CHECK_FALSE(answerAt(fine.header("Location"))["code"].empty());
}

TEST_CASE("An unknown client or an unregistered redirect URI gets an error page, never a redirect",
          "[oidc][authorize][web]") {
    World w;
    w.signIn();
    w.agree();
    std::vector<core::oidc::AuthorizationParameters> attempts{
        with(w.request(), "client_id", "no-such-client"),
        with(w.request(), "client_id", std::nullopt),
        with(w.request(), "redirect_uri", std::nullopt),
        with(w.request(), "redirect_uri", "https://council.example/callback/../evil"),
        with(w.request(), "redirect_uri", "https://council.example/callback/extra"),
        with(w.request(), "redirect_uri", "https://council.example:444/callback"),
        with(w.request(), "redirect_uri", "https://council.example@evil.example/callback"),
        with(w.request(), "redirect_uri", "https://evil.example/callback"),
        with(w.request(), "redirect_uri", "https://council.example/callback#fragment"),
    };
    for (const auto& attempt : attempts) {
        const std::string path = authorizePath(attempt);
        INFO(path);
        auto r = w.browser.get(path);
        CHECK(r.status == 400);
        CHECK(r.header("Location").empty());
        CHECK(r.header("Refresh").empty());
        CHECK(r.header("Content-Type") == "text/html; charset=utf-8");
        CHECK(contains(r.body, "There is a problem with the link from the service"));
        // Nothing on the page leads off this site (its language links repeat the request to this endpoint).
        static const std::regex offSite(R"re(href="(https?:)?//)re");
        CHECK_FALSE(std::regex_search(r.body, offSite));
    }
    CHECK(countRows(w.s.db(), "authorization_codes") == 0);
}

TEST_CASE("Redirectable errors go back to the registered URI with the state", "[oidc][authorize][web]") {
    World w;
    auto repeated = w.request();
    repeated.emplace_back("scope", "openid");
    auto r = w.browser.get(authorizePath(repeated));
    REQUIRE(r.status == 302);
    auto q = answerAt(r.header("Location"));
    CHECK(q["error"] == "invalid_request");
    CHECK(q["state"] == "af0ifjsldkj");
    CHECK_FALSE(q["error_description"].empty());

    auto plain = w.browser.get(authorizePath(with(w.request(), "code_challenge_method", "plain")));
    REQUIRE(plain.status == 302);
    CHECK(answerAt(plain.header("Location"))["error"] == "invalid_request");
    auto token = w.browser.get(authorizePath(with(w.request(), "response_type", "token")));
    CHECK(answerAt(token.header("Location"))["error"] == "unsupported_response_type");
}

TEST_CASE("A level of assurance too low: the step-up page, or an error with prompt=none", "[oidc][authorize][web]") {
    World w;
    w.signIn();
    w.agree();
    const auto wants2 = with(w.request(), "acr_values", "urn:tessera:loa:2");
    auto page = w.browser.get(authorizePath(wants2));
    REQUIRE(page.status == 200);
    CHECK(contains(page.body, "Council tax needs more proof of who you are"));
    CHECK(contains(page.body, "What Council tax needs: level 2"));
    CHECK(contains(page.body, "What you have: level 0"));
    CHECK(contains(page.body, "href=\"/account\""));  // no verification page yet: the dashboard
    static const std::regex back(R"re(href="(https://council\.example/callback\?[^"]*)")re");
    std::smatch m;
    REQUIRE(std::regex_search(page.body, m, back));
    std::string link = m[1].str();
    for (std::size_t at; (at = link.find("&amp;")) != std::string::npos;) link.replace(at, 5, "&");
    auto q = answerAt(link);
    CHECK(q["error"] == "unmet_authentication_requirements");
    CHECK(q["state"] == "af0ifjsldkj");
    CHECK(countRows(w.s.db(), "authorization_codes") == 0);

    auto none = w.browser.get(authorizePath(with(wants2, "prompt", "none")));
    REQUIRE(none.status == 302);
    CHECK(answerAt(none.header("Location"))["error"] == "unmet_authentication_requirements");

    setAccountLoa(w.s.services(), w.ada.id, 2);
    auto enough = w.browser.get(authorizePath(wants2));
    REQUIRE(enough.status == 302);
    CHECK_FALSE(answerAt(enough.header("Location"))["code"].empty());
}

TEST_CASE("prompt=login and max_age make the citizen sign in again, once", "[oidc][authorize][web]") {
    World w;
    w.signIn();
    w.agree();
    const std::string oldSession = w.browser.api().cookies()[kSessionCookie];
    for (const auto& params : {with(w.request(), "prompt", "login"), with(w.request(), "max_age", "600")}) {
        if (params == with(w.request(), "max_age", "600")) w.s.clock().advance(601);
        auto again = w.browser.get(authorizePath(params));
        REQUIRE(again.status == 303);
        const std::string signInAt = again.header("Location");
        CHECK(withoutQuery(signInAt) == "/sign-in");
        auto signedIn = signInThroughPages(w.browser, w.s.clock(), w.ada, signInAt);
        w.s.clock().advance(5);  // the clock moves on; max_age=600 still counts from the new sign-in
        auto back = w.browser.follow(signedIn);
        REQUIRE(back.status == 200);  // the end of a form post: a page that refreshes to the service
        CHECK_FALSE(answerAt(destination(back))["code"].empty());
    }
    // The session the citizen had was ended, not merely bypassed.
    w.browser.api().cookies()[kSessionCookie] = oldSession;
    CHECK(w.browser.get("/account").status == 303);
}

TEST_CASE("New terms are accepted on the way", "[oidc][authorize][web]") {
    AuthorizeServer s;
    auto council = makeService(s.services(), signInService());
    AccountSpec spec = activeWithTotp();
    spec.acceptTerms = false;
    auto ada = makeAccount(s.services(), spec);
    agreeInCore(s.services(), ada.id, council.service, {"openid", "profile", "email"}, {"name", "email", "email_verified", "birthdate"});
    PortalClient browser(s.port());
    REQUIRE(signInWithTotp(browser.api(), s.clock(), ada).status == 200);
    auto r = browser.get(authorizePath(authorizeParameters(council.service)));
    REQUIRE(r.status == 303);
    CHECK(withoutQuery(r.header("Location")) == "/accept-terms");
    CHECK(queryOf(r.header("Location"))["next"].rfind("/oauth2/authorize/resume?pending=", 0) == 0);
    auto none = browser.get(authorizePath(with(authorizeParameters(council.service), "prompt", "none")));
    REQUIRE(none.status == 302);
    CHECK(answerAt(none.header("Location"))["error"] == "interaction_required");
}

TEST_CASE("A service asking for more than was agreed asks again, marking what is new", "[oidc][authorize][web]") {
    World w;
    w.signIn();
    w.agree({"openid", "email"}, {"email", "email_verified"});
    auto consent = w.browser.get(authorizePath(with(w.request(), "scope", "openid email address")));
    REQUIRE(consent.status == 200);
    CHECK(contains(consent.body, "You have already agreed to share some details with Council tax"));
    CHECK(occurrences(consent.body, ">New</strong>") == 1);
    auto allowed = w.browser.submit("/oauth2/authorize/consent", {{"pending", pendingIn(consent.body)}, {"decision", "allow"}});
    REQUIRE(allowed.status == 200);
    CHECK_FALSE(answerAt(destination(allowed))["code"].empty());
    auto stored = core::oidc::ConsentService(w.s.services()).inForce(w.ada.id, w.council.service.id);
    REQUIRE(stored);
    CHECK(stored->claims == std::vector<std::string>{"email", "email_verified", "address"});
    // Covered now: no page next time.
    CHECK(w.browser.get(authorizePath(with(w.request(), "scope", "openid address"))).status == 302);
}

TEST_CASE("A native app on a loopback redirect URI: any port", "[oidc][authorize][web]") {
    World w;
    auto app = makeService(w.s.services(), loopbackApp());
    agreeInCore(w.s.services(), w.ada.id, app.service, {"openid", "profile", "email"}, {"name", "email"});
    w.signIn();
    const std::string redirect = "http://127.0.0.1:49152/callback";
    auto r = w.browser.get(authorizePath(authorizeParameters(app.service, redirect)));
    REQUIRE(r.status == 302);
    CHECK_FALSE(answerAt(r.header("Location"), redirect)["code"].empty());
    auto otherPath = w.browser.get(authorizePath(authorizeParameters(app.service, "http://127.0.0.1:49152/elsewhere")));
    CHECK(otherPath.status == 400);
    CHECK(otherPath.header("Location").empty());
}

TEST_CASE("A request too long for a return path comes back through a cookie", "[oidc][authorize][web]") {
    World w;
    std::string claims = R"({"userinfo":{"email":null)";
    // Random names: the sealed request cannot be compressed below the return path's limit.
    for (int i = 0; i < 120; ++i) claims += ",\"x_" + infra::random::token(12) + "\":null";
    claims += "}}";
    const auto params = with(w.request(), "claims", claims);
    auto first = w.browser.get(authorizePath(params));
    REQUIRE(first.status == 303);
    const std::string next = queryOf(first.header("Location"))["next"];
    CHECK(next.rfind("/oauth2/authorize/resume?ref=", 0) == 0);
    REQUIRE(w.browser.api().cookies().count("tessera_authorize") == 1);
    auto signedIn = signInThroughPages(w.browser, w.s.clock(), w.ada, first.header("Location"));
    auto consent = w.browser.follow(signedIn);
    REQUIRE(consent.status == 200);
    CHECK(contains(consent.body, "Share your details with Council tax?"));

    // Without the cookie (another browser) the address alone is useless.
    PortalClient other(w.s.port());
    auto elsewhere = other.get(next);
    CHECK(elsewhere.status == 400);
    CHECK(contains(elsewhere.body, "This sign-in request has expired"));
}

TEST_CASE("A resume address opens only unchanged and for an hour", "[oidc][authorize][web]") {
    World w;
    auto first = w.browser.get(authorizePath(w.request()));
    const std::string next = queryOf(first.header("Location"))["next"];
    auto tampered = w.browser.get(next.substr(0, next.size() - 2) + "AA");
    CHECK(tampered.status == 400);
    w.s.clock().advance(3601);
    auto late = w.browser.get(next);
    CHECK(late.status == 400);
    CHECK(contains(late.body, "This sign-in request has expired"));
}

TEST_CASE("A form-posted request is answered as the same GET", "[oidc][authorize][web]") {
    World w;
    const auto params = w.request();
    auto r = w.browser.post("/oauth2/authorize", {params.begin(), params.end()});
    REQUIRE(r.status == 303);
    const std::string location = r.header("Location");
    CHECK(withoutQuery(location) == "/oauth2/authorize");
    auto q = queryOf(location);
    CHECK(q["client_id"] == w.council.service.clientId);
    CHECK(q["redirect_uri"] == kServiceRedirect);
    CHECK(q["code_challenge"] == kPkceChallenge);
    auto json = w.browser.api().request("POST", "/oauth2/authorize", "{}", "application/json");
    CHECK(json.status == 400);
}

TEST_CASE("login_hint fills in the sign-in form's email address – a hint that is not an address is ignored",
          "[oidc][authorize][web]") {
    World w;
    auto hinted = w.request();
    hinted.emplace_back("login_hint", w.ada.email);
    auto first = w.browser.get(authorizePath(hinted));
    REQUIRE(first.status == 303);
    const std::string signInAt = first.header("Location");
    CHECK(withoutQuery(signInAt) == "/sign-in");
    CHECK(queryOf(signInAt)["email"] == w.ada.email);
    auto form = w.browser.get(signInAt);
    REQUIRE(form.status == 200);
    CHECK(contains(form.body, "value=\"" + w.ada.email + "\""));

    auto odd = w.request();
    odd.emplace_back("login_hint", "not an address\"><script>");
    auto second = w.browser.get(authorizePath(odd));
    REQUIRE(second.status == 303);
    CHECK(queryOf(second.header("Location")).count("email") == 0);
    auto typed = w.browser.get("/sign-in?email=%22%3E%3Cscript%3E");
    REQUIRE(typed.status == 200);
    CHECK_FALSE(contains(typed.body, "<script>"));
}
