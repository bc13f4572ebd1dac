// Pairwise subject identifiers (OpenID Connect Core §8): one random sub per citizen and
// sector, so services in different sectors cannot correlate a citizen; public subjects are
// the account id.
#include <catch2/catch.hpp>

#include <thread>

#include "OidcCoreFixture.h"

using namespace tessera;
using namespace tessera::test;

namespace {

core::ServiceChanges inSector(core::ServiceChanges c, const std::string& sector) {
    c.sectorIdentifier = sector;
    return c;
}

}  // namespace

TEST_CASE("Pairwise subjects differ between sectors and agree within one", "[oidc][subjects]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto& subjects = oidc.provider().subjects();
            auto ada = makeAccount(oidc.ctx(), activeWithTotp("ada@example.org"));
            auto grace = makeAccount(oidc.ctx(), activeWithTotp("grace@example.org"));
            auto parking = createService(oidc.ctx(), relyingParty("Parking", "parking.example")).service;
            auto library = createService(oidc.ctx(), relyingParty("Library", "library.example")).service;
            auto council1 = createService(oidc.ctx(), inSector(relyingParty("Council tax", "tax.council.example"),
                                                               "https://council.example/sector.json"))
                                .service;
            auto council2 = createService(oidc.ctx(), inSector(relyingParty("Bins", "bins.council.example"),
                                                               "https://council.example/sector.json"))
                                .service;
            auto samehost = createService(oidc.ctx(), relyingParty("Parking fines", "parking.example")).service;

            const auto atParking = *subjects.subjectFor(ada.id, parking);
            const auto atLibrary = *subjects.subjectFor(ada.id, library);
            CHECK(atParking != atLibrary);
            CHECK(atParking != ada.id);
            CHECK(atParking.size() >= 32);
            CHECK(*subjects.subjectFor(ada.id, parking) == atParking);  // stable
            CHECK(*subjects.subjectFor(ada.id, samehost) == atParking);  // same host, same sector
            CHECK(*subjects.subjectFor(ada.id, council1) == *subjects.subjectFor(ada.id, council2));
            CHECK(*subjects.subjectFor(ada.id, council1) != atParking);
            CHECK(*subjects.subjectFor(grace.id, parking) != atParking);
            CHECK(core::oidc::SubjectIdentifiers::sectorOf(council1) == "council.example");
            CHECK(core::oidc::SubjectIdentifiers::sectorOf(parking) == "parking.example");

            CHECK(*subjects.accountFor(atParking, parking) == ada.id);
            CHECK(*subjects.accountFor(atParking, samehost) == ada.id);
            auto unknown = subjects.accountFor(atParking, library);
            REQUIRE_FALSE(unknown);
            CHECK(unknown.error().kind == ErrorKind::NotFound);
        }
    }
}

TEST_CASE("Public subjects are the account id", "[oidc][subjects]") {
    OidcCore oidc("sqlite");
    auto ada = makeAccount(oidc.ctx(), activeWithTotp());
    auto changes = relyingParty();
    changes.subjectType = "public";
    auto service = createService(oidc.ctx(), changes).service;
    CHECK(*oidc.provider().subjects().subjectFor(ada.id, service) == ada.id);
    CHECK(*oidc.provider().subjects().accountFor(ada.id, service) == ada.id);
    CHECK_FALSE(oidc.provider().subjects().accountFor("nobody", service));
    CHECK(rowCount(oidc.db(), "subject_identifiers") == 0);
}

TEST_CASE("Concurrent first uses agree on one pairwise subject", "[oidc][subjects]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto ada = makeAccount(oidc.ctx(), activeWithTotp());
            auto service = createService(oidc.ctx(), relyingParty()).service;
            std::string a, b;
            std::thread t1([&]() { a = oidc.provider().subjects().subjectFor(ada.id, service).value(); });
            std::thread t2([&]() { b = oidc.provider().subjects().subjectFor(ada.id, service).value(); });
            t1.join();
            t2.join();
            CHECK(a == b);
            CHECK(rowCount(oidc.db(), "subject_identifiers") == 1);
        }
    }
}
