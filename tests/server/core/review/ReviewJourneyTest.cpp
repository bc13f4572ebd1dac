// The review workflow over what the citizen's journey really writes (core/verification):
// a document + video application approved through the review core raises the citizen to
// LoA 3, and a duplicate person opened by the register check is resolved by a senior reviewer.
#include <catch2/catch.hpp>

#include "core/assurance/AssuranceService.h"
#include "core/review/CaseClaims.h"
#include "core/review/CaseDetail.h"
#include "core/review/MediaTokens.h"
#include "core/review/ReviewDecisions.h"
#include "core/services/Roles.h"
#include "core/verification/ApplicationStore.h"
#include "core/verification/IdentityChecks.h"
#include "support/VerificationBuilders.h"

using namespace tessera;
using namespace tessera::test;
using S = ApplicationState;

namespace {

core::Actor staff(core::Context& ctx, const std::string& email, core::Role role) {
    auto account = makeAccount(ctx, activeWithTotp(email));
    REQUIRE(core::Roles(ctx).grant(account.id, role, {"system", ""}));
    return {account.id, "192.0.2.20"};
}

}  // namespace

TEST_CASE("A citizen's document and video are approved by a reviewer: LoA 1 to 3", "[review][journey]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            core::AssuranceService assurance(v.ctx(), v.policy());
            auto citizen = makeCitizenAtLoa1(v, moragCampbell(), "morag@example.org");
            auto app = makeApplication(v, citizen.id);
            auto reviewer = staff(v.ctx(), "rita@example.org", core::Role::Reviewer);

            core::CaseClaims claims(v.ctx());
            REQUIRE(claims.claim(app.id, reviewer));
            auto view = core::CaseDetail(v.ctx()).view(app.id, reviewer);
            REQUIRE(view);
            REQUIRE(view->document);
            CHECK(view->document->familyName == moragCampbell().familyName);
            REQUIRE(view->media.size() == 3);
            core::MediaTokens tokens(v.ctx());
            auto token = tokens.issue(app.id, view->media[2].id, reviewer);
            REQUIRE(token);
            auto item = tokens.verify(token->token, app.id, view->media[2].id);
            REQUIRE(item);
            auto bytes = v.blobs().read(item->blobId, item->id);
            REQUIRE(bytes);
            CHECK(bytes->size() == std::size_t(item->byteSize));

            core::ReviewDecisions decisions(v.ctx(), assurance);
            auto decided = decisions.decide({app.id, "approve", "", "", ""}, reviewer);
            REQUIRE(decided);
            CHECK(decided->loa == Loa::Loa3);
            CHECK(storedLoa(v.ctx(), citizen.id) == 3);
            bool mailed = false;
            for (const auto& m : v.mailer().sent()) mailed |= m.to.find("morag@example.org") != std::string::npos;
            CHECK(mailed);
        }
    }
}

TEST_CASE("A duplicate person found by the register check is resolved by a senior reviewer", "[review][journey]") {
    for (const auto& backend : backends()) {
        DYNAMIC_SECTION(backend) {
            VerificationTestContext v(backend);
            core::AssuranceService assurance(v.ctx(), v.policy());
            const auto person = williamFraser();
            auto holder = makeCitizenAtLoa1(v, person, "first@example.org");
            auto claimant = makeCitizen(v.ctx(), person, "second@example.org");
            core::IdentityChecks checks(v.ctx(), v.registers(), v.policy());
            const core::Actor claimantActor{claimant.id, "192.0.2.30"};
            auto stopped = checks.matchIdentity(claimantActor, vitalRecordClaim(person));
            REQUIRE_FALSE(stopped);
            CHECK(stopped.error().code == "possible_duplicate");
            auto app = core::ApplicationStore(v.db(), v.ctx().dataKey).latestFor(claimant.id);
            REQUIRE(app);
            REQUIRE(app->bundle == core::EvidenceBundle::DuplicatePerson);
            REQUIRE(app->state == S::Flagged);

            auto senior = staff(v.ctx(), "sam@example.org", core::Role::SeniorReviewer);
            core::CaseClaims claims(v.ctx());
            REQUIRE(claims.claim(app->id, senior));
            core::ReviewDecisions decisions(v.ctx(), assurance);
            auto decided = decisions.decide({app->id, "approve", "", "", "Met the claimant with their passport."}, senior);
            REQUIRE(decided);
            CHECK(decided->application.state == S::Approved);
            CHECK(storedLoa(v.ctx(), holder.id) == 0);

            // The claimant now holds the person: the address check that needs it goes through.
            auto address = checks.matchAddress(claimantActor, addressClaim(person));
            REQUIRE(address);
            CHECK(address->loa == Loa::Loa1);
            CHECK(storedLoa(v.ctx(), claimant.id) == 1);
            // And the first account, no longer holding it, is stopped as a possible duplicate.
            auto again = checks.matchIdentity({holder.id, ""}, vitalRecordClaim(person));
            REQUIRE_FALSE(again);
            CHECK(again.error().code == "possible_duplicate");
        }
    }
}
