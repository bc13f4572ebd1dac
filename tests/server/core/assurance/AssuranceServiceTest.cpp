// An account's level follows its evidence, on both backends: added evidence raises it in the
// caller's transaction, lapsed evidence lowers it when swept, the admin override is the only
// hand-set level, and every change is audited. Person references are unique and never stored
// in clear.
#include <catch2/catch.hpp>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include "core/assurance/AssuranceService.h"
#include "core/assurance/EvidenceExpiry.h"
#include "core/services/Roles.h"
#include "support/VerificationBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::AssuranceService;
using core::EvidenceKind;

namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;

std::vector<core::AuditEntry> auditOf(core::Context& ctx, const std::string& accountId, const std::string& event) {
    // entriesFor lists newest first; these tests read the history oldest first.
    std::vector<core::AuditEntry> out;
    for (auto& e : ctx.audit.entriesFor(accountId, 1000))
        if (e.event == event) out.insert(out.begin(), e);
    return out;
}

std::string adminAccount(VerificationTestContext& v) {
    auto admin = makeAccount(v.ctx(), activeWithTotp("admin@example.org"));
    core::Roles roles(v.ctx());
    REQUIRE(roles.grant(admin.id, core::Role::Admin, {"system", ""}).ok());
    return admin.id;
}

std::string allText(store::Database& db, const std::string& table) {
    Poco::Data::Session s = db.session();
    Poco::Data::Statement st(s);
    st << "SELECT * FROM " + table;
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::string out;
    for (std::size_t r = 0; r < rs.rowCount(); ++r)
        for (std::size_t c = 0; c < rs.columnCount(); ++c) out += rs.value(c, r).convert<std::string>() + "|";
    return out;
}

}  // namespace

TEST_CASE("Evidence raises the level step by step, audited", "[assurance]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            auto citizen = makeCitizen(v.ctx(), moragCampbell(), "morag@example.org");
            CHECK(storedLoa(v.ctx(), citizen.id) == 0);

            giveEvidence(v.ctx(), v.policy(), citizen.id, EvidenceKind::VitalRecord);
            CHECK(storedLoa(v.ctx(), citizen.id) == 0);
            giveEvidence(v.ctx(), v.policy(), citizen.id, EvidenceKind::Address);
            CHECK(storedLoa(v.ctx(), citizen.id) == 1);
            giveEvidence(v.ctx(), v.policy(), citizen.id, EvidenceKind::KnownFact);
            CHECK(storedLoa(v.ctx(), citizen.id) == 2);
            giveEvidence(v.ctx(), v.policy(), citizen.id, EvidenceKind::DocumentReview);
            CHECK(storedLoa(v.ctx(), citizen.id) == 3);

            auto changes = auditOf(v.ctx(), citizen.id, "assurance.level_changed");
            REQUIRE(changes.size() == 3);
            CHECK(changes[0].details.find("\"from\":\"loa0\"") != std::string::npos);
            CHECK(changes[0].details.find("\"to\":\"loa1\"") != std::string::npos);
            CHECK(changes[2].details.find("\"to\":\"loa3\"") != std::string::npos);
            CHECK_FALSE(v.ctx().audit.firstBrokenEntry().has_value());

            AssuranceService assurance(v.ctx(), v.policy());
            CHECK(assurance.levelOf(citizen.id) == Loa::Loa3);
            CHECK(assurance.nextSteps(citizen.id, Loa::Loa3).empty());
        }
    }
}

TEST_CASE("Evidence added in a transaction that fails leaves the level as it was", "[assurance]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            auto citizen = makeCitizen(v.ctx(), moragCampbell(), "morag@example.org");
            giveEvidence(v.ctx(), v.policy(), citizen.id, EvidenceKind::VitalRecord);
            AssuranceService assurance(v.ctx(), v.policy());
            auto r = v.db().transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
                core::Evidence e;
                e.accountId = citizen.id;
                e.kind = EvidenceKind::Address;
                auto changed = assurance.addEvidence(s, e, citizen.id);
                REQUIRE(changed.ok());
                CHECK(changed->to == Loa::Loa1);
                return Error::conflict("later_step_failed", "a later step failed");
            });
            CHECK_FALSE(r.ok());
            CHECK(storedLoa(v.ctx(), citizen.id) == 0);
            CHECK(assurance.activeEvidence(citizen.id).size() == 1);
            CHECK(auditOf(v.ctx(), citizen.id, "assurance.level_changed").empty());
        }
    }
}

