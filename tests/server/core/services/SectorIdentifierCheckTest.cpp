// OpenID Connect Core §8.1: a sector identifier is accepted only when its sector file (a JSON
// array of redirect URIs) lists every redirect URI of the service — on create, and on update
// when the sector identifier or the redirect URIs change. Otherwise nothing is stored.
#include <catch2/catch.hpp>

#include "../oidc/OidcCoreFixture.h"
#include "support/FakeSectorSource.h"

using namespace tessera;
using namespace tessera::test;

namespace {

const core::Actor kAdmin{"admin-account", "192.0.2.1"};
const std::string kSector = "https://council.example/sector.json";

core::ServiceChanges inSector(core::ServiceChanges c, const std::string& sector = kSector) {
    c.sectorIdentifier = sector;
    return c;
}

// The single field error on sectorIdentifier, as "code: message".
std::string sectorProblem(const Error& e) {
    REQUIRE(e.kind == ErrorKind::Invalid);
    REQUIRE(e.fields.size() == 1);
    CHECK(e.fields[0].field == "sectorIdentifier");
    return e.fields[0].code + ": " + e.fields[0].message;
}

std::size_t serviceCount(core::ServiceRegistry& registry) { return registry.list(200, "")->items.size(); }

}  // namespace

TEST_CASE("The sector file must list every redirect URI of the service", "[services][sector]") {
    auto sectors = std::make_shared<FakeSectorSource>();
    core::Service s;
    s.redirectUris = {"https://tax.council.example/callback", "https://tax.council.example/return"};

    SECTION("no sector identifier: nothing is fetched") {
        CHECK(core::checkSectorIdentifier(sectors.get(), s));
        CHECK(sectors->fetches() == 0);
    }
    s.sectorIdentifier = kSector;
    SECTION("listed, among others") {
        sectors->serve(kSector, R"(["https://bins.council.example/cb","https://tax.council.example/callback",)"
                                R"("https://tax.council.example/return"])");
        CHECK(core::checkSectorIdentifier(sectors.get(), s));
        CHECK(sectors->fetches() == 1);
    }
    SECTION("one missing") {
        sectors->serve(kSector, R"(["https://tax.council.example/callback"])");
        auto r = core::checkSectorIdentifier(sectors.get(), s);
        REQUIRE_FALSE(r);
        const auto p = sectorProblem(r.error());
        CHECK(p.rfind("sector_missing_redirect: ", 0) == 0);
        CHECK(p.find("does not list https://tax.council.example/return") != std::string::npos);
        CHECK(p.find("/callback") == std::string::npos);
    }
    SECTION("equality is exact: no prefix, case or trailing-slash matching") {
        sectors->serve(kSector, R"(["https://tax.council.example/callback/","https://TAX.council.example/return"])");
        auto r = core::checkSectorIdentifier(sectors.get(), s);
        REQUIRE_FALSE(r);
        CHECK(sectorProblem(r.error()).find("https://tax.council.example/callback, https://tax.council.example/return") !=
              std::string::npos);
    }
    SECTION("not a JSON array of URIs") {
        for (const char* document : {"", "not json", R"({"redirect_uris":["https://tax.council.example/callback"]})",
                                     R"("https://tax.council.example/callback")", R"(["https://tax.council.example/callback",1])",
                                     "[\"https://tax.council.example/callback\""}) {
            INFO(document);
            sectors->serve(kSector, document);
            auto r = core::checkSectorIdentifier(sectors.get(), s);
            REQUIRE_FALSE(r);
            CHECK(sectorProblem(r.error()).rfind("sector_not_uri_list: ", 0) == 0);
            CHECK(r.error().fields[0].message.find("is not a JSON array of URIs") != std::string::npos);
        }
    }
    SECTION("cannot be fetched: the reason is passed on") {
        sectors->fail(kSector, "the server answered 404.");
        auto r = core::checkSectorIdentifier(sectors.get(), s);
        REQUIRE_FALSE(r);
        CHECK(sectorProblem(r.error()) ==
              "sector_unreachable: The sector identifier URI could not be fetched: the server answered 404.");
    }
    SECTION("without a source a sector identifier is refused") {
        auto r = core::checkSectorIdentifier(nullptr, s);
        REQUIRE_FALSE(r);
        CHECK(sectorProblem(r.error()).rfind("sector_unverifiable: ", 0) == 0);
    }
}

TEST_CASE("The registry checks the sector file on create and stores nothing when it fails", "[services][sector]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto sectors = std::make_shared<FakeSectorSource>();
            core::ServiceRegistry registry(oidc.ctx(), sectors);
            const auto tax = inSector(relyingParty("Council tax", "tax.council.example"));

            auto unlisted = registry.create(tax, kAdmin);
            REQUIRE_FALSE(unlisted);
            CHECK(sectorProblem(unlisted.error()).rfind("sector_unreachable: ", 0) == 0);
            sectors->serve(kSector, R"(["https://bins.council.example/callback"])");
            unlisted = registry.create(tax, kAdmin);
            REQUIRE_FALSE(unlisted);
            CHECK(sectorProblem(unlisted.error()).rfind("sector_missing_redirect: ", 0) == 0);
            CHECK(serviceCount(registry) == 0);

            // A registry without a source (demo data, benches) refuses, and says why.
            auto unchecked = core::ServiceRegistry(oidc.ctx()).create(tax, kAdmin);
            REQUIRE_FALSE(unchecked);
            CHECK(sectorProblem(unchecked.error()).rfind("sector_unverifiable: ", 0) == 0);
            CHECK(serviceCount(registry) == 0);
            // ... but services without a sector identifier need no source.
            CHECK(core::ServiceRegistry(oidc.ctx()).create(relyingParty("Parking", "parking.example"), kAdmin));

            sectors->serve(kSector, R"(["https://bins.council.example/callback","https://tax.council.example/callback"])");
            auto created = registry.create(tax, kAdmin);
            REQUIRE(created);
            CHECK(created->service.sectorIdentifier == kSector);
            CHECK(serviceCount(registry) == 2);
        }
    }
}

TEST_CASE("The registry checks the sector file on update when the sector or redirect URIs change", "[services][sector]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto sectors = std::make_shared<FakeSectorSource>();
            sectors->serve(kSector, R"(["https://tax.council.example/callback"])");
            core::ServiceRegistry registry(oidc.ctx(), sectors);
            auto tax = registry.create(inSector(relyingParty("Council tax", "tax.council.example")), kAdmin);
            REQUIRE(tax);
            const core::Service before = tax->service;
            CHECK(sectors->fetches() == 1);

            SECTION("a change elsewhere does not fetch the sector file again") {
                core::ServiceChanges rename;
                rename.name = "Council tax and benefits";
                sectors->fail(kSector, "unreachable.");
                auto renamed = registry.update(before.id, rename, before.version, kAdmin);
                REQUIRE(renamed);
                CHECK(sectors->fetches() == 1);
            }
            SECTION("adding a redirect URI the sector file does not list changes nothing") {
                core::ServiceChanges more;
                more.redirectUris = std::vector<std::string>{"https://tax.council.example/callback",
                                                             "https://evil.example/callback"};
                auto refused = registry.update(before.id, more, before.version, kAdmin);
                REQUIRE_FALSE(refused);
                CHECK(sectorProblem(refused.error()).find("does not list https://evil.example/callback") !=
                      std::string::npos);
                auto stored = registry.get(before.id);
                CHECK(stored->version == before.version);
                CHECK(stored->redirectUris == before.redirectUris);

                sectors->serve(kSector, R"(["https://tax.council.example/callback","https://evil.example/callback"])");
                CHECK(registry.update(before.id, more, before.version, kAdmin));
            }
            SECTION("moving to another sector is checked against that sector's file") {
                core::ServiceChanges move;
                move.sectorIdentifier = "https://other-council.example/sector.json";
                auto refused = registry.update(before.id, move, before.version, kAdmin);
                REQUIRE_FALSE(refused);
                CHECK(sectorProblem(refused.error()).rfind("sector_unreachable: ", 0) == 0);
                CHECK(registry.get(before.id)->sectorIdentifier == kSector);
            }
            SECTION("leaving the sector needs no sector file") {
                core::ServiceChanges leave;
                leave.sectorIdentifier = "";
                sectors->fail(kSector, "unreachable.");
                auto left = registry.update(before.id, leave, before.version, kAdmin);
                REQUIRE(left);
                CHECK(left->sectorIdentifier.empty());
            }
            SECTION("a stale version is refused before anything is fetched") {
                core::ServiceChanges move;
                move.sectorIdentifier = "https://other-council.example/sector.json";
                auto stale = registry.update(before.id, move, before.version + 1, kAdmin);
                REQUIRE_FALSE(stale);
                CHECK(stale.error().code == "version_mismatch");
                CHECK(sectors->fetches() == 1);
            }
        }
    }
}
