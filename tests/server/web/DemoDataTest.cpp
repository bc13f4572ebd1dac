// TESSERA_DEMO=1 registers the "Demo council" service for the demo service program
// (examples/demo-service) at demo.service_url: its callback, where it wants the browser after
// logout, and where it takes back-channel logout tokens. A restart follows a changed URL and
// keeps the client's secret.
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "core/services/ServiceRegistry.h"
#include "support/AuthBuilders.h"
#include "support/TestDatabase.h"
#include "support/TestServer.h"
#include "web/DemoData.h"

using namespace tessera;
using namespace tessera::test;

namespace {

Poco::JSON::Object::Ptr demoServiceEntry(TestServer& server) {
    std::ifstream in(server.settings().dataDir + "/demo-credentials.json");
    REQUIRE(in);
    Poco::JSON::Parser parser;
    auto root = parser.parse(in).extract<Poco::JSON::Object::Ptr>();
    return root->getArray("services")->getObject(0);
}

core::Service demoCouncil(TestServer& server) {
    auto list = core::ServiceRegistry(server.services()).list(10, "");
    REQUIRE(list);
    REQUIRE(list->items.size() == 1);
    return list->items.front();
}

}  // namespace

TEST_CASE("Demo data registers the demo council service at demo.service_url", "[web][demo]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, [](infra::Settings& s) {
                useCheapPasswordHashing(s);
                s.demoServiceUrl = "http://localhost:9555";
            });
            REQUIRE(web::seedDemoData(server.services()));
            auto council = demoCouncil(server);
            // The service's own URL (not 127.0.0.1, where any port would do).
            CHECK(council.redirectUris == std::vector<std::string>{"http://localhost:9555/callback"});
            CHECK(std::find(council.postLogoutRedirectUris.begin(), council.postLogoutRedirectUris.end(),
                            "http://localhost:9555/signed-out") != council.postLogoutRedirectUris.end());
            CHECK(council.backchannelLogoutUri == "http://localhost:9555/backchannel-logout");
            CHECK(council.allowedScopes ==
                  std::vector<std::string>{"openid", "profile", "email", "address", "offline_access"});
            for (const char* lang : {"en", "fr", "gd"}) CHECK(council.consentText.count(lang) == 1);
            auto entry = demoServiceEntry(server);
            CHECK(entry->getValue<std::string>("serviceUrl") == "http://localhost:9555");
            const std::string secret = entry->getValue<std::string>("clientSecret");

            // A registration changed since (an older version, or another URL): the next start puts
            // it right, with the same client and secret.
            core::ServiceChanges stale;
            stale.backchannelLogoutUri = "http://127.0.0.1:1/old";
            REQUIRE(core::ServiceRegistry(server.services()).update(council.id, stale, council.version, {"system", ""}));
            REQUIRE(web::seedDemoData(server.services()));
            auto again = demoCouncil(server);
            CHECK(again.clientId == council.clientId);
            CHECK(again.backchannelLogoutUri == "http://localhost:9555/backchannel-logout");
            CHECK(demoServiceEntry(server)->getValue<std::string>("clientSecret") == secret);
        }
    }
}

TEST_CASE("By default the demo council service is expected at 127.0.0.1:8081", "[web][demo]") {
    TestServer server("sqlite", useCheapPasswordHashing);
    REQUIRE(web::seedDemoData(server.services()));
    auto council = demoCouncil(server);
    CHECK(council.redirectUris == std::vector<std::string>{"http://127.0.0.1/callback"});  // any port covers 8081
    CHECK(council.backchannelLogoutUri == "http://127.0.0.1:8081/backchannel-logout");
}
