// Terms versions over HTTP, as an administrator at the workstation uses them: draft, preview,
// edit with If-Match, publish with an effective date, and citizens asked to accept the new
// version once it takes effect; published versions never change; bad input is a problem and
// changes nothing.
#include <Poco/JSON/Array.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>

#include "server/web/admin/WorkstationFixture.h"
#include "support/AccountBuilders.h"

using namespace tessera;
using namespace tessera::test;

namespace {

const std::string kTerms = "/api/v1/admin/terms";

ApiResponse withIfMatch(ApiClient& client, const std::string& method, const std::string& path, const std::string& body,
                        const std::string& etag) {
    std::map<std::string, std::string> headers;
    if (!etag.empty()) headers["If-Match"] = etag;
    return client.request(method, path, body, body.empty() ? "" : "application/json", headers);
}

// Unix seconds as an ISO 8601 time in UTC ("2030-01-01T00:00:00Z").
std::string isoAt(std::int64_t unixSeconds) {
    char out[32];
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm utc{};
    gmtime_r(&t, &utc);
    std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return out;
}

std::string draftBody(const std::string& language = "en") {
    return json({{"kind", "terms_of_service"},
                 {"language", language},
                 {"title", "Terms of service"},
                 {"body", "You agree to give true information.\nWe keep records for five years."},
                 {"summaryOfChanges", "Records are kept for five years."}});
}

std::int64_t termsRows(TestServer& server) { return countRows(server.db(), "terms_documents"); }

}  // namespace

