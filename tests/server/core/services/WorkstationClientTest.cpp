// The reviewer workstation's built-in client: registered once at start-up as a public PKCE
// client on the loopback redirect with the staff scope, put right if an administrator changed
// what it relies on, absent when switched off; and no other service may be allowed tessera:staff.
#include <Poco/AutoPtr.h>
#include <Poco/Util/MapConfiguration.h>

#include <catch2/catch.hpp>

#include "core/services/ServiceRegistry.h"
#include "core/services/WorkstationClient.h"
#include "support/AccountBuilders.h"
#include "support/AuthBuilders.h"

using namespace tessera;
using namespace tessera::test;

namespace {

const core::Actor kAdmin{"admin-account", ""};

std::string fieldCode(const Error& e, const std::string& field) {
    for (const auto& f : e.fields)
        if (f.field == field) return f.code;
    return "";
}

}  // namespace

TEST_CASE("The workstation's client is registered once, as a public PKCE client for staff", "[core][workstation]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            REQUIRE(t.settings().workstationClientId == "tessera-reviewer");  // the default
            auto ensured = core::ensureWorkstationClient(t.ctx());
            REQUIRE(ensured);
            REQUIRE(*ensured);
            const core::Service& s = **ensured;
            CHECK(s.clientId == "tessera-reviewer");
            CHECK(s.clientType == "public");
            CHECK(s.tokenEndpointAuthMethod == "none");
            CHECK(s.secretHash.empty());
            CHECK(s.grantTypes == std::vector<std::string>{"authorization_code", "refresh_token"});
            CHECK(s.redirectUris == std::vector<std::string>{"http://127.0.0.1/callback"});
            CHECK(s.allowedScopes == std::vector<std::string>{"openid", "tessera:staff", "offline_access"});
            CHECK(s.allowedClaims.empty());
            CHECK_FALSE(s.disabled);
            CHECK(core::isWorkstationClient(s, t.settings()));

            // A restart finds it and changes nothing.
            auto again = core::ensureWorkstationClient(t.ctx());
            REQUIRE(again);
            CHECK((*again)->id == s.id);
            CHECK((*again)->version == s.version);
            CHECK(countRows(t.db(), "services") == 1);
            CHECK(countRows(t.db(), "audit_log", "event = 'service.created' AND actor = 'system'") == 1);
        }
    }
}

TEST_CASE("A start-up puts back what the workstation relies on, and leaves a disabled client disabled",
          "[core][workstation]") {
    AuthTestContext t("sqlite");
    auto ensured = core::ensureWorkstationClient(t.ctx());
    REQUIRE(ensured);
    core::ServiceRegistry registry(t.ctx());
    core::ServiceChanges changes;
    changes.name = "Reviewers' desktop";
    changes.redirectUris = std::vector<std::string>{"https://elsewhere.example/callback"};
    changes.allowedScopes = std::vector<std::string>{"openid"};
    auto changed = registry.update((*ensured)->id, changes, (*ensured)->version, kAdmin);
    REQUIRE(changed);
    REQUIRE(registry.disable(changed->id, kAdmin));

    auto repaired = core::ensureWorkstationClient(t.ctx());
    REQUIRE(repaired);
    CHECK((*repaired)->name == "Reviewers' desktop");  // an administrator's choice
    CHECK((*repaired)->disabled);                      // an administrator's choice
    CHECK((*repaired)->redirectUris == std::vector<std::string>{"http://127.0.0.1/callback"});
    CHECK((*repaired)->allowedScopes == std::vector<std::string>{"openid", "tessera:staff", "offline_access"});
    CHECK(countRows(t.db(), "audit_log", "event = 'service.updated' AND actor = 'system'") == 1);
}

TEST_CASE("An empty workstation.client_id registers no client", "[core][workstation]") {
    AuthTestContext t("sqlite");
    t.settings().workstationClientId.clear();
    auto ensured = core::ensureWorkstationClient(t.ctx());
    REQUIRE(ensured);
    CHECK_FALSE(*ensured);
    CHECK(countRows(t.db(), "services") == 0);
}

TEST_CASE("Only the workstation's client may be allowed tessera:staff", "[core][workstation][services]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto workstation = core::ensureWorkstationClient(t.ctx());
            REQUIRE(workstation);
            core::ServiceRegistry registry(t.ctx());

            core::ServiceChanges citizenService;
            citizenService.name = "Parking permits";
            citizenService.redirectUris = std::vector<std::string>{"https://parking.example/callback"};
            citizenService.allowedScopes = std::vector<std::string>{"openid", "tessera:staff"};
            auto refused = registry.create(citizenService, kAdmin);
            REQUIRE_FALSE(refused);
            CHECK(fieldCode(refused.error(), "allowedScopes[1]") == "staff_scope_reserved");
            CHECK(countRows(t.db(), "services") == 1);

            citizenService.allowedScopes = std::vector<std::string>{"openid"};
            auto created = registry.create(citizenService, kAdmin);
            REQUIRE(created);
            core::ServiceChanges widen;
            widen.allowedScopes = std::vector<std::string>{"openid", "tessera:staff"};
            auto widened = registry.update(created->service.id, widen, created->service.version, kAdmin);
            REQUIRE_FALSE(widened);
            CHECK(fieldCode(widened.error(), "allowedScopes[1]") == "staff_scope_reserved");
            CHECK(registry.get(created->service.id)->allowedScopes == std::vector<std::string>{"openid"});

            // The workstation's own client keeps it through an administrator's edit.
            core::ServiceChanges rename;
            rename.name = "Reviewer workstation (Edinburgh)";
            auto renamed = registry.update((*workstation)->id, rename, (*workstation)->version, kAdmin);
            REQUIRE(renamed);
            CHECK(renamed->allowsScope("tessera:staff"));

            // Switched off, the old client loses the exemption too.
            t.settings().workstationClientId.clear();
            auto orphan = registry.update((*workstation)->id, rename, renamed->version, kAdmin);
            REQUIRE_FALSE(orphan);
            CHECK(fieldCode(orphan.error(), "allowedScopes[1]") == "staff_scope_reserved");
        }
    }
}

TEST_CASE("workstation.client_id: tessera-reviewer by default, empty for none, a client_id otherwise",
          "[core][workstation][settings]") {
    auto settingsWith = [](const std::optional<std::string>& value) {
        Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
        if (value) config->setString("workstation.client_id", *value);
        return infra::Settings::from(*config);
    };
    REQUIRE(settingsWith(std::nullopt));
    CHECK(settingsWith(std::nullopt)->workstationClientId == "tessera-reviewer");
    CHECK(settingsWith(std::string(""))->workstationClientId.empty());
    CHECK(settingsWith(std::string("council-reviewers"))->workstationClientId == "council-reviewers");
    for (const std::string& bad : {std::string("two words"), std::string(101, 'x'), std::string("caf\xc3\xa9")}) {
        auto refused = settingsWith(bad);
        REQUIRE_FALSE(refused);
        CHECK(fieldCode(refused.error(), "workstation.client_id") == "not_a_client_id");
    }
}