TEST_CASE("A document past its expiry date stops counting after the grace, and the level falls",
          "[assurance][expiry]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            v.settings().documentGraceDays = 10;
            v.settings().reviewEvidenceDays = 3 * 365;
            auto citizen = makeCitizenAtLoa1(v, moragCampbell(), "morag@example.org");
            const std::int64_t now = v.clock().now();  // 2027-01-15
            // The passport expires on 2027-02-01: valid through that day, then 10 days' grace.
            const std::int64_t lapses = core::reviewEvidenceExpiry(v.settings(), "2027-02-01", now);
            CHECK(lapses == 1801526400 + 10 * kDay);  // 2027-02-02T00:00Z plus the grace
            giveEvidence(v.ctx(), v.policy(), citizen.id, EvidenceKind::DocumentReview, lapses);
            CHECK(storedLoa(v.ctx(), citizen.id) == 3);

            AssuranceService assurance(v.ctx(), v.policy());
            auto early = assurance.sweepExpired(lapses - 1);
            REQUIRE(early.ok());
            CHECK(early->lapsed == 0);
            CHECK(storedLoa(v.ctx(), citizen.id) == 3);

            v.clock().set(lapses);
            auto swept = assurance.sweepExpired(lapses);
            REQUIRE(swept.ok());
            CHECK(swept->lapsed == 1);
            CHECK(swept->accountsChanged == 1);
            CHECK(storedLoa(v.ctx(), citizen.id) == 1);
            auto changes = auditOf(v.ctx(), citizen.id, "assurance.level_changed");
            REQUIRE_FALSE(changes.empty());
            CHECK(changes.back().actor == "system");
            CHECK(changes.back().details.find("\"to\":\"loa1\"") != std::string::npos);

            // A second sweep finds nothing more to do.
            auto again = assurance.sweepExpired(lapses + 60);
            REQUIRE(again.ok());
            CHECK(again->lapsed == 0);
            auto next = assurance.nextSteps(citizen.id, Loa::Loa3);
            REQUIRE(next.size() == 1);
            CHECK(next[0] == std::vector<EvidenceKind>{EvidenceKind::DocumentReview});
        }
    }
}

TEST_CASE("The review evidence limit applies when the document outlives it", "[assurance][expiry]") {
    infra::Settings s;
    s.reviewEvidenceDays = 30;
    s.documentGraceDays = 0;
    const std::int64_t now = 1'800'000'000;
    CHECK(core::reviewEvidenceExpiry(s, "2035-01-01", now) == now + 30 * kDay);
    CHECK(core::reviewEvidenceExpiry(s, "", now) == now + 30 * kDay);
    CHECK(core::registerEvidenceExpiry(s, now) == 0);
    s.registerEvidenceDays = 365;
    CHECK(core::registerEvidenceExpiry(s, now) == now + 365 * kDay);
}

TEST_CASE("An administrator's override sets a level, audited, and clearing it restores the evidence's",
          "[assurance][override]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            auto citizen = makeCitizen(v.ctx(), moragCampbell(), "morag@example.org");
            const std::string admin = adminAccount(v);
            AssuranceService assurance(v.ctx(), v.policy());

            auto notAdmin = assurance.setOverride(citizen.id, Loa::Loa2, "because", {citizen.id, ""});
            REQUIRE_FALSE(notAdmin.ok());
            CHECK(notAdmin.error().code == "role_required");
            auto noReason = assurance.setOverride(citizen.id, Loa::Loa2, "  ", {admin, ""});
            REQUIRE_FALSE(noReason.ok());
            CHECK(noReason.error().fields.at(0).field == "reason");
            auto noOverride = assurance.clearOverride(citizen.id, "nothing to clear", {admin, ""});
            REQUIRE_FALSE(noOverride.ok());
            CHECK(noOverride.error().code == "override_not_found");
            CHECK(storedLoa(v.ctx(), citizen.id) == 0);
            CHECK(auditOf(v.ctx(), citizen.id, "assurance.override").empty());

            auto set = assurance.setOverride(citizen.id, Loa::Loa2, "Verified in person at the council office",
                                             {admin, "192.0.2.1"});
            REQUIRE(set.ok());
            CHECK(set->from == Loa::Loa0);
            CHECK(set->to == Loa::Loa2);
            CHECK(storedLoa(v.ctx(), citizen.id) == 2);
            auto overrides = auditOf(v.ctx(), citizen.id, "assurance.override");
            REQUIRE(overrides.size() == 1);
            CHECK(overrides[0].actor == admin);
            CHECK(overrides[0].details.find("loa2") != std::string::npos);
            CHECK(overrides[0].details.find("council office") != std::string::npos);

            // Replacing it keeps one override in force.
            REQUIRE(assurance.setOverride(citizen.id, Loa::Loa1, "Lowered after a complaint", {admin, ""}).ok());
            CHECK(storedLoa(v.ctx(), citizen.id) == 1);

            giveEvidence(v.ctx(), v.policy(), citizen.id, EvidenceKind::VitalRecord);
            giveEvidence(v.ctx(), v.policy(), citizen.id, EvidenceKind::Address);
            auto cleared = assurance.clearOverride(citizen.id, "Evidence now on file", {admin, ""});
            REQUIRE(cleared.ok());
            CHECK(cleared->to == Loa::Loa1);
            CHECK(storedLoa(v.ctx(), citizen.id) == 1);
            CHECK(auditOf(v.ctx(), citizen.id, "assurance.override").size() == 3);
        }
    }
}

