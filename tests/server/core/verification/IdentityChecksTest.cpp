// The register steps of the journey, on both backends: LoA 0 → 1 (vital record + address),
// → 2 (known fact); fallback questions for a weak match; three attempts a day; an unavailable
// register does not count; a duplicate person stops the check and ends flagged for review.
#include <catch2/catch.hpp>

#include "core/verification/ApplicationStore.h"
#include "core/verification/IdentityChecks.h"
#include "support/VerificationBuilders.h"

using namespace tessera;
using namespace tessera::test;
using core::CheckKind;
using core::IdentityChecks;
using core::MatchOutcome;

namespace {

core::Actor actorFor(const TestAccount& a) { return {a.id, "192.0.2.10"}; }

std::vector<core::AuditEntry> auditOf(core::Context& ctx, const std::string& subject, const std::string& event) {
    std::vector<core::AuditEntry> out;
    for (auto& e : ctx.audit.entriesFor(subject, 1000))
        if (e.event == event) out.push_back(e);
    return out;
}

}  // namespace

TEST_CASE("A citizen reaches LoA 1 by matching the registers, then LoA 2 with a known fact",
          "[verification][checks]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            const auto morag = moragCampbell();
            auto citizen = makeCitizen(v.ctx(), morag, "morag@example.org");
            IdentityChecks checks(v.ctx(), v.registers(), v.policy());

            // The address and known fact need the person first.
            auto early = checks.matchAddress(actorFor(citizen), addressClaim(morag));
            REQUIRE_FALSE(early.ok());
            CHECK(early.error().code == "identity_match_required");

            auto vital = checks.matchIdentity(actorFor(citizen), vitalRecordClaim(morag));
            REQUIRE(vital.ok());
            CHECK(vital->outcome == MatchOutcome::Matched);
            CHECK(vital->loa == Loa::Loa0);
            CHECK(vital->attemptsLeft == 2);
            CHECK(core::fieldMatched(vital->fields, "familyName"));
            CHECK(storedLoa(v.ctx(), citizen.id) == 0);

            auto again = checks.matchIdentity(actorFor(citizen), vitalRecordClaim(morag));
            REQUIRE_FALSE(again.ok());
            CHECK(again.error().code == "identity_already_matched");

            auto address = checks.matchAddress(actorFor(citizen), addressClaim(morag));
            REQUIRE(address.ok());
            CHECK(address->outcome == MatchOutcome::Matched);
            CHECK(address->loa == Loa::Loa1);
            CHECK(storedLoa(v.ctx(), citizen.id) == 1);

            auto fact = checks.checkKnownFact(actorFor(citizen), "council_tax_reference", morag.councilTaxReference);
            REQUIRE(fact.ok());
            CHECK(fact->outcome == MatchOutcome::Matched);
            CHECK(fact->loa == Loa::Loa2);
            CHECK(storedLoa(v.ctx(), citizen.id) == 2);

            // Another person's reference does not count.
            auto wrong = checks.checkKnownFact(actorFor(citizen), "council_tax_reference",
                                               williamFraser().councilTaxReference);
            REQUIRE(wrong.ok());
            CHECK(wrong->outcome == MatchOutcome::NoMatch);
            CHECK(wrong->attemptsLeft == 1);

            // Audited without personal data.
            auto audited = auditOf(v.ctx(), citizen.id, "verification.register_check");
            REQUIRE(audited.size() == 4);
            for (const auto& e : audited) {
                CHECK(e.details.find("Campbell") == std::string::npos);
                CHECK(e.details.find(morag.councilTaxReference) == std::string::npos);
                CHECK(e.details.find(morag.personRef) == std::string::npos);
                CHECK(e.details.find(morag.uprn) == std::string::npos);
            }
        }
    }
}

TEST_CASE("A weak match asks a fallback question, and the right answer matches", "[verification][checks]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            const auto catriona = catrionaMacdonald();
            auto citizen = makeCitizen(v.ctx(), catriona, "catriona@example.org");
            IdentityChecks checks(v.ctx(), v.registers(), v.policy());

            auto weak = checks.matchIdentity(actorFor(citizen), vitalRecordClaim(catriona));
            REQUIRE(weak.ok());
            CHECK(weak->outcome == MatchOutcome::NeedsFallback);
            CHECK(weak->fallbackQuestions == std::vector<std::string>{"placeOfBirth", "mothersMaidenName"});
            CHECK(weak->loa == Loa::Loa0);

            auto claim = vitalRecordClaim(catriona);
            claim.placeOfBirth = "Fort William";
            auto wrong = checks.matchIdentity(actorFor(citizen), claim);
            REQUIRE(wrong.ok());
            CHECK(wrong->outcome == MatchOutcome::NoMatch);
            CHECK(wrong->attemptsLeft == 1);

            claim.placeOfBirth = "oban";
            auto answered = checks.matchIdentity(actorFor(citizen), claim);
            REQUIRE(answered.ok());
            CHECK(answered->outcome == MatchOutcome::Matched);
            CHECK(answered->attemptsLeft == 0);
        }
    }
}

