// Staff roles granted and revoked on an administrator's request: idempotent, audited with the
// administrator, never the administrator's own admin role nor the last administrator, only
// for active accounts; and finding the accounts to change.
#include <catch2/catch.hpp>

#include "core/services/AccountSearch.h"
#include "core/services/RoleAdministration.h"
#include "support/AccountBuilders.h"
#include "support/AuthBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::Role;

namespace {

std::int64_t roleEvents(store::Database& db, const std::string& event, const std::string& subject,
                        const std::string& actor) {
    return countRows(db, "audit_log", "event = '" + event + "' AND subject = '" + subject + "' AND actor = '" + actor + "'");
}

std::string fieldCode(const Error& e, const std::string& field) {
    for (const auto& f : e.fields)
        if (f.field == field) return f.code;
    return "";
}

std::vector<std::string> emailsOf(const core::AccountSearchPage& page) {
    std::vector<std::string> out;
    for (const auto& a : page.items) out.push_back(a.email);
    return out;
}

}  // namespace

TEST_CASE("Granting and revoking a role is idempotent and audited with the administrator", "[core][roles][admin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto ada = makeAccount(t.ctx(), activeWithTotp("ada@example.org"));
            auto bob = makeAccount(t.ctx(), activeWithTotp("bob@example.org"));
            REQUIRE(core::Roles(t.ctx()).grant(ada.id, Role::Admin, {"system", ""}));
            core::RoleAdministration roles(t.ctx());
            const core::Actor admin{ada.id, "192.0.2.1"};

            auto granted = roles.grant(bob.id, Role::SeniorReviewer, admin);
            REQUIRE(granted);
            CHECK(granted->roles == std::vector<Role>{Role::SeniorReviewer});
            auto twice = roles.grant(bob.id, Role::SeniorReviewer, admin);
            REQUIRE(twice);
            CHECK(twice->roles == std::vector<Role>{Role::SeniorReviewer});
            REQUIRE(roles.grant(bob.id, Role::Reviewer, admin));
            CHECK(roleEvents(t.db(), "role.granted", bob.id, ada.id) == 2);

            auto revoked = roles.revoke(bob.id, Role::SeniorReviewer, admin);
            REQUIRE(revoked);
            CHECK(revoked->roles == std::vector<Role>{Role::Reviewer});
            auto again = roles.revoke(bob.id, Role::SeniorReviewer, admin);
            REQUIRE(again);
            CHECK(again->roles == std::vector<Role>{Role::Reviewer});
            CHECK(roleEvents(t.db(), "role.revoked", bob.id, ada.id) == 1);
            CHECK(countRows(t.db(), "audit_log", "event = 'role.revoked' AND client_address = '192.0.2.1'") == 1);

            CHECK(roles.grant("no-such-account", Role::Reviewer, admin).error().code == "account_not_found");
            CHECK(roles.revoke("no-such-account", Role::Reviewer, admin).error().code == "account_not_found");
        }
    }
}

TEST_CASE("An administrator keeps their own admin role, and the last administrator stays", "[core][roles][admin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            auto ada = makeAccount(t.ctx(), activeWithTotp("ada@example.org"));
            auto bob = makeAccount(t.ctx(), activeWithTotp("bob@example.org"));
            REQUIRE(core::Roles(t.ctx()).grant(ada.id, Role::Admin, {"system", ""}));
            core::RoleAdministration roles(t.ctx());

            auto own = roles.revoke(ada.id, Role::Admin, {ada.id, ""});
            REQUIRE_FALSE(own);
            CHECK(own.error().code == "own_admin_role");
            CHECK(own.error().kind == ErrorKind::Conflict);
            auto last = roles.revoke(ada.id, Role::Admin, {"system", ""});
            REQUIRE_FALSE(last);
            CHECK(last.error().code == "last_admin");
            CHECK(core::Roles(t.ctx()).has(ada.id, Role::Admin));
            CHECK(countRows(t.db(), "audit_log", "event = 'role.revoked'") == 0);

            // With a second administrator, either may remove the other (not themselves).
            REQUIRE(roles.grant(bob.id, Role::Admin, {ada.id, ""}));
            CHECK(roles.revoke(bob.id, Role::Admin, {bob.id, ""}).error().code == "own_admin_role");
            auto removed = roles.revoke(ada.id, Role::Admin, {bob.id, ""});
            REQUIRE(removed);
            CHECK(removed->roles.empty());
            // An administrator may drop their own reviewing roles.
            REQUIRE(roles.grant(bob.id, Role::Reviewer, {bob.id, ""}));
            REQUIRE(roles.revoke(bob.id, Role::Reviewer, {bob.id, ""}));
        }
    }
}

