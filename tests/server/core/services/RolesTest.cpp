// Staff roles: granted and revoked with an audit entry each, and never the last administrator removed.
#include <catch2/catch.hpp>

#include "core/services/Roles.h"
#include "support/AuthBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::Role;

TEST_CASE("Roles are granted once, listed, revoked, and audited", "[roles]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto ada = makeAccount(t.ctx(), activeWithTotp("ada@example.org"));
            auto bob = makeAccount(t.ctx(), activeWithTotp("bob@example.org"));
            core::Roles roles(t.ctx());
            const core::Actor admin{ada.id, "192.0.2.1"};

            CHECK_FALSE(roles.has(bob.id, Role::Reviewer));
            REQUIRE(roles.grant(bob.id, Role::Reviewer, admin));
            REQUIRE(roles.grant(bob.id, Role::Reviewer, admin));  // idempotent
            REQUIRE(roles.grant(bob.id, Role::SeniorReviewer, admin));
            CHECK(roles.has(bob.id, Role::Reviewer));
            CHECK_FALSE(roles.has(bob.id, Role::Admin));
            auto list = roles.list(bob.id);
            REQUIRE(list.size() == 2);
            CHECK(list[0].grantedBy == ada.id);
            CHECK(list[0].grantedAt == t.clock().now());

            REQUIRE(roles.revoke(bob.id, Role::Reviewer, admin));
            CHECK_FALSE(roles.has(bob.id, Role::Reviewer));
            CHECK(roles.revoke(bob.id, Role::Reviewer, admin).error().code == "role_not_held");
            CHECK(roles.grant("no-such-account", Role::Admin, admin).error().code == "account_not_found");

            int granted = 0, revoked = 0;
            for (const auto& e : t.ctx().audit.entriesFor(bob.id)) {
                granted += e.event == "role.granted";
                revoked += e.event == "role.revoked";
                CHECK(e.actor == ada.id);
            }
            CHECK(granted == 2);
            CHECK(revoked == 1);
        }
    }
}

TEST_CASE("The last administrator cannot be removed", "[roles]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto ada = makeAccount(t.ctx(), activeWithTotp("ada@example.org"));
            auto bob = makeAccount(t.ctx(), activeWithTotp("bob@example.org"));
            core::Roles roles(t.ctx());
            REQUIRE(roles.grant(ada.id, Role::Admin, {"system", ""}));
            CHECK(roles.revoke(ada.id, Role::Admin, {ada.id, ""}).error().code == "last_admin");
            REQUIRE(roles.grant(bob.id, Role::Admin, {ada.id, ""}));
            REQUIRE(roles.revoke(ada.id, Role::Admin, {bob.id, ""}));
            CHECK(roles.has(bob.id, Role::Admin));
        }
    }
}

TEST_CASE("Role names round-trip", "[roles]") {
    for (Role r : {Role::Reviewer, Role::SeniorReviewer, Role::Admin}) CHECK(core::roleFrom(core::toString(r)) == r);
    CHECK_FALSE(core::roleFrom("root"));
}