TEST_CASE("An administrator drafts, previews, edits and publishes a terms version – citizens accept it once it takes "
          "effect",
          "[web][admin][terms]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient admin(server.port());
            auto ailsa = signInStaff(server, admin, "ailsa@council.example", "admin");
            ApiClient citizen(server.port());
            auto morag = makeAccount(server.services(), activeWithTotp("morag@example.org"));
            REQUIRE(signInWithTotp(citizen, server.clock(), morag).status == 200);

            auto created = admin.post(kTerms, draftBody());
            INFO(created.body);
            REQUIRE(created.status == 201);
            const std::string id = created.json()->getValue<std::string>("id");
            CHECK(created.header("Location") == kTerms + "/" + id);
            CHECK(created.json()->getValue<int>("version") == 2);
            CHECK(created.json()->getValue<std::string>("status") == "draft");
            CHECK(created.json()->isNull("effectiveAt"));
            const std::string firstTag = created.header("ETag");
            REQUIRE_FALSE(firstTag.empty());

            // The list shows it first (highest version), without its body; reading it shows the body.
            auto list = admin.get(kTerms + "?kind=terms_of_service&language=en");
            REQUIRE(list.status == 200);
            auto items = list.json()->getArray("items");
            REQUIRE(items->size() == 2);
            CHECK(items->getObject(0)->getValue<std::string>("id") == id);
            CHECK_FALSE(items->getObject(0)->has("body"));
            CHECK(items->getObject(1)->getValue<std::string>("status") == "in_force");
            auto preview = admin.get(kTerms + "/" + id);
            REQUIRE(preview.status == 200);
            CHECK(preview.json()->getValue<std::string>("body") ==
                  "You agree to give true information.\nWe keep records for five years.");
            CHECK(preview.header("ETag") == firstTag);

            // Edits need the ETag they were based on.
            const std::string edit = json({{"title", "Terms of service (2)"}});
            auto noTag = withIfMatch(admin, "PATCH", kTerms + "/" + id, edit, "");
            CHECK(noTag.status == 428);
            CHECK(noTag.problemCode() == "precondition_required");
            auto edited = withIfMatch(admin, "PATCH", kTerms + "/" + id, edit, firstTag);
            REQUIRE(edited.status == 200);
            CHECK(edited.json()->getValue<std::string>("title") == "Terms of service (2)");
            const std::string secondTag = edited.header("ETag");
            CHECK(secondTag != firstTag);
            auto stale = withIfMatch(admin, "PATCH", kTerms + "/" + id, json({{"title", "Lost update"}}), firstTag);
            CHECK(stale.status == 412);
            CHECK(stale.problemCode() == "precondition_failed");
            CHECK(admin.get(kTerms + "/" + id).json()->getValue<std::string>("title") == "Terms of service (2)");

            // Publishing also needs the ETag of what was previewed.
            // In ten minutes (the citizen's session lasts 30 idle minutes).
            const std::int64_t soon = server.clock().now() + 600;
            const std::string publish = json({{"effectiveAt", isoAt(soon)}});
            CHECK(withIfMatch(admin, "POST", kTerms + "/" + id + "/publish", publish, "").status == 428);
            CHECK(withIfMatch(admin, "POST", kTerms + "/" + id + "/publish", publish, firstTag).status == 412);
            auto published = withIfMatch(admin, "POST", kTerms + "/" + id + "/publish", publish, secondTag);
            INFO(published.body);
            REQUIRE(published.status == 200);
            CHECK(published.json()->getValue<std::string>("status") == "scheduled");
            CHECK(published.json()->getValue<std::string>("effectiveAt") == isoAt(soon));
            bool audited = false;
            for (const auto& e : server.services().audit.entriesFor(id))
                audited |= e.event == "terms.published" && e.actor == ailsa.id;
            CHECK(audited);

            // Until it takes effect citizens carry on; from then they are asked to accept it.
            CHECK(citizen.get("/api/v1/accounts/me").status == 200);
            CHECK(fetchCurrentTermsIds(citizen).size() == 3);
            server.clock().advance(600);
            auto asked = citizen.get("/api/v1/accounts/me");
            CHECK(asked.status == 403);
            CHECK(asked.problemCode() == "terms_acceptance_required");
            auto current = fetchCurrentTermsIds(citizen);
            CHECK(std::find(current.begin(), current.end(), id) != current.end());
            Poco::JSON::Array accept;
            for (const auto& termsId : current) accept.add(termsId);
            REQUIRE(citizen.post("/api/v1/accounts/me/terms", json({{"acceptTerms", accept}})).status == 204);
            CHECK(citizen.get("/api/v1/accounts/me").status == 200);

            // The administrator, signed in with a session, is asked like everyone else.
            CHECK(admin.get(kTerms).problemCode() == "terms_acceptance_required");
            REQUIRE(admin.post("/api/v1/accounts/me/terms", json({{"acceptTerms", accept}})).status == 204);

            // Published: immutable.
            const std::string now = admin.get(kTerms + "/" + id).header("ETag");
            auto change = withIfMatch(admin, "PATCH", kTerms + "/" + id, edit, now);
            CHECK(change.status == 409);
            CHECK(change.problemCode() == "terms_published");
            CHECK(withIfMatch(admin, "DELETE", kTerms + "/" + id, "", "").problemCode() == "terms_published");
            CHECK(admin.get(kTerms + "/" + id).json()->getValue<std::string>("status") == "in_force");
        }
    }
}

