// The reviewer workstation signs the demo reviewer in as it will in production: the built-in
// public client, authorization code + PKCE (S256) on a loopback redirect, no consent page, the
// code exchanged without a secret; the access token works as a bearer on the review API and on
// GET /api/v1/staff/me; refresh tokens rotate and a reused one ends the grant. No other service
// may be allowed tessera:staff, and demo mode tells how to configure the workstation.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>

#include <fstream>

#include "infra/Encoding.h"
#include "server/web/admin/WorkstationFixture.h"
#include "server/web/oidc/AuthorizeWebFixture.h"
#include "support/AuthorizationBuilders.h"
#include "web/DemoData.h"

using namespace tessera;
using namespace tessera::test;
using Obj = Poco::JSON::Object::Ptr;

namespace {

const std::string kCallback = "http://127.0.0.1:53682/callback";  // the workstation's port of the moment
const std::string kStaffScopes = "openid tessera:staff offline_access";

void withWorkstation(infra::Settings& settings) { settings.workstationClientId = kWorkstationClientId; }

core::oidc::AuthorizationParameters workstationRequest() {
    return {{"response_type", "code"},          {"client_id", kWorkstationClientId},
            {"redirect_uri", kCallback},        {"scope", kStaffScopes},
            {"state", "ws-state-1"},            {"code_challenge", kPkceChallenge},
            {"code_challenge_method", "S256"}};
}

Obj demoCredentials(TestServer& server) {
    std::ifstream in(server.settings().dataDir + "/demo-credentials.json");
    REQUIRE(in);
    Poco::JSON::Parser parser;
    return parser.parse(in).extract<Obj>();
}

// The demo account with this role, as demo-credentials.json describes it.
TestAccount demoAccount(TestServer& server, const std::string& role) {
    auto accounts = demoCredentials(server)->getArray("accounts");
    for (std::size_t i = 0; i < accounts->size(); ++i) {
        Obj a = accounts->getObject(static_cast<unsigned>(i));
        if (a->getValue<std::string>("role") != role) continue;
        TestAccount out;
        out.email = a->getValue<std::string>("email");
        out.password = a->getValue<std::string>("password");
        out.totpSecret = infra::encoding::unbase32(a->getValue<std::string>("totpSecret")).value_or("");
        auto stored = server.services().accounts.findByEmail(out.email);
        REQUIRE(stored);
        out.id = stored->id;
        return out;
    }
    FAIL("no demo account with role " << role);
    return {};
}

ApiResponse exchange(ApiClient& client, const std::string& code, const std::string& verifier) {
    return postForm(client, "/oauth2/token",
                    form({{"grant_type", "authorization_code"},
                          {"code", code},
                          {"redirect_uri", kCallback},
                          {"client_id", kWorkstationClientId},
                          {"code_verifier", verifier}}));
}

ApiResponse refresh(ApiClient& client, const std::string& refreshToken) {
    return postForm(client, "/oauth2/token",
                    form({{"grant_type", "refresh_token"},
                          {"refresh_token", refreshToken},
                          {"client_id", kWorkstationClientId}}));
}

// Signs `account` in through the pages from the workstation's request; returns the code the
// browser brings to the loopback redirect.
std::string signInForCode(AuthorizeServer& s, PortalClient& browser, const TestAccount& account) {
    auto first = browser.get(authorizePath(workstationRequest()));
    REQUIRE(first.status == 303);
    const std::string signInAt = first.header("Location");
    REQUIRE(withoutQuery(signInAt) == "/sign-in");
    auto signedIn = signInThroughPages(browser, s.clock(), account, signInAt);
    auto back = browser.follow(signedIn);
    INFO(back.body.substr(0, 400));
    // No consent page: straight back to the workstation.
    CHECK_FALSE(contains(back.body, "Share your details"));
    const std::string location = destination(back);
    REQUIRE(withoutQuery(location) == kCallback);
    auto q = queryOf(location);
    CHECK(q["state"] == "ws-state-1");
    CHECK(q["iss"] == kIssuer);
    REQUIRE_FALSE(q["code"].empty());
    return q["code"];
}

}  // namespace

