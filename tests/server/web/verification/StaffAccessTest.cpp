// Who may use the review API: staff roles through a session or a bearer token carrying
// tessera:staff (obtained through the authorization-code flow), and the short-lived media
// links that open a photo or video only for the reviewer holding the case.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <catch2/catch.hpp>

#include "server/web/admin/WorkstationFixture.h"
#include "server/web/oidc/OidcWebFixture.h"
#include "support/TestDatabase.h"
#include "support/VerificationWebBuilders.h"

using namespace tessera;
using namespace tessera::test;
using Obj = Poco::JSON::Object::Ptr;

namespace {

std::string accessToken(TestServer& server, CodeBuilder& codes, const RelyingPartyCredentials& service,
                        const std::string& email, bool staffScope) {
    auto request = codes.request(service, email);
    if (staffScope) request.scopes.push_back("tessera:staff");
    ApiClient oauth(server.port());
    auto tokens = exchangeCodeOverHttp(oauth, service, codes.issue(request).code);
    REQUIRE(tokens.status == 200);
    return tokens.json()->getValue<std::string>("access_token");
}

std::map<std::string, std::string> bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

// The case's media links as a reviewer sees them: slot -> url (empty when none).
std::map<std::string, std::string> mediaUrls(ApiClient& reviewer, const std::string& caseId) {
    auto detail = reviewer.get("/api/v1/review/cases/" + caseId);
    REQUIRE(detail.status == 200);
    std::map<std::string, std::string> urls;
    auto media = detail.json()->getArray("media");
    for (std::size_t i = 0; i < media->size(); ++i) {
        Obj m = media->getObject(static_cast<unsigned>(i));
        urls[m->getValue<std::string>("slot")] = m->isNull("url") ? "" : m->getValue<std::string>("url");
    }
    return urls;
}

}  // namespace

TEST_CASE("Staff routes take a staff role, by session or by a bearer token with tessera:staff", "[web][review][auth]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, workstationServerSettings);

            // A signed-in citizen without a role.
            SignedIn citizen = signedInCitizen(server, sampleMorag(), "morag@example.org");
            auto noRole = citizen.api().get("/api/v1/review/cases");
            CHECK(noRole.status == 403);
            CHECK(noRole.problemCode() == "role_required");
            CHECK(citizen.api().post("/api/v1/review/next-case", "{}").status == 403);

            // The reviewer workstation: the built-in client allowed tessera:staff, and a reviewer's tokens.
            auto workstation = workstationClient(server);
            CodeBuilder codes(server);
            const TestAccount& staff = codes.citizen("reviewer@example.org");
            grantRole(server, staff.id, core::Role::Reviewer);

            ApiClient api(server.port());
            const std::string plainToken = accessToken(server, codes, workstation, "reviewer@example.org", false);
            auto narrow = api.request("GET", "/api/v1/review/cases", "", "", bearer(plainToken));
            CHECK(narrow.status == 403);
            CHECK(narrow.problemCode() == "insufficient_scope");

            const std::string staffToken = accessToken(server, codes, workstation, "reviewer@example.org", true);
            auto list = api.request("GET", "/api/v1/review/cases", "", "", bearer(staffToken));
            CHECK(list.status == 200);
            CHECK(list.json()->getArray("items")->size() == 0);
            CHECK(list.json()->getValue<std::int64_t>("slaSeconds") == 48 * 3600);  // the default service level
            // Unsafe methods need no CSRF token with a bearer token (there is no cookie to ride on).
            auto next = api.request("POST", "/api/v1/review/next-case", "{}", "application/json", bearer(staffToken));
            CHECK(next.status == 404);
            CHECK(next.problemCode() == "queue_empty");
            auto reasons = api.request("GET", "/api/v1/review/reasons", "", "", bearer(staffToken));
            REQUIRE(reasons.status == 200);
            CHECK(reasons.json()->getArray("items")->size() > 5);

            // Losing the role closes the door at once, token or not.
            REQUIRE(core::Roles(server.services()).revoke(staff.id, core::Role::Reviewer, core::Actor{"system", ""}).ok());
            auto revoked = api.request("GET", "/api/v1/review/cases", "", "", bearer(staffToken));
            CHECK(revoked.status == 403);
            CHECK(revoked.problemCode() == "role_required");
        }
    }
}

