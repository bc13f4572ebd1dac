// Registering a sector identifier over the admin API (OpenID Connect Core §8.1): Tessera
// fetches the sector file (here from a real HTTP server on 127.0.0.1) and accepts the service
// only when the file lists all its redirect URIs; otherwise a field error on sectorIdentifier and
// nothing is stored or changed.
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <catch2/catch.hpp>

#include "OidcWebFixture.h"
#include "core/oidc/SubjectIdentifiers.h"

using namespace tessera;
using namespace tessera::test;

namespace {

const std::string kServices = "/api/v1/admin/services";
const std::string kSectorFile =
    R"(["https://tax.council.example/callback","https://bins.council.example/callback"])";

std::string serviceJson(const std::string& name, const std::string& host, const std::string& sector) {
    return R"({"name":")" + name + R"(","redirectUris":["https://)" + host + R"(/callback"],"sectorIdentifier":")" +
           sector + R"("})";
}

ApiResponse patchWith(ApiClient& client, const std::string& path, const std::string& body, const std::string& etag) {
    return client.request("PATCH", path, body, "application/json", {{"If-Match", etag}});
}

// A loopback URL nobody listens on.
std::string unreachableUrl() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    const auto port = socket.address().port();
    socket.close();
    return "http://127.0.0.1:" + std::to_string(port) + "/sector.json";
}

std::size_t serviceCount(TestServer& server) {
    return core::ServiceRegistry(server.services()).list(200, "")->items.size();
}

}  // namespace

TEST_CASE("A service whose sector file lists its redirect URIs shares pairwise subjects with its sector",
          "[web][admin][services][sector]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient admin(server.port());
            signInStaff(server, admin, "admin@example.org", "admin");
            DocumentServer sector(kSectorFile);
            const std::string sectorUri = sector.url("/sector.json");

            auto tax = admin.post(kServices, serviceJson("Council tax", "tax.council.example", sectorUri));
            INFO(tax.body);
            REQUIRE(tax.status == 201);
            CHECK(tax.json()->getValue<std::string>("sectorIdentifier") == sectorUri);
            auto bins = admin.post(kServices, serviceJson("Bins", "bins.council.example", sectorUri));
            REQUIRE(bins.status == 201);
            CHECK(sector.requests() == 2);
            auto parking = createRelyingParty(server, "Parking permits", "parking.example");

            core::ServiceRegistry registry(server.services());
            const auto taxService = *registry.get(tax.json()->getValue<std::string>("id"));
            const auto binsService = *registry.get(bins.json()->getValue<std::string>("id"));
            const auto parkingService = *registry.get(parking.id);
            CodeBuilder codes(server);
            const auto& ada = codes.citizen();
            auto& subjects = codes.provider().subjects();
            const auto atTax = *subjects.subjectFor(ada.id, taxService);
            CHECK(*subjects.subjectFor(ada.id, binsService) == atTax);
            CHECK(*subjects.subjectFor(ada.id, parkingService) != atTax);
        }
    }
}

TEST_CASE("A sector file that does not vouch for the service is refused (validation_failed) and nothing is stored",
          "[web][admin][services][sector]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient admin(server.port());
            signInStaff(server, admin, "admin@example.org", "admin");
            DocumentServer sector(kSectorFile);
            const std::string sectorUri = sector.url("/sector.json");
            const auto refused = [&](const std::string& body, const std::string& code, const std::string& says) {
                auto r = admin.post(kServices, body);
                INFO(r.body);
                CHECK(r.status == 400);  // validation_failed, as for every field error
                CHECK(r.fieldError("sectorIdentifier") == code);
                CHECK(r.body.find(says) != std::string::npos);
                CHECK(serviceCount(server) == 0);
            };

            refused(serviceJson("Evil", "evil.example", sectorUri), "sector_missing_redirect",
                    "does not list https://evil.example/callback");
            sector.setBody(R"({"redirect_uris":["https://tax.council.example/callback"]})");
            refused(serviceJson("Council tax", "tax.council.example", sectorUri), "sector_not_uri_list",
                    "is not a JSON array of URIs");
            sector.setBody("<html>not json</html>");
            refused(serviceJson("Council tax", "tax.council.example", sectorUri), "sector_not_uri_list",
                    "is not a JSON array of URIs");
            std::string huge = "[";
            while (huge.size() <= 64 * 1024) huge += R"("https://tax.council.example/callback",)";
            sector.setBody(huge + R"("https://tax.council.example/callback"])");
            refused(serviceJson("Council tax", "tax.council.example", sectorUri), "sector_unreachable",
                    "could not be fetched: the document is larger than 65536 bytes");
            sector.setBody(kSectorFile);
            sector.setStatus(404);
            refused(serviceJson("Council tax", "tax.council.example", sectorUri), "sector_unreachable",
                    "could not be fetched: the server answered 404");
            sector.setStatus(302);  // redirects are not followed
            refused(serviceJson("Council tax", "tax.council.example", sectorUri), "sector_unreachable",
                    "could not be fetched: the server answered 302");
            refused(serviceJson("Council tax", "tax.council.example", unreachableUrl()), "sector_unreachable",
                    "could not be fetched: ");
        }
    }
}

TEST_CASE("Adding a redirect URI the sector file does not list changes nothing", "[web][admin][services][sector]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient admin(server.port());
            signInStaff(server, admin, "admin@example.org", "admin");
            DocumentServer sector(kSectorFile);
            auto tax = admin.post(kServices, serviceJson("Council tax", "tax.council.example", sector.url("/sector.json")));
            REQUIRE(tax.status == 201);
            const std::string one = kServices + "/" + tax.json()->getValue<std::string>("id");
            const std::string etag = tax.header("ETag");

            auto r = patchWith(admin, one,
                               R"({"redirectUris":["https://tax.council.example/callback","https://evil.example/callback"]})",
                               etag);
            INFO(r.body);
            CHECK(r.status == 400);  // validation_failed, as for every field error
            CHECK(r.fieldError("sectorIdentifier") == "sector_missing_redirect");
            auto after = admin.get(one);
            CHECK(after.header("ETag") == etag);
            CHECK(after.json()->getArray("redirectUris")->size() == 1);

            // A stale ETag is still 412, before the sector file is fetched again.
            const int fetched = sector.requests();
            auto stale = patchWith(admin, one, R"({"sectorIdentifier":"https://other.example/sector.json"})", "\"7\"");
            CHECK(stale.status == 412);
            CHECK(sector.requests() == fetched);

            // Renaming does not depend on the sector file.
            sector.setStatus(500);
            CHECK(patchWith(admin, one, R"({"name":"Council tax and benefits"})", etag).status == 200);
        }
    }
}
