// The admin REST API for services: admin role through the signed-in session and CSRF,
// validation per field, the secret once, ETag / If-Match on updates.
#include <Poco/JSON/Array.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "OidcWebFixture.h"
#include "infra/Digest.h"

using namespace tessera;
using namespace tessera::test;

namespace {

const std::string kServices = "/api/v1/admin/services";

const std::string kCouncil = R"({"name":"Council tax","description":"Pay and manage council tax",)"
                             R"("redirectUris":["https://council.example/callback","https://council.example/return"],)"
                             R"("minLoa":1})";

ApiResponse patchWith(ApiClient& client, const std::string& path, const std::string& body, const std::string& etag) {
    std::map<std::string, std::string> headers;
    if (!etag.empty()) headers["If-Match"] = etag;
    return client.request("PATCH", path, body, "application/json", headers);
}

}  // namespace

TEST_CASE("Service administration is for signed-in administrators only", "[web][admin][services]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            auto existing = createBackendService(server);
            const std::string one = kServices + "/" + existing.id;

            ApiClient anonymous(server.port());
            CHECK(anonymous.get(kServices).status == 401);
            CHECK(anonymous.post(kServices, kCouncil).status == 401);

            ApiClient citizen(server.port());
            signInStaff(server, citizen, "citizen@example.org", "");
            for (const auto& r : {citizen.get(kServices), citizen.get(one), citizen.post(kServices, kCouncil),
                                  patchWith(citizen, one, R"({"name":"x"})", "\"1\""), citizen.post(one + "/secret"),
                                  citizen.post(one + "/disable")}) {
                CHECK(r.status == 403);
                CHECK(r.problemCode() == "role_required");
            }
            ApiClient reviewer(server.port());
            signInStaff(server, reviewer, "reviewer@example.org", "reviewer");
            CHECK(reviewer.get(kServices).problemCode() == "role_required");

            ApiClient admin(server.port());
            signInStaff(server, admin, "admin@example.org", "admin");
            CHECK(admin.get(kServices).status == 200);
            // Unsafe methods need the session's CSRF token.
            const std::string csrf = admin.csrfToken();
            admin.csrfToken().clear();
            for (const auto& r : {admin.post(kServices, kCouncil), admin.post(one + "/disable"), admin.post(one + "/secret"),
                                  patchWith(admin, one, R"({"name":"x"})", "\"1\"")}) {
                CHECK(r.status == 403);
                CHECK(r.problemCode() == "csrf_failed");
            }
            admin.csrfToken() = "wrong";
            CHECK(admin.post(kServices, kCouncil).problemCode() == "csrf_failed");
            admin.csrfToken() = csrf;
            CHECK(admin.post(kServices, kCouncil).status == 201);
            CHECK_FALSE(core::ServiceRegistry(server.services()).get(existing.id)->disabled);
        }
    }
}

TEST_CASE("Creating a service answers 201 with the secret once – reading never shows it", "[web][admin][services]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient admin(server.port());
            signInStaff(server, admin, "admin@example.org", "admin");

            auto created = admin.post(kServices, kCouncil);
            INFO(created.body);
            REQUIRE(created.status == 201);
            auto body = created.json();
            const std::string id = body->getValue<std::string>("id");
            const std::string secret = body->getValue<std::string>("clientSecret");
            CHECK(secret.size() == 43);
            CHECK(created.header("Location") == kServices + "/" + id);
            CHECK(created.header("ETag") == "\"1\"");
            CHECK(created.header("Cache-Control") == "no-store");
            CHECK(body->getValue<std::string>("clientType") == "confidential");
            CHECK(body->getValue<std::string>("tokenEndpointAuthMethod") == "client_secret_basic");
            CHECK(body->getValue<std::string>("subjectType") == "pairwise");
            CHECK(body->getValue<std::string>("idTokenAlg") == "ES256");
            CHECK(body->getValue<int>("minLoa") == 1);
            CHECK(body->getValue<bool>("hasSecret"));
            CHECK_FALSE(body->has("secretHash"));

            auto read = admin.get(kServices + "/" + id);
            REQUIRE(read.status == 200);
            CHECK(read.header("ETag") == "\"1\"");
            CHECK_FALSE(read.json()->has("clientSecret"));
            CHECK(read.body.find(secret) == std::string::npos);
            CHECK(read.body.find(infra::digest::sha256Hex(secret)) == std::string::npos);
            auto list = admin.get(kServices);
            REQUIRE(list.status == 200);
            CHECK(list.json()->getArray("items")->size() == 1);
            CHECK(list.json()->isNull("next"));
            CHECK(list.body.find(secret) == std::string::npos);
            CHECK(admin.get(kServices + "/no-such-id").status == 404);

            // The secret works at the token endpoint... until it is rotated.
            ServiceCredentials credentials{id, body->getValue<std::string>("clientId"), secret};
            auto patchGrants = patchWith(admin, kServices + "/" + id,
                                         R"({"grantTypes":["authorization_code","refresh_token","client_credentials"]})",
                                         "\"1\"");
            REQUIRE(patchGrants.status == 200);
            ApiClient rp(server.port());
            clientCredentialsToken(rp, credentials);
            auto rotated = admin.post(kServices + "/" + id + "/secret");
            REQUIRE(rotated.status == 200);
            const std::string newSecret = rotated.json()->getValue<std::string>("clientSecret");
            CHECK(newSecret != secret);
            CHECK(rotated.header("ETag") == "\"3\"");
            auto old = postForm(rp, "/oauth2/token", form({{"grant_type", "client_credentials"}}),
                                {{"Authorization", basicAuth(credentials.clientId, secret)}});
            CHECK(old.status == 401);
            credentials.clientSecret = newSecret;
            clientCredentialsToken(rp, credentials);
        }
    }
}

