// Staff over HTTP: GET /api/v1/staff/me tells the workstation who is signed in and what they
// may do; administrators find accounts and grant or revoke staff roles, idempotently, audited
// with who did it, never their own admin role; bad input is a problem and changes nothing.
#include <Poco/JSON/Array.h>

#include <catch2/catch.hpp>

#include <algorithm>

#include "core/services/Roles.h"
#include "server/web/admin/WorkstationFixture.h"
#include "support/AccountBuilders.h"

using namespace tessera;
using namespace tessera::test;

namespace {

const std::string kAccounts = "/api/v1/admin/accounts";

std::vector<std::string> rolesIn(const Poco::JSON::Object::Ptr& account) {
    std::vector<std::string> out;
    auto roles = account->getArray("roles");
    for (std::size_t i = 0; i < roles->size(); ++i) out.push_back(roles->getElement<std::string>(static_cast<unsigned>(i)));
    return out;
}

std::string rolePath(const std::string& accountId, const std::string& role) {
    return kAccounts + "/" + accountId + "/roles/" + role;
}

}  // namespace

TEST_CASE("GET /api/v1/staff/me names the staff member and their roles", "[web][admin][staff]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient senior(server.port());
            auto duncan = signInStaff(server, senior, "duncan@council.example", "senior_reviewer");
            REQUIRE(core::Roles(server.services()).grant(duncan.id, core::Role::Reviewer, {"system", ""}));
            auto me = senior.get("/api/v1/staff/me");
            REQUIRE(me.status == 200);
            auto body = me.json();
            CHECK(body->getValue<std::string>("accountId") == duncan.id);
            CHECK(body->getValue<std::string>("email") == "duncan@council.example");
            CHECK(body->getValue<std::string>("name") == "Ada Lovelace");  // the builder's name
            CHECK(rolesIn(body) == std::vector<std::string>{"reviewer", "senior_reviewer"});
            CHECK(me.body.find("password") == std::string::npos);

            ApiClient citizen(server.port());
            signInStaff(server, citizen, "citizen@example.org", "");
            auto refused = citizen.get("/api/v1/staff/me");
            CHECK(refused.status == 403);
            CHECK(refused.problemCode() == "role_required");
            CHECK(refused.header("Content-Type").find("application/problem+json") == 0);

            ApiClient anonymous(server.port());
            CHECK(anonymous.get("/api/v1/staff/me").status == 401);
            auto badToken = anonymous.request("GET", "/api/v1/staff/me", "", "", bearerAuth("not-a-token"));
            CHECK(badToken.status == 401);
            CHECK(badToken.problemCode() == "invalid_token");
        }
    }
}

