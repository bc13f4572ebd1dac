#include <catch2/catch.hpp>

#include <Poco/Data/Session.h>
#include <Poco/JSON/Array.h>

#include "core/terms/TermsStore.h"
#include "infra/Random.h"
#include "support/AccountBuilders.h"

using tessera::Status;
using tessera::core::TermsDocument;
using tessera::core::TermsKind;
using namespace tessera::test;

namespace {

std::string publishPrivacyPolicyV2(TestServer& server) {
    TermsDocument d;
    d.id = tessera::infra::random::id();
    d.kind = TermsKind::PrivacyPolicy;
    d.language = "en";
    d.version = 2;
    d.title = "Privacy policy";
    d.body = "We now also keep the time of each sign-in for a year.";
    d.summaryOfChanges = "Sign-in times are kept for a year.";
    d.effectiveAt = d.createdAt = server.clock().now();
    tessera::core::TermsStore store(server.db());
    auto written =
        server.db().transaction<void>([&](Poco::Data::Session& s) -> Status { return store.insert(s, d); });
    REQUIRE(written.ok());
    return d.id;
}

}  // namespace

TEST_CASE("The terms in force are public, in the language asked for", "[web][terms]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            auto server = startServer(backend);
            ApiClient client(server->port());
            auto fr = client.get("/api/v1/terms/current?language=fr");
            REQUIRE(fr.status == 200);
            CHECK(fr.json()->getValue<std::string>("language") == "fr");
            auto documents = fr.json()->getArray("documents");
            REQUIRE(documents->size() == 3);
            const char* kinds[] = {"terms_of_service", "privacy_policy", "data_collection"};
            for (unsigned i = 0; i < 3; ++i) {
                auto d = documents->getObject(i);
                CHECK(d->getValue<std::string>("kind") == kinds[i]);
                CHECK(d->getValue<std::string>("language") == "fr");
                CHECK(d->getValue<int>("version") == 1);
                CHECK_FALSE(d->getValue<std::string>("title").empty());
                CHECK_FALSE(d->getValue<std::string>("body").empty());
                CHECK(d->getValue<std::string>("summaryOfChanges") == "Première version.");
                CHECK(d->getValue<std::string>("effectiveAt").find('T') == 10);
            }
            auto english = client.get("/api/v1/terms/current");
            CHECK(english.json()->getArray("documents")->getObject(0)->getValue<std::string>("title") ==
                  "Terms of service");
            auto gaelic = client.get("/api/v1/terms/current?language=gd");
            CHECK(gaelic.json()->getArray("documents")->getObject(2)->getValue<std::string>("language") == "gd");

            auto unsupported = client.get("/api/v1/terms/current?language=%3Cscript%3E");
            CHECK(unsupported.status == 400);
            CHECK(unsupported.fieldError("language") == "not_supported");
        }
    }
}

TEST_CASE("A new version holds a signed-in citizen at the terms until they accept it", "[web][terms]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            auto server = startServer(backend);
            auto account = makeAccount(server->services(), activeWithTotp());
            ApiClient client(server->port());
            REQUIRE(signInWithTotp(client, server->clock(), account).status == 200);
            REQUIRE(client.get("/api/v1/accounts/me").status == 200);
            const auto oldIds = fetchCurrentTermsIds(client);

            publishPrivacyPolicyV2(*server);
            auto held = client.get("/api/v1/accounts/me");
            CHECK(held.status == 403);
            CHECK(held.problemCode() == "terms_acceptance_required");

            const auto before = snapshot(server->db());
            Poco::JSON::Array old;
            for (const auto& id : oldIds) old.add(id);
            Poco::JSON::Object stale;
            stale.set("acceptTerms", old);
            auto refused = client.post("/api/v1/accounts/me/terms", toJson(stale));
            CHECK(refused.status == 400);
            CHECK(refused.fieldError("acceptTerms") == "not_current");
            auto unknown = client.post("/api/v1/accounts/me/terms", json({{"acceptTerms", old}, {"all", true}}));
            CHECK(unknown.fieldError("all") == "unknown_field");
            auto malformed = client.post("/api/v1/accounts/me/terms", "{");
            CHECK(malformed.problemCode() == "malformed_json");
            CHECK(snapshot(server->db()) == before);

            Poco::JSON::Array current;
            for (const auto& id : fetchCurrentTermsIds(client)) current.add(id);
            auto accepted = client.post("/api/v1/accounts/me/terms", json({{"acceptTerms", current}}));
            CHECK(accepted.status == 204);
            CHECK(client.get("/api/v1/accounts/me").status == 200);
            CHECK(server->services().audit.entriesFor(account.id).front().event == "terms.accepted");
        }
    }
}

TEST_CASE("Accepting terms needs a signed-in session", "[web][terms]") {
    auto server = startServer("sqlite");
    ApiClient client(server->port());
    auto r = client.post("/api/v1/accounts/me/terms", json({{"acceptTerms", Poco::JSON::Array()}}));
    CHECK(r.status == 401);
}