TEST_CASE("Bad fields are each reported and change nothing", "[web][admin][services]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient admin(server.port());
    signInStaff(server, admin, "admin@example.org", "admin");
    auto r = admin.post(kServices, R"({"name":"","redirectUris":["http://evil.example/cb","https://ok.example/cb#frag"],)"
                                   R"("minLoa":7,"idTokenAlg":"HS256","allowedScopes":["openid","admin"],)"
                                   R"J("clientType":"trusted","logoUrl":"javascript:alert(1)","clientId":"mine",)J"
                                   R"("colour":"red","consentText":{"en":5}})");
    INFO(r.body);
    REQUIRE(r.status == 400);
    CHECK(r.header("Content-Type").find("application/problem+json") == 0);
    CHECK(r.fieldError("minLoa") == "out_of_range");
    CHECK(r.fieldError("clientId") == "read_only");
    CHECK(r.fieldError("colour") == "unknown_field");
    CHECK(r.fieldError("consentText.en") == "wrong_type");
    CHECK(admin.get(kServices).json()->getArray("items")->size() == 0);

    // The web layer's checks passed: the core's checks report per field.
    auto checked = admin.post(kServices, R"({"name":"","redirectUris":["http://evil.example/cb","https://ok.example/cb#frag"],)"
                                      R"("idTokenAlg":"HS256","allowedScopes":["openid","admin"],"clientType":"trusted",)"
                                      R"J("logoUrl":"javascript:alert(1)"})J");
    INFO(checked.body);
    REQUIRE(checked.status == 400);
    CHECK(checked.fieldError("name") == "required");
    CHECK(checked.fieldError("redirectUris[0]") == "https_required");
    CHECK(checked.fieldError("redirectUris[1]") == "fragment_not_allowed");
    CHECK(checked.fieldError("idTokenAlg") == "unknown_value");
    CHECK(checked.fieldError("allowedScopes[1]") == "unknown_value");
    CHECK(checked.fieldError("clientType") == "unknown_value");
    CHECK(checked.fieldError("logoUrl") == "not_absolute");
    CHECK(admin.get(kServices).json()->getArray("items")->size() == 0);
    CHECK(admin.request("POST", kServices, "name=x", "application/x-www-form-urlencoded").status == 415);
    CHECK(admin.post(kServices, "{").problemCode() == "malformed_json");
}

TEST_CASE("PATCH needs If-Match: 428 without it, 412 when stale, 200 with a new ETag when current",
          "[web][admin][services]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient admin(server.port());
            signInStaff(server, admin, "admin@example.org", "admin");
            auto created = admin.post(kServices, kCouncil);
            REQUIRE(created.status == 201);
            const std::string one = kServices + "/" + created.json()->getValue<std::string>("id");
            const std::string rename = R"({"name":"Council tax and benefits"})";

            auto missing = patchWith(admin, one, rename, "");
            CHECK(missing.status == 428);
            CHECK(missing.problemCode() == "precondition_required");
            auto stale = patchWith(admin, one, rename, "\"7\"");
            CHECK(stale.status == 412);
            CHECK(stale.problemCode() == "precondition_failed");
            CHECK(patchWith(admin, one, rename, "W/\"1\"").status == 412);  // weak tags never match

            auto ok = patchWith(admin, one, rename, "\"1\"");
            INFO(ok.body);
            REQUIRE(ok.status == 200);
            CHECK(ok.header("ETag") == "\"2\"");
            CHECK(ok.json()->getValue<std::string>("name") == "Council tax and benefits");
            CHECK(ok.json()->getValue<std::string>("description") == "Pay and manage council tax");  // untouched
            // The old ETag is now stale; a list naming the current one matches.
            CHECK(patchWith(admin, one, R"({"minLoa":2})", "\"1\"").status == 412);
            CHECK(patchWith(admin, one, R"({"minLoa":2})", "\"1\", \"2\"").status == 200);
            CHECK(patchWith(admin, one, R"({"description":null})", "*").status == 200);
            CHECK(admin.get(one).json()->getValue<std::string>("description").empty());
            // Invalid changes are refused whatever the ETag, and change nothing.
            auto bad = patchWith(admin, one, R"({"redirectUris":["http://evil.example/"]})", "\"4\"");
            CHECK(bad.status == 400);
            CHECK(bad.fieldError("redirectUris[0]") == "https_required");
            auto readOnly = patchWith(admin, one, R"({"clientId":"x","version":9})", "\"4\"");
            CHECK(readOnly.fieldError("clientId") == "read_only");
            CHECK(readOnly.fieldError("version") == "read_only");
            CHECK(admin.get(one).header("ETag") == "\"4\"");
            CHECK(patchWith(admin, kServices + "/nope", rename, "\"1\"").status == 404);
        }
    }
}