TEST_CASE("Administrators find accounts and grant and revoke staff roles", "[web][admin][roles]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient admin(server.port());
            auto ailsa = signInStaff(server, admin, "ailsa@council.example", "admin");
            AccountSpec spec = activeWithTotp("rhona.kerr@council.example");
            spec.name = "Rhona Kerr";
            auto rhona = makeAccount(server.services(), spec);

            auto found = admin.get(kAccounts + "?q=Kerr");
            REQUIRE(found.status == 200);
            auto items = found.json()->getArray("items");
            REQUIRE(items->size() == 1);
            CHECK(items->getObject(0)->getValue<std::string>("id") == rhona.id);
            CHECK(items->getObject(0)->getValue<std::string>("name") == "Rhona Kerr");
            CHECK(items->getObject(0)->getValue<std::string>("status") == "active");
            CHECK(rolesIn(items->getObject(0)).empty());
            CHECK(found.json()->isNull("next"));

            auto granted = admin.request("PUT", rolePath(rhona.id, "reviewer"), "", "");
            REQUIRE(granted.status == 200);
            CHECK(rolesIn(granted.json()) == std::vector<std::string>{"reviewer"});
            auto twice = admin.request("PUT", rolePath(rhona.id, "reviewer"), "", "");
            REQUIRE(twice.status == 200);
            CHECK(rolesIn(twice.json()) == std::vector<std::string>{"reviewer"});
            REQUIRE(admin.request("PUT", rolePath(rhona.id, "senior_reviewer"), "", "").status == 200);
            auto reviewers = admin.get(kAccounts + "?role=senior_reviewer");
            REQUIRE(reviewers.status == 200);
            REQUIRE(reviewers.json()->getArray("items")->size() == 1);
            CHECK(rolesIn(reviewers.json()->getArray("items")->getObject(0)) ==
                  std::vector<std::string>{"reviewer", "senior_reviewer"});
            // role=any: the whole staff (the administrator and Rhona), never a citizen.
            auto staff = admin.get(kAccounts + "?role=any");
            REQUIRE(staff.status == 200);
            std::vector<std::string> staffEmails;
            const auto staffJson = staff.json();
            for (const auto& item : *staffJson->getArray("items"))
                staffEmails.push_back(item.extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("email"));
            CHECK(std::find(staffEmails.begin(), staffEmails.end(), "rhona.kerr@council.example") != staffEmails.end());
            CHECK(staffEmails.size() == 2);

            auto revoked = admin.del(rolePath(rhona.id, "reviewer"));
            REQUIRE(revoked.status == 200);
            CHECK(rolesIn(revoked.json()) == std::vector<std::string>{"senior_reviewer"});
            CHECK(admin.del(rolePath(rhona.id, "reviewer")).status == 200);  // already gone: nothing to do

            // Audited once per change, with the administrator and where the request came from.
            int grants = 0, revokes = 0;
            for (const auto& e : server.services().audit.entriesFor(rhona.id)) {
                if (e.event != "role.granted" && e.event != "role.revoked") continue;
                CHECK(e.actor == ailsa.id);
                CHECK(e.clientAddress == "127.0.0.1");
                grants += e.event == "role.granted";
                revokes += e.event == "role.revoked";
            }
            CHECK(grants == 2);
            CHECK(revokes == 1);

            // Rhona, now a senior reviewer, sees her roles; she may not change anyone's.
            ApiClient rhonaClient(server.port());
            REQUIRE(signInWithTotp(rhonaClient, server.clock(), rhona).status == 200);
            CHECK(rolesIn(rhonaClient.get("/api/v1/staff/me").json()) == std::vector<std::string>{"senior_reviewer"});
            auto notAdmin = rhonaClient.request("PUT", rolePath(rhona.id, "admin"), "", "");
            CHECK(notAdmin.status == 403);
            CHECK(notAdmin.problemCode() == "role_required");
            CHECK(rhonaClient.get(kAccounts + "?q=kerr").problemCode() == "role_required");
        }
    }
}

TEST_CASE("An administrator cannot remove their own admin role, and bad requests change nothing",
          "[web][admin][roles]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            TestServer server(backend, oidcServerSettings);
            ApiClient admin(server.port());
            auto ailsa = signInStaff(server, admin, "ailsa@council.example", "admin");
            auto pending = makeAccount(server.services(), awaitingSecondFactorSetup("new@council.example"));
            const auto rolesBefore = countRows(server.db(), "account_roles");
            const auto auditBefore = countRows(server.db(), "audit_log", "event LIKE 'role.%'");

            auto own = admin.del(rolePath(ailsa.id, "admin"));
            CHECK(own.status == 409);
            CHECK(own.problemCode() == "own_admin_role");
            CHECK(own.header("Content-Type").find("application/problem+json") == 0);
            auto unknownRole = admin.request("PUT", rolePath(pending.id, "root"), "", "");
            CHECK(unknownRole.status == 400);
            CHECK(unknownRole.fieldError("role") == "invalid_choice");
            auto nobody = admin.request("PUT", rolePath("no-such-account", "reviewer"), "", "");
            CHECK(nobody.status == 404);
            CHECK(nobody.problemCode() == "account_not_found");
            auto notActive = admin.request("PUT", rolePath(pending.id, "reviewer"), "", "");
            CHECK(notActive.status == 409);
            CHECK(notActive.problemCode() == "account_not_active");
            // Unsafe methods need the session's CSRF token.
            const std::string csrf = admin.csrfToken();
            admin.csrfToken().clear();
            CHECK(admin.request("PUT", rolePath(ailsa.id, "reviewer"), "", "").problemCode() == "csrf_failed");
            admin.csrfToken() = csrf;

            CHECK(admin.get(kAccounts).fieldError("q") == "required");
            CHECK(admin.get(kAccounts + "?q=a").fieldError("q") == "too_short");
            CHECK(admin.get(kAccounts + "?q=ab&limit=0").fieldError("limit") == "out_of_range");
            CHECK(admin.get(kAccounts + "?q=ab&after=***").fieldError("after") == "bad_cursor");
            CHECK(admin.get(kAccounts + "?role=root").fieldError("role") == "invalid_choice");

            CHECK(countRows(server.db(), "account_roles") == rolesBefore);
            CHECK(countRows(server.db(), "audit_log", "event LIKE 'role.%'") == auditBefore);
            CHECK(core::Roles(server.services()).has(ailsa.id, core::Role::Admin));
        }
    }
}
