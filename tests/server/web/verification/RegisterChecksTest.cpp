// The register checks' refusals over HTTP (field errors, no match, the daily limit with
// Retry-After), and the administrator's override of a level.
#include <Poco/JSON/Object.h>

#include <catch2/catch.hpp>

#include "support/TestDatabase.h"
#include "support/VerificationWebBuilders.h"

using namespace tessera;
using namespace tessera::test;

TEST_CASE("Register checks answer bad input, no match and the daily limit clearly", "[web][verification][checks]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            const TestPerson morag = sampleMorag();
            SignedIn citizen = signedInCitizen(server, morag, "morag@example.org");
            ApiClient& c = citizen.api();
            const std::string identity = std::string(kVerification) + "/identity";

            auto invalid = c.post(identity, json({{"givenNames", "Morag"}, {"dateOfBirth", "1984-02-30"}, {"sex", "x"}}));
            CHECK(invalid.status == 400);
            CHECK(invalid.fieldError("familyName") == "required");
            CHECK(!invalid.fieldError("dateOfBirth").empty());
            CHECK(invalid.fieldError("sex") == "invalid_choice");
            // Before the identity match, the address cannot be checked.
            auto early = c.post(std::string(kVerification) + "/address", addressBody(morag));
            CHECK(early.status == 409);
            CHECK(early.problemCode() == "identity_match_required");

            TestPerson stranger = morag;
            stranger.familyName = "Nobody";
            stranger.givenNames = "Someone";
            for (int left : {2, 1, 0}) {
                auto miss = c.post(identity, identityBody(stranger));
                REQUIRE(miss.status == 422);
                CHECK(miss.problemCode() == "no_match");
                CHECK(miss.json()->getValue<int>("attemptsLeft") == left);
                CHECK(miss.json()->getValue<int>("loa") == 0);
            }
            auto exhausted = c.post(identity, identityBody(morag));
            CHECK(exhausted.status == 429);
            CHECK(exhausted.problemCode() == "match_attempts_exhausted");
            const int retryAfter = std::stoi(exhausted.header("Retry-After"));
            CHECK(retryAfter > 0);
            CHECK(retryAfter <= 24 * 60 * 60);
            CHECK(c.get(kVerification).json()->getObject("attemptsLeft")->getValue<int>("vital_record") == 0);

            // A day later (signed in again) the attempts are back and the real details match.
            server.clock().advance(retryAfter);
            REQUIRE(signInWithTotp(c, server.clock(), citizen.account).status == 200);
            CHECK(c.post(identity, identityBody(morag)).status == 200);
        }
    }
}

TEST_CASE("An administrator sets and clears a level by hand, with a reason", "[web][verification][override]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, useCheapPasswordHashing);
            SignedIn citizen = signedInCitizen(server, sampleMorag(), "morag@example.org");
            SignedIn admin = signedInStaff(server, "admin@example.org", core::Role::Admin);
            const std::string path = "/api/v1/admin/accounts/" + citizen.account.id + "/assurance";

            CHECK(citizen.api().post(path, json({{"level", 2}, {"reason", "mine"}})).status == 403);
            auto noReason = admin.api().post(path, json({{"level", 2}}));
            CHECK(noReason.status == 400);
            CHECK(noReason.fieldError("reason") == "required");
            CHECK(admin.api().post(path, json({{"level", 7}, {"reason", "x"}})).fieldError("level") == "invalid_choice");

            auto set = admin.api().post(path, json({{"level", 2}, {"reason", "Identity checked in person at the office."}}));
            REQUIRE(set.status == 200);
            CHECK(set.json()->getValue<int>("loa") == 2);
            CHECK(set.json()->getValue<int>("previousLoa") == 0);
            CHECK(citizen.api().get(kVerification).json()->getValue<int>("loa") == 2);

            CHECK(admin.api().del(path).status == 400);
            auto cleared = admin.api().del(path + "?reason=Entered%20by%20mistake");
            REQUIRE(cleared.status == 200);
            CHECK(cleared.json()->getValue<int>("loa") == 0);
            CHECK(citizen.api().get(kVerification).json()->getValue<int>("loa") == 0);
            CHECK(admin.api().del(path + "?reason=again").status == 404);
        }
    }
}
