// The case a reviewer works on: the claims, the document and its checks, the register
// results, the media, the history and notes; personal details only to the reviewer holding it.
#include <catch2/catch.hpp>

#include <Poco/Data/Statement.h>

#include "core/review/CaseClaims.h"
#include "core/review/CaseDetail.h"
#include "core/review/CaseNotes.h"
#include "infra/Random.h"
#include "support/AccountBuilders.h"
#include "support/ReviewBuilders.h"

using namespace tessera;
using namespace tessera::test;
using namespace Poco::Data::Keywords;
using S = ApplicationState;

namespace {

void addRegisterCheck(ReviewTestContext& t, const std::string& accountId, const std::string& kind,
                      const std::string& outcome, const std::string& fields, std::int64_t at) {
    auto done = t.db().transaction<void>([&](Poco::Data::Session& s) -> Status {
        std::string id = infra::random::id(), a = accountId, k = kind, o = outcome, f = fields;
        Poco::Int64 when = at;
        s << t.db().sql("INSERT INTO register_checks (id, account_id, check_kind, outcome, fields, checked_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)"),
            use(id), use(a), use(k), use(o), use(f), use(when), now;
        return {};
    });
    REQUIRE(done);
}

}  // namespace

TEST_CASE("The reviewer holding a case sees all of it", "[review][detail]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            auto rita = t.reviewer("rita@example.org");
            auto ben = t.reviewer("ben@example.org");
            auto grace = t.citizen("grace@example.org");
            const std::int64_t now = t.clock().now();
            addRegisterCheck(t, grace, "vital_record", "needs_fallback",
                             R"([{"field":"givenNames","matched":true},{"field":"placeOfBirth","matched":false}])",
                             now - 300);
            addRegisterCheck(t, grace, "vital_record", "matched", R"([{"field":"givenNames","matched":true}])",
                             now - 200);
            addRegisterCheck(t, grace, "address", "matched", R"(["address.line1","address.postcode"])", now - 100);
            auto c = makeCase(t, {grace});
            core::CaseClaims claims(t.ctx());
            core::CaseDetail detail(t.ctx());
            REQUIRE(claims.claim(c.id, rita));

            auto v = detail.view(c.id, rita);
            REQUIRE(v);
            CHECK(v->full);
            CHECK(v->application.claims.find("Hopper") != std::string::npos);
            REQUIRE(v->document);
            CHECK(v->document->number == "925665416");
            CHECK(v->document->familyName == "Hopper");
            REQUIRE(v->documentChecks);
            CHECK(v->documentChecks->documentType == "passport");
            CHECK(v->documentChecks->expiryDate == "2035-06-30");
            CHECK_FALSE(v->documentChecks->expired);
            CHECK(v->documentChecks->daysToExpiry > 3000);
            CHECK(v->documentChecks->registerStatus == "valid");
            REQUIRE(v->documentChecks->registerFields.size() == 2);
            CHECK(v->documentChecks->registerFields[0].field == "documentNumber");
            CHECK(v->documentChecks->registerFields[0].matched);
            CHECK_FALSE(v->documentChecks->registerFields[1].matched);
            REQUIRE(v->registerResults.size() == 3);
            CHECK(v->registerResults[0].kind == "address");
            CHECK(v->registerResults[0].fields.size() == 2);
            CHECK(v->registerResults[0].fields[1].field == "address.postcode");
            CHECK(v->registerResults[2].outcome == "needs_fallback");
            CHECK_FALSE(v->registerResults[2].fields[1].matched);
            REQUIRE(v->media.size() == 3);
            CHECK(v->media[2].durationMs == 6000);
            CHECK(v->media[0].width == 1600);
            CHECK(v->history.size() == 2);
            int viewed = 0;
            for (const auto& e : t.ctx().audit.entriesFor(c.id)) viewed += e.event == "review.case_viewed";
            CHECK(viewed == 1);

            SECTION("others see a summary without personal details") {
                auto summary = detail.view(c.id, ben);
                REQUIRE(summary);
                CHECK_FALSE(summary->full);
                CHECK(summary->application.claims.empty());
                CHECK_FALSE(summary->document);
                REQUIRE(summary->documentChecks);
                CHECK(summary->documentChecks->registerStatus == "valid");
                CHECK(summary->media.size() == 3);
            }
            SECTION("not the citizen's own case, nor for non-reviewers") {
                auto own = makeCase(t, {rita.accountId});
                CHECK(detail.view(own.id, rita).error().code == "conflict_of_interest");
                CHECK(detail.view(c.id, t.citizenActor("x@example.org")).error().code == "role_required");
                CHECK(detail.view("nope", rita).error().code == "case_not_found");
            }
            SECTION("an expired document shows as expired") {
                t.clock().set(2'067'000'000);  // 2035-07-02
                auto later = detail.view(c.id, ben);
                REQUIRE(later);
                CHECK(later->documentChecks->expired);
                CHECK(later->documentChecks->daysToExpiry < 0);
            }
        }
    }
}

TEST_CASE("Notes are sealed, kept in the history, and added by the reviewer holding the case", "[review][notes]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            ReviewTestContext t(backend);
            auto rita = t.reviewer("rita@example.org");
            auto ben = t.reviewer("ben@example.org");
            auto c = makeCase(t, {t.citizen("grace@example.org")});
            core::CaseClaims claims(t.ctx());
            core::CaseNotes notes(t.ctx());
            core::CaseDetail detail(t.ctx());

            CHECK(notes.add(c.id, "Looks fine.", rita).error().code == "claim_required");
            REQUIRE(claims.claim(c.id, rita));
            auto added = notes.add(c.id, "  Passport photo is slightly blurred; MRZ readable.  ", rita);
            REQUIRE(added);
            CHECK(added->note == "Passport photo is slightly blurred; MRZ readable.");
            CHECK(notes.add(c.id, "   ", rita).error().fields.at(0).code == "required");
            CHECK(notes.add(c.id, std::string(4001, 'n'), rita).error().fields.at(0).code == "too_long");
            CHECK(notes.add(c.id, "hi", ben).error().code == "claim_required");

            auto history = t.applications().events(c.id);
            REQUIRE(history.size() == 3);
            CHECK(history[2].event == "note");
            CHECK(history[2].actor == rita.accountId);
            CHECK(history[2].note == "Passport photo is slightly blurred; MRZ readable.");
            CHECK(countRows(t.db(), "verification_events", "note LIKE '%blurred%'") == 0);
            int audited = 0;
            for (const auto& e : t.ctx().audit.entriesFor(c.id))
                if (e.event == "review.note_added") {
                    ++audited;
                    CHECK(e.details.find("blurred") == std::string::npos);
                }
            CHECK(audited == 1);

            auto full = detail.view(c.id, rita);
            CHECK(full->history[2].note.find("blurred") != std::string::npos);
            auto summary = detail.view(c.id, ben);
            REQUIRE(summary->history.size() == 3);
            CHECK(summary->history[2].event == "note");
            CHECK(summary->history[2].note.empty());
        }
    }
}