TEST_CASE("Revoking evidence lowers the level", "[assurance]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            auto citizen = makeCitizenAtLoa1(v, moragCampbell(), "morag@example.org");
            const auto fact = giveEvidence(v.ctx(), v.policy(), citizen.id, EvidenceKind::KnownFact);
            CHECK(storedLoa(v.ctx(), citizen.id) == 2);
            AssuranceService assurance(v.ctx(), v.policy());
            auto other = makeCitizen(v.ctx(), williamFraser(), "william@example.org");
            auto r = v.db().transaction<core::LevelChange>([&](Poco::Data::Session& s) {
                return assurance.revokeEvidence(s, other.id, fact, "wrong account", "system");
            });
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == "evidence_not_found");
            r = v.db().transaction<core::LevelChange>([&](Poco::Data::Session& s) {
                return assurance.revokeEvidence(s, citizen.id, fact, "reference withdrawn by the council", "system");
            });
            REQUIRE(r.ok());
            CHECK(r->to == Loa::Loa1);
            CHECK(storedLoa(v.ctx(), citizen.id) == 1);
        }
    }
}

TEST_CASE("A person reference belongs to one account and is never stored in clear", "[assurance][person]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            auto first = makeCitizen(v.ctx(), moragCampbell(), "morag@example.org");
            auto second = makeCitizen(v.ctx(), moragCampbell(), "morag2@example.org");
            AssuranceService assurance(v.ctx(), v.policy());
            auto link = [&](const std::string& account, const std::string& ref) {
                return v.db().transaction<bool>([&](Poco::Data::Session& s) -> Result<bool> {
                    if (Status st = assurance.personLinks().link(s, account, ref, v.clock().now()); !st)
                        return st.error();
                    return true;
                });
            };
            REQUIRE(link(first.id, "PT-0001").ok());
            REQUIRE(link(first.id, "PT-0001").ok());  // the same pair again: nothing changes
            auto taken = link(second.id, "PT-0001");
            REQUIRE_FALSE(taken.ok());
            CHECK(taken.error().kind == ErrorKind::Conflict);
            CHECK(taken.error().code == "person_already_linked");
            CHECK(taken.error().message.find("PT-0001") == std::string::npos);
            auto another = link(first.id, "PT-0002");
            REQUIRE_FALSE(another.ok());
            CHECK(another.error().code == "person_already_linked");

            CHECK(allText(v.db(), "person_links").find("PT-0001") == std::string::npos);
            Poco::Data::Session s = v.db().session();
            CHECK(assurance.personLinks().accountFor(s, "PT-0001") == first.id);
            CHECK_FALSE(assurance.personLinks().accountFor(s, "PT-0002").has_value());
            // Another data key gives other keys: the table means nothing without it.
            auto otherKey = infra::SecretBox::create(infra::SecretBox::generateKey());
            core::PersonLinks elsewhere(v.db(), *otherKey);
            CHECK(elsewhere.keyFor("PT-0001") != assurance.personLinks().keyFor("PT-0001"));
        }
    }
}
