#include <catch2/catch.hpp>

#include <set>

#include "core/accounts/ProfileService.h"
#include "support/AccountBuilders.h"

using tessera::ErrorKind;
using tessera::core::Address;
using tessera::core::ProfileChanges;
using tessera::core::ProfileService;
using namespace tessera::test;

namespace {

std::set<std::string> fieldsOf(const tessera::Error& e) {
    std::set<std::string> out;
    for (const auto& f : e.fields) out.insert(f.field + ":" + f.code);
    return out;
}

}  // namespace

TEST_CASE("Profile changes are validated, normalised, versioned and audited by name", "[core][accounts][profile]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto account = makeAccount(t.ctx(), activeWithTotp());
            ProfileService profile(t.ctx());
            const auto version = profile.view(account.id)->version;

            ProfileChanges changes;
            changes.name = "  Ada   King ";
            changes.preferredName = "Ada";
            changes.dateOfBirth = "1985-12-10";
            changes.sex = "female";
            changes.address = Address{"12 St James’s Square", "", "London", "sw1y4jh"};
            changes.phone = "07700 900123";
            changes.language = "gd";
            changes.expectedVersion = version;
            auto updated = profile.update(account.id, changes, "192.0.2.1");
            REQUIRE(updated.ok());
            CHECK(updated->name == "Ada King");
            CHECK(updated->address.postcode == "SW1Y 4JH");
            CHECK(updated->phone == "+447700900123");
            CHECK(updated->language == "gd");
            CHECK(updated->version == version + 1);
            auto stored = profile.view(account.id);
            CHECK(stored->dateOfBirth == "1985-12-10");
            CHECK(stored->address.line1 == "12 St James’s Square");

            auto audit = t.ctx().audit.entriesFor(account.id).front();
            CHECK(audit.event == "profile.updated");
            CHECK(audit.details.find("name,preferredName,dateOfBirth,sex,address,phone,language") != std::string::npos);
            CHECK(audit.details.find("London") == std::string::npos);  // names of fields, never values

            // Clearing optional fields; an unchanged profile writes nothing.
            ProfileChanges clear;
            clear.preferredName = "";
            clear.address = Address{};
            clear.phone = "";
            auto cleared = profile.update(account.id, clear, "");
            REQUIRE(cleared.ok());
            CHECK(cleared->address.empty());
            CHECK(cleared->phone.empty());
            CHECK(cleared->name == "Ada King");
            const auto before = snapshot(t.db());
            REQUIRE(profile.update(account.id, clear, "").ok());
            CHECK(snapshot(t.db()) == before);
        }
    }
}

TEST_CASE("Every invalid profile field is reported at once and nothing changes", "[core][accounts][profile]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto account = makeAccount(t.ctx(), activeWithTotp());
            ProfileService profile(t.ctx());
            const auto before = snapshot(t.db());

            ProfileChanges changes;
            changes.name = "";
            changes.preferredName = "X Æ A-12";
            changes.dateOfBirth = "2100-01-01";
            changes.sex = "other";
            changes.address = Address{"", "Flat\n2", "", "NOT A POSTCODE"};
            changes.phone = "12";
            changes.language = "de";
            auto refused = profile.update(account.id, changes, "");
            REQUIRE_FALSE(refused.ok());
            CHECK(fieldsOf(refused.error()) ==
                  std::set<std::string>{"name:required", "preferredName:invalid_characters", "dateOfBirth:in_future",
                                        "sex:invalid_choice", "address.line1:required",
                                        "address.line2:invalid_characters", "address.town:required",
                                        "address.postcode:invalid_format", "phone:invalid_format",
                                        "language:not_supported"});
            CHECK(snapshot(t.db()) == before);

            ProfileChanges longLine;
            longLine.address = Address{std::string(101, 'a'), "", "Town", "SW1A 1AA"};
            auto tooLong = profile.update(account.id, longLine, "");
            REQUIRE_FALSE(tooLong.ok());
            CHECK(fieldsOf(tooLong.error()) == std::set<std::string>{"address.line1:too_long"});
        }
    }
}

TEST_CASE("A change based on an old version is refused", "[core][accounts][profile]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            AccountTestContext t(backend);
            auto account = makeAccount(t.ctx(), activeWithTotp());
            ProfileService profile(t.ctx());
            const auto version = profile.view(account.id)->version;
            ProfileChanges first;
            first.preferredName = "Ada";
            first.expectedVersion = version;
            REQUIRE(profile.update(account.id, first, "").ok());
            const auto before = snapshot(t.db());

            ProfileChanges stale;
            stale.phone = "+441632960961";
            stale.expectedVersion = version;
            auto refused = profile.update(account.id, stale, "");
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.error().kind == ErrorKind::Conflict);
            CHECK(refused.error().code == "version_mismatch");
            CHECK(snapshot(t.db()) == before);
        }
    }
}
