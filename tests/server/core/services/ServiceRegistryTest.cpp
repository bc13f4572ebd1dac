// The service registry: create (secret shown once, stored as SHA-256), read, list, update with
// an expected version, disable, rotate the secret; every change audited, never with the secret.
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <catch2/catch.hpp>

#include <set>

#include "../oidc/OidcCoreFixture.h"
#include "core/services/ClientSecret.h"
#include "infra/Digest.h"
#include "infra/Encoding.h"

using namespace tessera;
using namespace tessera::test;
using namespace Poco::Data::Keywords;
using core::oidc::ClientAuthMethod;

namespace {

const core::Actor kAdmin{"admin-account", "192.0.2.1"};

// Every text value stored in the tables the registry writes, for "the secret is nowhere".
std::string everythingStored(store::Database& db) {
    std::string all;
    Poco::Data::Session s = db.session();
    for (const char* table : {"services", "audit_log"}) {
        Poco::Data::Statement st(s);
        st << "SELECT * FROM " << table;
        st.execute();
        Poco::Data::RecordSet rs(st);
        for (std::size_t r = 0; r < rs.rowCount(); ++r)
            for (std::size_t c = 0; c < rs.columnCount(); ++c) all += rs.value(c, r).convert<std::string>() + "\n";
    }
    return all;
}

}  // namespace

TEST_CASE("A new confidential service gets a 256-bit secret, shown once and stored as SHA-256", "[services]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            core::ServiceRegistry registry(oidc.ctx());
            auto created = createService(oidc.ctx(), backendService());
            const std::string secret = created.clientSecret;
            REQUIRE(secret.size() == 43);
            CHECK(infra::encoding::unbase64url(secret)->size() == 32);
            CHECK(created.service.secretHash == infra::digest::sha256Hex(secret));
            CHECK(created.service.secretRotatedAt == oidc.clock().now());
            CHECK(created.service.version == 1);
            CHECK_FALSE(created.service.clientId.empty());

            const std::string stored = everythingStored(oidc.db());
            CHECK(stored.find(secret) == std::string::npos);
            CHECK(stored.find(infra::digest::sha256Hex(secret)) != std::string::npos);
            CHECK(stored.find("service.created") != std::string::npos);

            auto read = registry.get(created.service.id);
            REQUIRE(read);
            CHECK(read->secretHash == created.service.secretHash);
            CHECK(registry.findByClientId(created.service.clientId)->id == created.service.id);
            // Two services never share a secret or a client_id.
            auto other = createService(oidc.ctx(), backendService("Other"));
            CHECK(other.clientSecret != secret);
            CHECK(other.service.clientId != created.service.clientId);
        }
    }
}

TEST_CASE("Services without a secret method get none", "[services]") {
    OidcCore oidc("sqlite");
    auto keyed = createService(oidc.ctx(), backendService("Keyed", "private_key_jwt"));
    CHECK(keyed.clientSecret.empty());
    CHECK(keyed.service.secretHash.empty());
    auto rotated = core::ServiceRegistry(oidc.ctx()).rotateSecret(keyed.service.id, kAdmin);
    REQUIRE_FALSE(rotated);
    CHECK(rotated.error().code == "no_secret");
}

TEST_CASE("Rotating the secret makes the old one useless at once", "[services]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            auto created = createService(oidc.ctx(), backendService());
            auto& clients = oidc.provider().clients();
            const std::string endpoint = oidc.provider().settings().tokenEndpoint();
            const std::string id = created.service.clientId;
            REQUIRE(clients.authenticate({ClientAuthMethod::SecretBasic, id, created.clientSecret, {}}, endpoint));

            oidc.clock().advance(60);
            auto rotated = core::ServiceRegistry(oidc.ctx()).rotateSecret(created.service.id, kAdmin);
            REQUIRE(rotated);
            CHECK(rotated->clientSecret != created.clientSecret);
            CHECK(rotated->service.secretRotatedAt == oidc.clock().now());
            CHECK(rotated->service.version == 2);
            CHECK_FALSE(clients.authenticate({ClientAuthMethod::SecretBasic, id, created.clientSecret, {}}, endpoint));
            CHECK(clients.authenticate({ClientAuthMethod::SecretBasic, id, rotated->clientSecret, {}}, endpoint));
            const std::string stored = everythingStored(oidc.db());
            CHECK(stored.find(rotated->clientSecret) == std::string::npos);
            CHECK(stored.find("service.secret_rotated") != std::string::npos);
        }
    }
}

