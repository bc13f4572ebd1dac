// TESSERA_DEMO=1 seeds an administrator and the "Demo council" service, and writes their
// credentials to demo-credentials.json beside the demo citizens.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "OidcWebFixture.h"
#include "core/services/Roles.h"
#include "web/DemoData.h"

using namespace tessera;
using namespace tessera::test;

namespace {

Poco::JSON::Object::Ptr credentials(TestServer& server) {
    std::ifstream in(server.settings().dataDir + "/demo-credentials.json");
    REQUIRE(in);
    Poco::JSON::Parser parser;
    return parser.parse(in).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace

TEST_CASE("Demo data: an administrator and a confidential demo service whose secret works", "[web][oidc][demo]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            auto seeded = web::seedDemoData(server.services());
            REQUIRE(seeded);
            auto first = credentials(server);

            auto accounts = first->getArray("accounts");
            Poco::JSON::Object::Ptr admin;
            for (std::size_t i = 0; i < accounts->size(); ++i)
                if (accounts->getObject(unsigned(i))->getValue<std::string>("role") == "admin")
                    admin = accounts->getObject(unsigned(i));
            REQUIRE(admin);
            auto adminAccount = server.services().accounts.findByEmail(admin->getValue<std::string>("email"));
            REQUIRE(adminAccount);
            CHECK(core::Roles(server.services()).has(adminAccount->id, core::Role::Admin));

            auto services = first->getArray("services");
            REQUIRE(services->size() == 1);
            auto demo = services->getObject(0);
            CHECK(demo->getValue<std::string>("name") == "Demo council");
            CHECK(demo->getArray("redirectUris")->getElement<std::string>(0) == "http://127.0.0.1/callback");
            ServiceCredentials council{"", demo->getValue<std::string>("clientId"), demo->getValue<std::string>("clientSecret")};
            ApiClient client(server.port());
            clientCredentialsToken(client, council);
            CHECK(seeded->find(council.clientId) != std::string::npos);

            // Seeding again (a restart) keeps the service and the secret the file already has.
            REQUIRE(web::seedDemoData(server.services()));
            auto again = credentials(server)->getArray("services")->getObject(0);
            CHECK(again->getValue<std::string>("clientId") == council.clientId);
            CHECK(again->getValue<std::string>("clientSecret") == council.clientSecret);
            CHECK(core::ServiceRegistry(server.services()).list(10, "")->items.size() == 1);

            // Without the file the secret cannot be recovered: the same service gets a new one.
            std::filesystem::remove(server.settings().dataDir + "/demo-credentials.json");
            REQUIRE(web::seedDemoData(server.services()));
            auto fresh = credentials(server)->getArray("services")->getObject(0);
            CHECK(fresh->getValue<std::string>("clientId") == council.clientId);
            CHECK(fresh->getValue<std::string>("clientSecret") != council.clientSecret);
            CHECK(core::ServiceRegistry(server.services()).list(10, "")->items.size() == 1);
            council.clientSecret = fresh->getValue<std::string>("clientSecret");
            clientCredentialsToken(client, council);
        }
    }
}
