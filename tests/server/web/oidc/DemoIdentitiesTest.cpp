// TESSERA_DEMO=1 people from the sample registers: Hamish at LoA 0, Catriona verified to LoA 2
// through the register checks (so the demo service can show verified_claims), Eilidh and Seán
// with applications waiting for a reviewer, and the reviewers. Seeding again changes nothing.
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "core/assurance/AssuranceService.h"
#include "core/oidc/VerifiedIdentity.h"
#include "core/services/Roles.h"
#include "core/verification/ApplicationService.h"
#include "core/verification/VerificationParts.h"
#include "OidcWebFixture.h"
#include "support/AccountBuilders.h"
#include "web/DemoData.h"

using namespace tessera;
using namespace tessera::test;

namespace {

core::Account accountOf(TestServer& server, const std::string& email) {
    auto a = server.services().accounts.findByEmail(email);
    REQUIRE(a);
    return *a;
}

std::set<core::EvidenceKind> evidenceOf(TestServer& server, const std::string& accountId) {
    std::set<core::EvidenceKind> kinds;
    core::AssuranceService assurance(server.services(), server.services().verification->policy);
    for (const auto& e : assurance.activeEvidence(accountId)) kinds.insert(e.kind);
    return kinds;
}

core::ApplicationStatus applicationOf(TestServer& server, const std::string& accountId) {
    auto& parts = *server.services().verification;
    auto status = core::ApplicationService(server.services(), *parts.registers, *parts.blobs, parts.policy).status(accountId);
    REQUIRE(status);
    return *status;
}

Poco::JSON::Object::Ptr credentialsOf(TestServer& server, const std::string& email) {
    std::ifstream in(server.settings().dataDir + "/demo-credentials.json");
    REQUIRE(in);
    auto accounts = Poco::JSON::Parser().parse(in).extract<Poco::JSON::Object::Ptr>()->getArray("accounts");
    for (std::size_t i = 0; i < accounts->size(); ++i)
        if (accounts->getObject(unsigned(i))->getValue<std::string>("email") == email) return accounts->getObject(unsigned(i));
    FAIL("no demo account " << email);
    return nullptr;
}

}  // namespace

TEST_CASE("Demo people of the sample registers, verified through the core services", "[web][demo][ida]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            auto seeded = web::seedDemoData(server.services());
            REQUIRE(seeded);
            CHECK(seeded->find("note:") == std::string::npos);
            CHECK(seeded->find("hamish@demo.tessera.localhost") != std::string::npos);
            CHECK(seeded->find("reviewer: reviewer@demo.tessera.localhost") != std::string::npos);

            const auto hamish = accountOf(server, "hamish@demo.tessera.localhost");
            CHECK(hamish.name == "Hamish Iain Stewart");
            CHECK(hamish.dateOfBirth == "1972-08-30");
            CHECK(hamish.address.postcode == "PH1 5LQ");
            CHECK(hamish.loa == 0);
            CHECK(evidenceOf(server, hamish.id).empty());
            CHECK(credentialsOf(server, hamish.email)->getValue<std::string>("password") == "demo hamish passphrase");

            const auto catriona = accountOf(server, "catriona@demo.tessera.localhost");
            CHECK(catriona.loa == 2);
            CHECK(evidenceOf(server, catriona.id) == std::set<core::EvidenceKind>{core::EvidenceKind::VitalRecord,
                                                                                  core::EvidenceKind::Address,
                                                                                  core::EvidenceKind::KnownFact});
            auto verified = core::oidc::VerifiedIdentities(server.services()).of(catriona);
            REQUIRE(verified);
            CHECK(verified->claims->getValue<std::string>("given_name") == "Catriona Anne");
            CHECK(verified->claims->getValue<std::string>("family_name") == "Drummond");
            CHECK(verified->claims->has("address"));

            for (const auto& [email, documentType] : {std::pair{"eilidh@demo.tessera.localhost", "driving_licence"},
                                                      std::pair{"sean@demo.tessera.localhost", "passport"}}) {
                INFO(email);
                const auto citizen = accountOf(server, email);
                CHECK(citizen.loa == 1);
                const auto status = applicationOf(server, citizen.id);
                CHECK(status.application.state == ApplicationState::Submitted);
                CHECK(status.application.bundle == core::EvidenceBundle::DocumentPhoto);
                REQUIRE(status.document);
                CHECK(status.document->documentType == documentType);
                CHECK(status.document->registerResult.find(R"("status":"valid")") != std::string::npos);
                REQUIRE(status.media.size() == 2);
                for (const auto& m : status.media) {
                    CHECK(m.contentType == "image/jpeg");
                    CHECK(m.width == 800);
                    // Encrypted in the blob store like a citizen's upload, and readable back.
                    CHECK(server.services().verification->blobs->read(m.blobId, m.id));
                }
            }

            core::Roles roles(server.services());
            CHECK(roles.has(accountOf(server, "reviewer@demo.tessera.localhost").id, core::Role::Reviewer));
            CHECK(roles.has(accountOf(server, "senior-reviewer@demo.tessera.localhost").id, core::Role::SeniorReviewer));
            CHECK(credentialsOf(server, "senior-reviewer@demo.tessera.localhost")->getValue<std::string>("role") ==
                  "senior_reviewer");

            // A restart: nothing new, nothing changed.
            const auto evidence = countRows(server.db(), "identity_evidence");
            const auto media = countRows(server.db(), "verification_media");
            auto again = web::seedDemoData(server.services());
            REQUIRE(again);
            CHECK(again->find("note:") == std::string::npos);
            CHECK(countRows(server.db(), "verification_applications") == 2);
            CHECK(countRows(server.db(), "identity_evidence") == evidence);
            CHECK(countRows(server.db(), "verification_media") == media);
            CHECK(countRows(server.db(), "accounts") == 9);
        }
    }
}
