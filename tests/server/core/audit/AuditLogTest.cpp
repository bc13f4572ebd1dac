#include <catch2/catch.hpp>

#include <Poco/Data/Session.h>

#include "core/audit/AuditLog.h"
#include "infra/Clock.h"
#include "support/TestDatabase.h"

using namespace Poco::Data::Keywords;
using tessera::core::AuditEvent;
using tessera::core::AuditLog;

namespace {

void appendThree(AuditLog& log) {
    REQUIRE(log.append(AuditEvent{"account.registered", "acc1", "acc1", "127.0.0.1", {{"language", "en"}}}).ok());
    REQUIRE(log.append(AuditEvent{"signin.failed", "", "acc1", "127.0.0.2", {{"reason", "wrong_password"}}}).ok());
    REQUIRE(log.append(AuditEvent{"signin.succeeded", "acc1", "acc1", "127.0.0.1", {}}).ok());
}

}  // namespace

TEST_CASE("An untouched audit chain verifies", "[core][audit]") {
    for (const auto& backend : tessera::test::backends()) {
        DYNAMIC_SECTION(backend) {
            tessera::test::TestDatabase t(backend);
            tessera::infra::ManualClock clock;
            AuditLog log(t.db(), clock);
            CHECK_FALSE(log.firstBrokenEntry().has_value());  // empty is intact
            appendThree(log);
            CHECK_FALSE(log.firstBrokenEntry().has_value());
            auto entries = log.entriesFor("acc1");
            REQUIRE(entries.size() == 3);
            CHECK(entries.front().event == "signin.succeeded");  // newest first
            CHECK(entries.back().details.find("\"language\":\"en\"") != std::string::npos);
        }
    }
}

TEST_CASE("Editing an audit row breaks the chain at that row", "[core][audit]") {
    for (const auto& backend : tessera::test::backends()) {
        DYNAMIC_SECTION(backend) {
            tessera::test::TestDatabase t(backend);
            tessera::infra::ManualClock clock;
            AuditLog log(t.db(), clock);
            appendThree(log);
            Poco::Data::Session s = t.db().session();
            s << "UPDATE audit_log SET client_address = '10.9.9.9' WHERE seq = 2", now;
            auto broken = log.firstBrokenEntry();
            REQUIRE(broken.has_value());
            CHECK(*broken == 2);
        }
    }
}

TEST_CASE("Deleting an audit row or recomputing its hash is detected", "[core][audit]") {
    tessera::test::TestDatabase t("sqlite");
    tessera::infra::ManualClock clock;
    AuditLog log(t.db(), clock);
    appendThree(log);
    SECTION("a deleted row leaves a gap") {
        Poco::Data::Session s = t.db().session();
        s << "DELETE FROM audit_log WHERE seq = 2", now;
        CHECK(log.firstBrokenEntry() == std::optional<std::int64_t>(2));
    }
    SECTION("a forged row with its own hash recomputed breaks the next link") {
        Poco::Data::Session s = t.db().session();
        auto entries = log.entriesFor("acc1");
        auto forged = entries[1];  // seq 2
        forged.event = "signin.succeeded";
        forged.hash = AuditLog::hashOf(forged);
        std::string event = forged.event, hash = forged.hash;
        s << "UPDATE audit_log SET event = ?, hash = ? WHERE seq = 2", use(event), use(hash), now;
        CHECK(log.firstBrokenEntry() == std::optional<std::int64_t>(3));
    }
}

TEST_CASE("An audit entry written in a rolled-back transaction disappears with it", "[core][audit]") {
    tessera::test::TestDatabase t("sqlite");
    tessera::infra::ManualClock clock;
    AuditLog log(t.db(), clock);
    auto r = t.db().transaction<int>([&](Poco::Data::Session& s) -> tessera::Result<int> {
        REQUIRE(log.append(s, AuditEvent{"profile.updated", "a", "a", "", {}}).ok());
        return tessera::Error::conflict("stop", "stop");
    });
    CHECK_FALSE(r.ok());
    CHECK(log.entriesFor("a").empty());
}