TEST_CASE("Drafts are deleted – bad terms requests are problems that change nothing", "[web][admin][terms]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient admin(server.port());
            signInStaff(server, admin, "ailsa@council.example", "admin");
            auto created = admin.post(kTerms, draftBody("gd"));
            REQUIRE(created.status == 201);
            const std::string one = kTerms + "/" + created.json()->getValue<std::string>("id");
            const std::string tag = created.header("ETag");
            const auto rows = termsRows(server);
            const auto audit = countRows(server.db(), "audit_log", "event LIKE 'terms.%'");

            auto bad = admin.post(kTerms, json({{"kind", "cookies"},
                                                {"language", "de"},
                                                {"title", ""},
                                                {"body", std::string(60001, 'x')},
                                                {"version", 7},
                                                {"colour", "red"}}));
            REQUIRE(bad.status == 400);
            CHECK(bad.header("Content-Type").find("application/problem+json") == 0);
            CHECK(bad.fieldError("kind") == "invalid_choice");
            CHECK(bad.fieldError("language") == "not_supported");
            CHECK(bad.fieldError("title") == "required");
            CHECK(bad.fieldError("body") == "too_long");
            CHECK(bad.fieldError("version") == "read_only");
            CHECK(bad.fieldError("colour") == "unknown_field");
            CHECK(admin.post(kTerms, "{").problemCode() == "malformed_json");
            CHECK(admin.request("POST", kTerms, "kind=x", "application/x-www-form-urlencoded").status == 415);
            CHECK(admin.post(kTerms, draftBody("gd")).problemCode() == "draft_exists");

            auto nullTitle = withIfMatch(admin, "PATCH", one, R"({"title":null,"kind":"privacy_policy"})", tag);
            CHECK(nullTitle.status == 400);
            CHECK(nullTitle.fieldError("title") == "required");
            CHECK(nullTitle.fieldError("kind") == "read_only");
            auto badTime = withIfMatch(admin, "POST", one + "/publish", json({{"effectiveAt", "tomorrow"}}), tag);
            CHECK(badTime.fieldError("effectiveAt") == "invalid_format");
            auto noZone = withIfMatch(admin, "POST", one + "/publish", json({{"effectiveAt", "2030-01-01T10:00:00"}}), tag);
            CHECK(noZone.fieldError("effectiveAt") == "invalid_format");
            auto impossible =
                withIfMatch(admin, "POST", one + "/publish", json({{"effectiveAt", "2030-02-31T10:00:00Z"}}), tag);
            CHECK(impossible.fieldError("effectiveAt") == "invalid_format");
            auto past = withIfMatch(admin, "POST", one + "/publish", json({{"effectiveAt", isoAt(server.clock().now() - 3600)}}), tag);
            CHECK(past.status == 400);
            CHECK(past.fieldError("effectiveAt") == "in_the_past");
            auto missing = withIfMatch(admin, "POST", one + "/publish", "{}", tag);
            CHECK(missing.fieldError("effectiveAt") == "required");
            CHECK(admin.get(kTerms + "?kind=cookies").fieldError("kind") == "invalid_choice");
            CHECK(admin.get(kTerms + "?limit=500").fieldError("limit") == "out_of_range");
            CHECK(admin.get(kTerms + "?after=garbage!").fieldError("after") == "bad_cursor");
            CHECK(admin.get(kTerms + "/no-such-id").status == 404);
            CHECK(withIfMatch(admin, "PATCH", kTerms + "/no-such-id", json({{"title", "x"}}), tag).status == 404);
            CHECK(termsRows(server) == rows);
            CHECK(countRows(server.db(), "audit_log", "event LIKE 'terms.%'") == audit);
            CHECK(admin.get(one).json()->getValue<std::string>("status") == "draft");

            // Deleting a draft: gone from the list and from reading.
            CHECK(withIfMatch(admin, "DELETE", one, "", "\"old\"").status == 412);
            auto deleted = withIfMatch(admin, "DELETE", one, "", tag);
            CHECK(deleted.status == 204);
            CHECK(admin.get(one).status == 404);
            CHECK(termsRows(server) == rows - 1);
            CHECK(admin.del(one).status == 404);
        }
    }
}

TEST_CASE("Terms administration is for administrators", "[web][admin][terms]") {
    TestServer server("sqlite", oidcServerSettings);
    ApiClient reviewer(server.port());
    signInStaff(server, reviewer, "rhona@council.example", "senior_reviewer");
    for (const auto& r : {reviewer.get(kTerms), reviewer.post(kTerms, draftBody()), reviewer.get(kTerms + "/x"),
                          reviewer.del(kTerms + "/x"), reviewer.post(kTerms + "/x/publish", "{}")}) {
        CHECK(r.status == 403);
        CHECK(r.problemCode() == "role_required");
    }
    ApiClient anonymous(server.port());
    CHECK(anonymous.get(kTerms).status == 401);
    CHECK(termsRows(server) == 9);
}