TEST_CASE("Three attempts a day, then refused with when to try again, then allowed after 24 hours",
          "[verification][checks][attempts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            const auto morag = moragCampbell();
            auto citizen = makeCitizen(v.ctx(), morag, "morag@example.org");
            IdentityChecks checks(v.ctx(), v.registers(), v.policy());
            // Another person altogether: a family name alone would be a marriage, not a miss.
            auto claim = vitalRecordClaim(morag);
            claim.givenNames = "Ailsa";
            claim.familyName = "Cameron";

            const std::int64_t first = v.clock().now();
            for (int i = 0; i < 3; ++i) {
                auto r = checks.matchIdentity(actorFor(citizen), claim);
                REQUIRE(r.ok());
                CHECK(r->outcome == MatchOutcome::NoMatch);
                CHECK(r->attemptsLeft == 2 - i);
                v.clock().advance(600);
            }
            const int lookups = v.vitalRecords().lookups();
            auto refused = checks.matchIdentity(actorFor(citizen), vitalRecordClaim(morag));
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.error().kind == ErrorKind::TooManyRequests);
            CHECK(refused.error().code == "match_attempts_exhausted");
            CHECK(refused.error().message.find("2027-01-16 08:00 UTC") != std::string::npos);
            CHECK(v.vitalRecords().lookups() == lookups);  // refused before asking the register
            CHECK(checks.attemptsLeft(citizen.id, CheckKind::VitalRecord) == 0);
            // Other kinds of check have their own count.
            CHECK(checks.attemptsLeft(citizen.id, CheckKind::Address) == 3);

            v.clock().set(first + 24 * 60 * 60 + 1);
            CHECK(checks.attemptsLeft(citizen.id, CheckKind::VitalRecord) == 1);
            auto later = checks.matchIdentity(actorFor(citizen), vitalRecordClaim(morag));
            REQUIRE(later.ok());
            CHECK(later->outcome == MatchOutcome::Matched);
        }
    }
}

TEST_CASE("An unavailable register does not use up an attempt", "[verification][checks][attempts]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            const auto morag = moragCampbell();
            auto citizen = makeCitizen(v.ctx(), morag, "morag@example.org");
            IdentityChecks checks(v.ctx(), v.registers(), v.policy());
            v.vitalRecords().setDown(true);
            for (int i = 0; i < 4; ++i) {
                auto r = checks.matchIdentity(actorFor(citizen), vitalRecordClaim(morag));
                REQUIRE_FALSE(r.ok());
                CHECK(r.error().kind == ErrorKind::Unavailable);
            }
            CHECK(checks.attemptsLeft(citizen.id, CheckKind::VitalRecord) == 3);
            CHECK(auditOf(v.ctx(), citizen.id, "verification.register_check").size() == 4);
            v.vitalRecords().setDown(false);
            auto r = checks.matchIdentity(actorFor(citizen), vitalRecordClaim(morag));
            REQUIRE(r.ok());
            CHECK(r->outcome == MatchOutcome::Matched);
            CHECK(r->attemptsLeft == 2);
        }
    }
}

TEST_CASE("A second account matching a linked person is stopped and flagged for a senior reviewer",
          "[verification][checks][duplicate]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            const auto william = williamFraser();
            auto first = makeCitizen(v.ctx(), william, "william@example.org");
            auto second = makeCitizen(v.ctx(), william, "bill@example.org");
            IdentityChecks checks(v.ctx(), v.registers(), v.policy());
            REQUIRE(checks.matchIdentity(actorFor(first), vitalRecordClaim(william)).ok());

            auto claim = vitalRecordClaim(william);
            claim.givenNames = "Bill";  // a name variant: still the same person
            auto dup = checks.matchIdentity(actorFor(second), claim);
            REQUIRE_FALSE(dup.ok());
            CHECK(dup.error().kind == ErrorKind::Conflict);
            CHECK(dup.error().code == "possible_duplicate");
            CHECK(dup.error().message.find("in touch") != std::string::npos);
            CHECK(dup.error().message.find(first.id) == std::string::npos);
            CHECK(storedLoa(v.ctx(), second.id) == 0);

            core::ApplicationStore store(v.db(), v.ctx().dataKey);
            auto app = store.latestFor(second.id);
            REQUIRE(app);
            CHECK(app->bundle == core::EvidenceBundle::DuplicatePerson);
            CHECK(app->state == ApplicationState::Flagged);
            CHECK(app->flagReason == "duplicate_person");
            CHECK(app->flaggedBy == "system");
            CHECK(app->claims.find(first.id) != std::string::npos);
            auto history = store.events(app->id);
            REQUIRE(history.size() == 1);
            CHECK(history[0].event == "flagged");
            CHECK(history[0].actor == "system");
            CHECK(history[0].reason == "duplicate_person");
            CHECK(auditOf(v.ctx(), second.id, "verification.duplicate_person").size() == 1);

            // Trying again does not open a second case.
            auto again = checks.matchIdentity(actorFor(second), claim);
            REQUIRE_FALSE(again.ok());
            CHECK(again.error().code == "possible_duplicate");
            CHECK(store.latestFor(second.id)->id == app->id);
            CHECK(checks.attemptsLeft(second.id, CheckKind::VitalRecord) == 1);
            // The first account keeps its person.
            CHECK(storedLoa(v.ctx(), first.id) == 0);
            auto address = checks.matchAddress(actorFor(first), addressClaim(william));
            REQUIRE(address.ok());
            CHECK(address->loa == Loa::Loa1);
        }
    }
}