TEST_CASE("The demo reviewer signs in at the workstation and its bearer token works on the review API",
          "[web][workstation][oidc]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthorizeServer s(backend, withWorkstation);
            auto demo = web::seedDemoData(s.services());
            REQUIRE(demo);
            // Demo mode tells how to set the workstation up.
            CHECK(contains(*demo, "client_id tessera-reviewer"));
            CHECK(contains(*demo, "http://127.0.0.1/callback"));
            Obj workstation = demoCredentials(s.server())->getObject("workstation");
            REQUIRE(workstation);
            CHECK(workstation->getValue<std::string>("clientId") == "tessera-reviewer");
            CHECK(workstation->getValue<std::string>("redirectUri") == "http://127.0.0.1/callback");
            CHECK(workstation->getValue<std::string>("issuer") == kIssuer);

            const TestAccount reviewer = demoAccount(s.server(), "reviewer");
            PortalClient browser(s.port());
            const std::string code = signInForCode(s, browser, reviewer);
            CHECK(countRows(s.db(), "consents") == 0);

            // A public client: no secret; the code works only with its PKCE verifier, once.
            ApiClient workstationApp(s.port());
            auto wrongVerifier = exchange(workstationApp, code, kWebCodeVerifier);
            CHECK(wrongVerifier.status == 400);
            CHECK(wrongVerifier.json()->getValue<std::string>("error") == "invalid_grant");
            auto tokens = exchange(workstationApp, code, kPkceVerifier);
            INFO(tokens.body);
            REQUIRE(tokens.status == 200);
            Obj t = tokens.json();
            const std::string access = t->getValue<std::string>("access_token");
            const std::string refreshToken = t->getValue<std::string>("refresh_token");
            CHECK(t->getValue<std::string>("token_type") == "Bearer");
            CHECK(t->getValue<int>("expires_in") <= 600);  // short-lived; the workstation refreshes
            CHECK(contains(t->getValue<std::string>("scope"), "tessera:staff"));
            CHECK(t->has("id_token"));

            auto cases = workstationApp.request("GET", "/api/v1/review/cases", "", "", bearerAuth(access));
            INFO(cases.body);
            REQUIRE(cases.status == 200);
            CHECK(cases.json()->getArray("items")->size() >= 2);  // Eilidh's and Sean's applications
            auto me = workstationApp.request("GET", "/api/v1/staff/me", "", "", bearerAuth(access));
            REQUIRE(me.status == 200);
            CHECK(me.json()->getValue<std::string>("accountId") == reviewer.id);
            CHECK(me.json()->getValue<std::string>("email") == "reviewer@demo.tessera.localhost");
            CHECK(me.json()->getValue<std::string>("name") == "Rhona Kerr");
            auto roles = me.json()->getArray("roles");
            REQUIRE(roles->size() == 1);
            CHECK(roles->getElement<std::string>(0) == "reviewer");
            // A reviewer is no administrator, token or not.
            auto admin = workstationApp.request("GET", "/api/v1/admin/terms", "", "", bearerAuth(access));
            CHECK(admin.status == 403);
            CHECK(admin.problemCode() == "role_required");

            // Refresh tokens rotate; the old one, used again, ends the grant (OAuth security BCP).
            auto refreshed = refresh(workstationApp, refreshToken);
            REQUIRE(refreshed.status == 200);
            const std::string nextRefresh = refreshed.json()->getValue<std::string>("refresh_token");
            const std::string nextAccess = refreshed.json()->getValue<std::string>("access_token");
            CHECK(nextRefresh != refreshToken);
            CHECK(workstationApp.request("GET", "/api/v1/staff/me", "", "", bearerAuth(nextAccess)).status == 200);
            auto reused = refresh(workstationApp, refreshToken);
            CHECK(reused.status == 400);
            CHECK(reused.json()->getValue<std::string>("error") == "invalid_grant");
            CHECK(refresh(workstationApp, nextRefresh).status == 400);
            auto revoked = workstationApp.request("GET", "/api/v1/staff/me", "", "", bearerAuth(nextAccess));
            CHECK(revoked.status == 401);
            CHECK(revoked.problemCode() == "invalid_token");
        }
    }
}

TEST_CASE("The workstation's client insists on PKCE with S256 and its loopback callback", "[web][workstation][oidc]") {
    AuthorizeServer s("sqlite", withWorkstation);
    PortalClient browser(s.port());
    for (const auto& [name, value] : std::vector<std::pair<std::string, std::optional<std::string>>>{
             {"code_challenge", std::nullopt}, {"code_challenge_method", std::string("plain")}}) {
        auto r = browser.get(authorizePath(with(workstationRequest(), name, value)));
        REQUIRE(r.status == 302);
        CHECK(withoutQuery(r.header("Location")) == kCallback);
        CHECK(queryOf(r.header("Location"))["error"] == "invalid_request");
    }
    // Any port on 127.0.0.1, but only the registered path; nothing is sent elsewhere.
    auto otherPort = browser.get(authorizePath(with(workstationRequest(), "redirect_uri", "http://127.0.0.1:1234/callback")));
    CHECK(otherPort.status == 303);  // on to sign in
    auto otherPath = browser.get(authorizePath(with(workstationRequest(), "redirect_uri", "http://127.0.0.1:1234/other")));
    CHECK(otherPath.status == 400);
    CHECK(otherPath.header("Location").empty());
    auto otherHost = browser.get(authorizePath(with(workstationRequest(), "redirect_uri", "http://evil.example/callback")));
    CHECK(otherHost.status == 400);
}

TEST_CASE("No service but the workstation may be allowed tessera:staff", "[web][workstation][admin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, workstationServerSettings);
            ApiClient admin(server.port());
            signInStaff(server, admin, "ailsa@council.example", "admin");
            auto listed = admin.get("/api/v1/admin/services");
            REQUIRE(listed.status == 200);
            auto items = listed.json()->getArray("items");
            REQUIRE(items->size() == 1);  // the built-in client
            CHECK(items->getObject(0)->getValue<std::string>("clientId") == "tessera-reviewer");
            CHECK(items->getObject(0)->getValue<std::string>("clientType") == "public");

            auto refused = admin.post("/api/v1/admin/services",
                                      R"({"name":"Parking permits","redirectUris":["https://parking.example/cb"],)"
                                      R"("allowedScopes":["openid","tessera:staff"]})");
            CHECK(refused.status == 400);
            CHECK(refused.fieldError("allowedScopes[1]") == "staff_scope_reserved");
            CHECK(admin.get("/api/v1/admin/services").json()->getArray("items")->size() == 1);

            // A citizen signed in at the workstation gets a token, but no staff route opens.
            CodeBuilder codes(server);
            auto request = codes.request(workstationClient(server), "citizen@example.org");
            request.scopes = {"openid", "tessera:staff"};
            request.claims = {};
            ApiClient app(server.port());
            auto tokens = exchangeCodeOverHttp(app, workstationClient(server), codes.issue(request).code);
            REQUIRE(tokens.status == 200);
            auto me = app.request("GET", "/api/v1/staff/me", "", "",
                                  bearerAuth(tokens.json()->getValue<std::string>("access_token")));
            CHECK(me.status == 403);
            CHECK(me.problemCode() == "role_required");
        }
    }
}