TEST_CASE("Disabling a service stops its client authentication and its tokens", "[web][admin][services]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient admin(server.port());
    signInStaff(server, admin, "admin@example.org", "admin");
    auto service = createBackendService(server);
    ApiClient rp(server.port());
    const std::string token = clientCredentialsToken(rp, service);

    auto disabled = admin.post(kServices + "/" + service.id + "/disable");
    REQUIRE(disabled.status == 200);
    CHECK(disabled.json()->getValue<bool>("disabled"));
    CHECK(admin.post(kServices + "/" + service.id + "/disable").status == 200);
    auto refused = postForm(rp, "/oauth2/token", form({{"grant_type", "client_credentials"}}),
                            {{"Authorization", basicAuth(service.clientId, service.clientSecret)}});
    CHECK(refused.status == 401);
    CHECK(admin.post(kServices + "/nope/disable").status == 404);
    // Audited, with the administrator as actor.
    bool audited = false;
    for (const auto& e : server.services().audit.entriesFor(service.id)) audited |= e.event == "service.disabled";
    CHECK(audited);
}

TEST_CASE("The service list pages with limit and after", "[web][admin][services]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient admin(server.port());
    signInStaff(server, admin, "admin@example.org", "admin");
    for (int i = 0; i < 3; ++i) createBackendService(server, "Service " + std::to_string(i));
    auto first = admin.get(kServices + "?limit=2");
    REQUIRE(first.status == 200);
    CHECK(first.json()->getArray("items")->size() == 2);
    const std::string next = first.json()->getValue<std::string>("next");
    auto second = admin.get(kServices + "?limit=2&after=" + next);
    REQUIRE(second.status == 200);
    CHECK(second.json()->getArray("items")->size() == 1);
    CHECK(second.json()->isNull("next"));
    CHECK(admin.get(kServices + "?limit=0").fieldError("limit") == "out_of_range");
    CHECK(admin.get(kServices + "?limit=abc").fieldError("limit") == "out_of_range");
    CHECK(admin.get(kServices + "?after=garbage!").fieldError("after") == "bad_cursor");
}

TEST_CASE("The vocabulary lists the values a service may be given, and each of them is accepted",
          "[web][admin][services]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient reviewer(server.port());
    signInStaff(server, reviewer, "reviewer@example.org", "reviewer");
    CHECK(reviewer.get(kServices + "/vocabulary").problemCode() == "role_required");

    ApiClient admin(server.port());
    signInStaff(server, admin, "admin@example.org", "admin");
    auto answer = admin.get(kServices + "/vocabulary");
    INFO(answer.body);
    REQUIRE(answer.status == 200);
    auto vocabulary = answer.json();
    const auto list = [&](const std::string& name) {
        std::vector<std::string> out;
        for (const auto& v : *vocabulary->getArray(name)) out.push_back(v.extract<std::string>());
        return out;
    };
    const auto scopes = list("scopes");
    CHECK(std::find(scopes.begin(), scopes.end(), "openid") != scopes.end());
    // Only the built-in workstation client may hold the staff scope, so it is never offered.
    CHECK(std::find(scopes.begin(), scopes.end(), "tessera:staff") == scopes.end());
    CHECK(list("consentLanguages") == std::vector<std::string>{"en", "fr", "gd"});
    CHECK(list("clientTypes") == std::vector<std::string>{"public", "confidential"});

    // A confidential service given every scope, claim and grant offered, and a consent text in
    // every language offered, is registered as asked.
    Poco::JSON::Object service;
    service.set("name", "Everything");
    service.set("redirectUris", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    service.getArray("redirectUris")->add("https://everything.example/callback");
    for (const std::string field : {"scopes", "claims", "grantTypes"}) {
        Poco::JSON::Array::Ptr values = new Poco::JSON::Array;
        for (const auto& v : list(field)) values->add(v);
        service.set(field == "scopes" ? "allowedScopes" : field == "claims" ? "allowedClaims" : field, values);
    }
    Poco::JSON::Object consent;
    for (const auto& language : list("consentLanguages")) consent.set(language, "Why: " + language);
    service.set("consentText", consent);
    for (const auto& alg : list("idTokenAlgs")) {
        for (const auto& subject : list("subjectTypes")) {
            service.set("idTokenAlg", alg);
            service.set("subjectType", subject);
            std::ostringstream json;
            service.stringify(json);
            auto created = admin.post(kServices, json.str());
            INFO(created.body);
            CHECK(created.status == 201);
            CHECK(created.json()->getArray("allowedClaims")->size() == list("claims").size());
        }
    }
}