TEST_CASE("A media link opens only its own media, while it lasts and the reviewer holds the case", "[web][review][media]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            const TestPerson morag = sampleMorag();
            SignedIn citizen = signedInCitizen(server, morag, "morag@example.org");
            reachLoa1(citizen.api(), morag);
            const std::string caseId = submitDocumentVideoApplication(citizen.api(), morag);

            SignedIn first = signedInStaff(server, "first@example.org", core::Role::Reviewer);
            SignedIn second = signedInStaff(server, "second@example.org", core::Role::Reviewer);
            REQUIRE(first.api().post("/api/v1/review/cases/" + caseId + "/claim", "{}").status == 200);
            auto urls = mediaUrls(first.api(), caseId);
            REQUIRE(!urls["document_front"].empty());
            REQUIRE(!urls["selfie_video"].empty());
            ApiClient player(server.port());
            REQUIRE(player.get(urls["document_front"]).status == 200);

            // No token; a token for other media; an altered token.
            const std::string frontUrl = urls["document_front"];
            const std::string videoUrl = urls["selfie_video"];
            const std::string frontToken = frontUrl.substr(frontUrl.find("?token=") + 7);
            const std::string videoPath = videoUrl.substr(0, videoUrl.find('?'));
            CHECK(player.get(videoPath).status == 401);
            auto otherMedia = player.get(videoPath + "?token=" + frontToken);
            CHECK(otherMedia.status == 403);
            CHECK(otherMedia.problemCode() == "media_token_invalid");
            std::string altered = frontToken;
            altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
            auto tampered = player.get(frontUrl.substr(0, frontUrl.find('?')) + "?token=" + altered);
            CHECK(tampered.status == 403);
            CHECK(tampered.problemCode() == "media_token_invalid");

            // Expired.
            server.clock().advance(server.settings().mediaTokenSeconds + 1);
            auto expired = player.get(frontUrl);
            CHECK(expired.status == 403);
            CHECK(expired.problemCode() == "media_token_expired");

            // Another reviewer sees no links while the first holds the case.
            auto othersView = mediaUrls(second.api(), caseId);
            CHECK(othersView["document_front"].empty());

            // After release, the first reviewer's fresh link no longer opens; the second
            // reviewer, holding the case now, gets links that do.
            const std::string fresh = mediaUrls(first.api(), caseId)["document_front"];
            REQUIRE(player.get(fresh).status == 200);
            REQUIRE(first.api().post("/api/v1/review/cases/" + caseId + "/release", "{}").status == 200);
            auto released = player.get(fresh);
            CHECK(released.status == 403);
            CHECK(released.problemCode() == "claim_required");
            REQUIRE(second.api().post("/api/v1/review/cases/" + caseId + "/claim", "{}").status == 200);
            CHECK(player.get(fresh).status == 403);
            CHECK(player.get(mediaUrls(second.api(), caseId)["document_front"]).status == 200);
        }
    }
}

TEST_CASE("The queue tells the workstation the service level the operator set", "[web][review]") {
    TestServer server("sqlite", [](infra::Settings& settings) {
        workstationServerSettings(settings);
        settings.reviewSlaHours = 5 * 24;
    });
    ApiClient reviewer(server.port());
    signInStaff(server, reviewer, "reviewer@example.org", "reviewer");
    auto list = reviewer.get("/api/v1/review/cases");
    REQUIRE(list.status == 200);
    CHECK(list.json()->getValue<std::int64_t>("slaSeconds") == 5 * 24 * 3600);
}