TEST_CASE("Updates need the current version and are validated as a whole", "[services]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            core::ServiceRegistry registry(oidc.ctx());
            auto created = createService(oidc.ctx(), backendService());
            core::ServiceChanges rename;
            rename.name = "Council tax (new)";
            rename.minLoa = 2;

            auto stale = registry.update(created.service.id, rename, 7, kAdmin);
            REQUIRE_FALSE(stale);
            CHECK(stale.error().code == "version_mismatch");

            auto updated = registry.update(created.service.id, rename, 1, kAdmin);
            REQUIRE(updated);
            CHECK(updated->name == "Council tax (new)");
            CHECK(updated->minLoa == 2);
            CHECK(updated->version == 2);
            CHECK(updated->secretHash == created.service.secretHash);  // untouched
            // The old version no longer applies.
            CHECK_FALSE(registry.update(created.service.id, rename, 1, kAdmin));

            core::ServiceChanges bad;
            bad.redirectUris = std::vector<std::string>{"http://evil.example/cb"};
            bad.minLoa = 5;
            auto refused = registry.update(created.service.id, bad, 2, kAdmin);
            REQUIRE_FALSE(refused);
            CHECK(refused.error().fields.size() == 2);
            CHECK(registry.get(created.service.id)->version == 2);  // nothing changed

            // Moving to private_key_jwt drops the secret.
            core::ServiceChanges keyed;
            keyed.tokenEndpointAuthMethod = "private_key_jwt";
            keyed.jwksUri = "https://service.example/jwks.json";
            auto moved = registry.update(created.service.id, keyed, 2, kAdmin);
            REQUIRE(moved);
            CHECK(moved->secretHash.empty());
            CHECK(registry.update("no-such-id", rename, 1, kAdmin).error().code == "service_not_found");
        }
    }
}

TEST_CASE("Disabling is idempotent and audited once", "[services]") {
    OidcCore oidc("sqlite");
    core::ServiceRegistry registry(oidc.ctx());
    auto created = createService(oidc.ctx(), backendService());
    auto first = registry.disable(created.service.id, kAdmin);
    REQUIRE(first);
    CHECK(first->disabled);
    auto again = registry.disable(created.service.id, kAdmin);
    REQUIRE(again);
    CHECK(again->version == first->version);
    auto entries = oidc.ctx().audit.entriesFor(created.service.id);
    int disabled = 0;
    for (const auto& e : entries) disabled += e.event == "service.disabled";
    CHECK(disabled == 1);
    CHECK(oidc.ctx().audit.firstBrokenEntry() == std::nullopt);
}

TEST_CASE("Services are listed oldest first, a page at a time", "[services]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            OidcCore oidc(backend);
            core::ServiceRegistry registry(oidc.ctx());
            std::set<std::string> made;
            for (int i = 0; i < 5; ++i) {
                made.insert(createService(oidc.ctx(), backendService("Service " + std::to_string(i))).service.id);
                if (i % 2 == 0) oidc.clock().advance(1);  // some share a creation second
            }
            std::set<std::string> seen;
            std::string after;
            int pages = 0;
            do {
                auto page = registry.list(2, after);
                REQUIRE(page);
                for (const auto& s : page->items) CHECK(seen.insert(s.id).second);
                after = page->next;
                ++pages;
            } while (!after.empty() && pages < 10);
            CHECK(seen == made);
            CHECK(pages == 3);
            CHECK(registry.list(0, "").error().code == "validation_failed");
            CHECK(registry.list(2, "not-a-cursor!").error().code == "validation_failed");
        }
    }
}