TEST_CASE("Roles go only to active accounts", "[core][roles][admin]") {
    AuthTestContext t("sqlite");
    auto pending = makeAccount(t.ctx(), awaitingSecondFactorSetup("new@example.org"));
    auto unverified = makeAccount(t.ctx(), awaitingEmailVerification("unverified@example.org"));
    core::RoleAdministration roles(t.ctx());
    for (const auto& id : {pending.id, unverified.id}) {
        auto refused = roles.grant(id, Role::Reviewer, {"admin", ""});
        REQUIRE_FALSE(refused);
        CHECK(refused.error().code == "account_not_active");
    }
    CHECK(countRows(t.db(), "account_roles") == 0);
    CHECK(countRows(t.db(), "audit_log", "event = 'role.granted'") == 0);
}

TEST_CASE("Accounts are found by part of their email or name, or by a role", "[core][roles][admin]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AuthTestContext t(backend);
            AccountSpec rhona = activeWithTotp("rhona.kerr@council.example");
            rhona.name = "Rhona Kerr";
            AccountSpec duncan = activeWithTotp("d.munro@council.example");
            duncan.name = "Duncan Munro";
            AccountSpec percent = activeWithTotp("100%_sure@example.org");
            percent.name = "Per Cent";
            auto r = makeAccount(t.ctx(), rhona);
            auto d = makeAccount(t.ctx(), duncan);
            makeAccount(t.ctx(), percent);
            REQUIRE(core::Roles(t.ctx()).grant(d.id, Role::SeniorReviewer, {"system", ""}));
            REQUIRE(core::Roles(t.ctx()).grant(d.id, Role::Admin, {"system", ""}));
            core::AccountSearch search(t.ctx());

            auto byEmail = search.search("COUNCIL.example", std::nullopt, 25, "");
            REQUIRE(byEmail);
            CHECK(emailsOf(*byEmail) == std::vector<std::string>{"d.munro@council.example", "rhona.kerr@council.example"});
            CHECK(byEmail->items[0].name == "Duncan Munro");
            CHECK(byEmail->items[0].roles == std::vector<Role>{Role::SeniorReviewer, Role::Admin});
            CHECK(byEmail->items[1].roles.empty());
            CHECK(byEmail->items[1].status == core::AccountStatus::Active);

            auto byName = search.search("kerr", std::nullopt, 25, "");
            REQUIRE(byName);
            REQUIRE(byName->items.size() == 1);
            CHECK(byName->items[0].id == r.id);
            // LIKE's wildcards are taken literally.
            auto literal = search.search("0%_", std::nullopt, 25, "");
            REQUIRE(literal);
            CHECK(emailsOf(*literal) == std::vector<std::string>{"100%_sure@example.org"});
            auto wildcards = search.search("%%", std::nullopt, 25, "");
            REQUIRE(wildcards);
            CHECK(wildcards->items.empty());
            auto admins = search.search("", Role::Admin, 25, "");
            REQUIRE(admins);
            CHECK(emailsOf(*admins) == std::vector<std::string>{"d.munro@council.example"});
            auto adminsNamed = search.search("kerr", Role::Admin, 25, "");
            REQUIRE(adminsNamed);
            CHECK(adminsNamed->items.empty());
            // Any staff role: the whole staff, whatever each one holds, and no citizen.
            REQUIRE(core::Roles(t.ctx()).grant(r.id, Role::Reviewer, {"system", ""}));
            auto staff = search.search("", core::RoleFilter::anyStaffRole(), 25, "");
            REQUIRE(staff);
            CHECK(emailsOf(*staff) == std::vector<std::string>{"d.munro@council.example", "rhona.kerr@council.example"});
            REQUIRE(core::Roles(t.ctx()).revoke(r.id, Role::Reviewer, {"system", ""}));

            // Pages in email order.
            auto first = search.search("example", std::nullopt, 2, "");
            REQUIRE(first);
            CHECK(first->items.size() == 2);
            REQUIRE_FALSE(first->next.empty());
            auto second = search.search("example", std::nullopt, 2, first->next);
            REQUIRE(second);
            CHECK(emailsOf(*second) == std::vector<std::string>{"rhona.kerr@council.example"});
            CHECK(second->next.empty());
        }
    }
}

TEST_CASE("An account search needs something to look for", "[core][roles][admin]") {
    AuthTestContext t("sqlite");
    core::AccountSearch search(t.ctx());
    CHECK(fieldCode(search.search("", std::nullopt, 25, "").error(), "q") == "required");
    CHECK(fieldCode(search.search("a", std::nullopt, 25, "").error(), "q") == "too_short");
    CHECK(fieldCode(search.search(std::string(101, 'a'), std::nullopt, 25, "").error(), "q") == "too_long");
    CHECK(fieldCode(search.search("ab\tc", std::nullopt, 25, "").error(), "q") == "control_characters");
    CHECK(fieldCode(search.search("abc", std::nullopt, 0, "").error(), "limit") == "out_of_range");
    CHECK(fieldCode(search.search("abc", std::nullopt, 101, "").error(), "limit") == "out_of_range");
    CHECK(fieldCode(search.search("abc", std::nullopt, 25, "***").error(), "after") == "bad_cursor");
    CHECK(search.get("nobody").error().code == "account_not_found");
}
