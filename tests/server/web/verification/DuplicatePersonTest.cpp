// Two accounts claiming one register person: the second is stopped with 409 possible_duplicate,
// and a flagged duplicate_person case waits for a senior reviewer; a plain reviewer can neither
// take nor decide it.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <catch2/catch.hpp>

#include "support/TestDatabase.h"
#include "support/VerificationWebBuilders.h"

using namespace tessera;
using namespace tessera::test;

TEST_CASE("A second account matching a linked person is flagged for a senior reviewer", "[web][verification][duplicate]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            const TestPerson morag = sampleMorag();
            SignedIn first = signedInCitizen(server, morag, "morag@example.org");
            reachLoa1(first.api(), morag);

            SignedIn second = signedInCitizen(server, morag, "morag.again@example.org");
            auto refused = second.api().post(std::string(kVerification) + "/identity", identityBody(morag));
            REQUIRE(refused.status == 409);
            CHECK(refused.problemCode() == "possible_duplicate");
            auto seen = second.api().get(kVerification);
            REQUIRE(seen.status == 200);
            CHECK(seen.json()->getValue<int>("loa") == 0);
            CHECK(seen.json()->getObject("application")->getValue<std::string>("evidence") == "duplicate_person");
            CHECK(seen.json()->getObject("application")->getValue<std::string>("state") == "flagged");

            // The queue shows it flagged, with the reason.
            SignedIn plain = signedInStaff(server, "reviewer@example.org", core::Role::Reviewer);
            auto queue = plain.api().get("/api/v1/review/cases?state=flagged&evidence=duplicate_person");
            REQUIRE(queue.status == 200);
            auto items = queue.json()->getArray("items");
            REQUIRE(items->size() == 1);
            auto item = items->getObject(0);
            CHECK(item->getValue<std::string>("flagReason") == "duplicate_person");
            CHECK(item->getValue<std::string>("flaggedBy") == "system");
            const std::string caseId = item->getValue<std::string>("id");

            // A plain reviewer may not take it, and so cannot decide it.
            auto claim = plain.api().post("/api/v1/review/cases/" + caseId + "/claim", "{}");
            CHECK(claim.status == 403);
            CHECK(claim.problemCode() == "senior_reviewer_required");
            auto decide = plain.api().request("POST", "/api/v1/review/cases/" + caseId + "/decision",
                                              json({{"decision", "approve"}}), "application/json",
                                              {{"Idempotency-Key", "plain-1"}});
            CHECK(decide.status == 403);
            CHECK(decide.problemCode() == "senior_reviewer_required");

            // A senior reviewer (the flagger was the system) takes and decides it.
            SignedIn senior = signedInStaff(server, "senior@example.org", core::Role::SeniorReviewer);
            auto taken = senior.api().post("/api/v1/review/cases/" + caseId + "/claim", "{}");
            REQUIRE(taken.status == 200);
            CHECK(taken.json()->getValue<std::string>("state") == "flagged");
            auto decided = senior.api().request(
                "POST", "/api/v1/review/cases/" + caseId + "/decision",
                json({{"decision", "reject"}, {"reason", "duplicate_person"},
                      {"message", "These details already belong to another account. Contact us if that is wrong."}}),
                "application/json", {{"Idempotency-Key", "senior-1"}});
            REQUIRE(decided.status == 200);
            CHECK(decided.json()->getValue<std::string>("state") == "rejected");
            auto after = second.api().get(kVerification);
            CHECK(after.json()->getObject("application")->getValue<std::string>("state") == "rejected");
            CHECK(after.json()->getObject("application")->getValue<std::string>("reason") == "duplicate_person");
        }
    }
}
