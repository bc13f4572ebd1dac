// The done-means journey of issue 5, over HTTP on a real server: a citizen climbs from LoA 0
// to LoA 2 through the sample registers, applies with a passport, photos and a selfie video,
// and a reviewer on another account takes the case from the queue, looks at the media and
// approves it (once, however often the workstation retries): the citizen is at LoA 3.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <catch2/catch.hpp>

#include "support/MediaSamples.h"
#include "support/TestDatabase.h"
#include "support/VerificationWebBuilders.h"

using namespace tessera;
using namespace tessera::test;
using Obj = Poco::JSON::Object::Ptr;
using Arr = Poco::JSON::Array::Ptr;

namespace {

int loaOf(ApiClient& citizen) {
    auto r = citizen.get(kVerification);
    REQUIRE(r.status == 200);
    return r.json()->getValue<int>("loa");
}

std::string pathOf(const std::string& url) { return url.substr(0, url.find('?')) ; }

}  // namespace

TEST_CASE("A citizen goes from LoA 0 to LoA 3 and a reviewer approves the evidence", "[web][verification][journey]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            const TestPerson morag = sampleMorag();
            SignedIn citizen = signedInCitizen(server, morag, "morag@example.org");
            ApiClient& c = citizen.api();

            // LoA 0: nothing held, every way up listed, every check available.
            auto start = c.get(kVerification);
            REQUIRE(start.status == 200);
            CHECK(start.json()->getValue<int>("loa") == 0);
            CHECK(start.json()->getArray("evidence")->size() == 0);
            CHECK(start.json()->getArray("nextSteps")->size() == 3);
            CHECK(start.json()->getObject("attemptsLeft")->getValue<int>("vital_record") == 3);
            CHECK(start.json()->isNull("application"));

            // The vital-records register, then the address register: LoA 1.
            auto identity = c.post(std::string(kVerification) + "/identity", identityBody(morag));
            REQUIRE(identity.status == 200);
            CHECK(identity.json()->getValue<std::string>("outcome") == "matched");
            CHECK(identity.json()->getValue<int>("loa") == 0);
            CHECK(identity.json()->getValue<int>("attemptsLeft") == 2);
            auto address = c.post(std::string(kVerification) + "/address", addressBody(morag));
            REQUIRE(address.status == 200);
            CHECK(address.json()->getValue<std::string>("outcome") == "matched");
            CHECK(address.json()->getValue<int>("loa") == 1);

            // A known fact: LoA 2.
            auto fact = c.post(std::string(kVerification) + "/known-fact",
                               json({{"factType", "council_tax_reference"}, {"reference", kSampleMoragCouncilTax}}));
            REQUIRE(fact.status == 200);
            CHECK(fact.json()->getValue<int>("loa") == 2);
            auto atTwo = c.get(kVerification);
            CHECK(atTwo.json()->getValue<int>("loa") == 2);
            CHECK(atTwo.json()->getArray("evidence")->size() == 3);
            CHECK(atTwo.json()->getArray("nextSteps")->size() == 1);

            // The application: passport, both photos, the selfie video; what is missing shrinks.
            const std::string base = std::string(kVerification) + "/application";
            auto started = c.post(base, json({{"evidence", "document_video"}}));
            REQUIRE(started.status == 201);
            CHECK(started.json()->getValue<std::string>("state") == "draft");
            CHECK(started.json()->getArray("missing")->size() == 4);
            auto document = c.request("PUT", base + "/document", passportBody(morag), "application/json");
            REQUIRE(document.status == 200);
            CHECK(document.json()->getObject("document")->getValue<std::string>("documentNumber") == morag.passportNumber);
            REQUIRE(putMedia(c, "document_front", media::jpegPhoto(800, 600), "image/jpeg").status == 200);
            REQUIRE(putMedia(c, "document_back", media::pngPhoto(800, 600), "image/png").status == 200);
            // A retried upload replaces the slot rather than adding to it.
            REQUIRE(putMedia(c, "document_back", media::pngPhoto(800, 600), "image/png").status == 200);
            auto video = putMedia(c, "selfie_video", media::webmVideo(), "video/webm");
            REQUIRE(video.status == 200);
            CHECK(video.json()->getValue<std::string>("contentType") == "video/webm");
            auto ready = c.get(base);
            REQUIRE(ready.status == 200);
            CHECK(ready.json()->getArray("media")->size() == 3);
            CHECK(ready.json()->getArray("missing")->size() == 0);
            auto submitted = c.post(base + "/submit", "{}");
            REQUIRE(submitted.status == 200);
            CHECK(submitted.json()->getValue<std::string>("state") == "submitted");
            const std::string caseId = submitted.json()->getValue<std::string>("id");

            // A reviewer (another account) finds the case in the queue and claims it.
            SignedIn reviewer = signedInStaff(server, "reviewer@example.org", core::Role::Reviewer);
            ApiClient& rv = reviewer.api();
            auto queue = rv.get("/api/v1/review/cases");
            REQUIRE(queue.status == 200);
            Arr items = queue.json()->getArray("items");
            REQUIRE(items->size() == 1);
            CHECK(items->getObject(0)->getValue<std::string>("id") == caseId);
            CHECK(items->getObject(0)->getValue<std::string>("state") == "submitted");
            CHECK(queue.json()->isNull("next"));
            auto counts = rv.get("/api/v1/review/counts");
            REQUIRE(counts.status == 200);
            CHECK(counts.json()->getObject("counts")->getValue<int>("submitted") == 1);

            auto claimed = rv.post("/api/v1/review/cases/" + caseId + "/claim", "{}");
            REQUIRE(claimed.status == 200);
            CHECK(claimed.json()->getValue<std::string>("state") == "in_review");
            CHECK(claimed.json()->getValue<bool>("full"));

            // The detail: the person's claims, the document checks and a link per media item.
            auto detail = rv.get("/api/v1/review/cases/" + caseId);
            REQUIRE(detail.status == 200);
            Obj d = detail.json();
            CHECK(d->getObject("document")->getValue<std::string>("familyName") == "Campbell");
            CHECK(d->getObject("documentChecks")->getValue<std::string>("registerStatus") == "valid");
            CHECK(d->getArray("registerResults")->size() == 3);
            Arr media = d->getArray("media");
            REQUIRE(media->size() == 3);
            std::string videoUrl;
            std::int64_t videoSize = 0;
            for (std::size_t i = 0; i < media->size(); ++i) {
                Obj m = media->getObject(static_cast<unsigned>(i));
                const std::string url = m->getValue<std::string>("url");
                CHECK(pathOf(url) == "/api/v1/review/cases/" + caseId + "/media/" + m->getValue<std::string>("id"));
                if (m->getValue<std::string>("slot") == "selfie_video") {
                    videoUrl = url;
                    videoSize = m->getValue<std::int64_t>("byteSize");
                    continue;
                }
                // Photos: the whole (re-encoded) image, never cached. The media player sends
                // no cookie: the token alone opens it.
                ApiClient player(server.port());
                auto photo = player.get(url);
                REQUIRE(photo.status == 200);
                CHECK(photo.header("Content-Type") == m->getValue<std::string>("contentType"));
                CHECK(photo.header("Cache-Control") == "no-store");
                CHECK(photo.header("Accept-Ranges") == "bytes");
                CHECK(std::int64_t(photo.body.size()) == m->getValue<std::int64_t>("byteSize"));
            }

            // A range of the video, as a player seeking.
            REQUIRE(!videoUrl.empty());
            ApiClient player(server.port());
            auto part = player.request("GET", videoUrl, "", "", {{"Range", "bytes=10-109"}});
            REQUIRE(part.status == 206);
            CHECK(part.body.size() == 100);
            CHECK(part.header("Content-Range") == "bytes 10-109/" + std::to_string(videoSize));
            CHECK(part.header("Content-Type") == "video/webm");
            auto beyond = player.request("GET", videoUrl, "", "", {{"Range", "bytes=" + std::to_string(videoSize) + "-"}});
            CHECK(beyond.status == 416);
            CHECK(beyond.header("Content-Range") == "bytes */" + std::to_string(videoSize));

            // Approval under an Idempotency-Key; the retry replays the answer and changes nothing.
            const std::string decisionPath = "/api/v1/review/cases/" + caseId + "/decision";
            const std::string approve = json({{"decision", "approve"}});
            auto noKey = rv.post(decisionPath, approve);
            CHECK(noKey.status == 400);
            CHECK(noKey.problemCode() == "idempotency_key_required");
            auto approved = rv.request("POST", decisionPath, approve, "application/json", {{"Idempotency-Key", "k-approve-1"}});
            REQUIRE(approved.status == 200);
            CHECK(approved.json()->getValue<std::string>("state") == "approved");
            CHECK(approved.json()->getValue<int>("loa") == 3);
            CHECK(approved.json()->getValue<int>("previousLoa") == 2);
            CHECK(approved.header("Idempotent-Replayed").empty());
            const auto auditBefore = server.services().audit.entriesFor(citizen.account.id, 1000).size();
            auto replay = rv.request("POST", decisionPath, approve, "application/json", {{"Idempotency-Key", "k-approve-1"}});
            CHECK(replay.status == 200);
            CHECK(replay.body == approved.body);
            CHECK(replay.header("Idempotent-Replayed") == "true");
            CHECK(server.services().audit.entriesFor(citizen.account.id, 1000).size() == auditBefore);
            auto otherBody = rv.request("POST", decisionPath, json({{"decision", "reject"}}), "application/json",
                                        {{"Idempotency-Key", "k-approve-1"}});
            CHECK(otherBody.status == 409);

            // The citizen sees LoA 3 and the approved application.
            auto done = c.get(kVerification);
            REQUIRE(done.status == 200);
            CHECK(done.json()->getValue<int>("loa") == 3);
            CHECK(done.json()->getObject("application")->getValue<std::string>("state") == "approved");
            CHECK(loaOf(c) == 3);
        }
    }
}
