#pragma once
// Test data for the review workflow (core/review):
//  - ReviewTestContext: an AuthTestContext with the default assurance policy and service;
//  - staff: accounts holding the reviewer or senior_reviewer role;
//  - citizens at a level of assurance, with the evidence that gives it;
//  - cases: a verification application in any state, with its document, media rows and
//    history written straight to the store (no blobs: the review core never reads them);
//  - fillQueue: many submitted cases at once, for queue paging.
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/assurance/AssurancePolicy.h"
#include "core/assurance/AssuranceService.h"
#include "core/services/Actor.h"
#include "core/verification/ApplicationStore.h"
#include "support/AuthBuilders.h"
#include "tessera/shared/Loa.h"

namespace tessera::test {

class ReviewTestContext {
public:
    explicit ReviewTestContext(const std::string& backend);
    // Another server process on the same database (own pool, clock and services).
    explicit ReviewTestContext(ReviewTestContext& first);

    core::Context& ctx() { return auth_.ctx(); }
    infra::ManualClock& clock() { return auth_.clock(); }
    RecordingMailer& mailer() { return auth_.mailer(); }
    infra::Settings& settings() { return auth_.settings(); }
    store::Database& db() { return auth_.db(); }
    core::AssuranceService& assurance() { return *assurance_; }
    core::ApplicationStore& applications() { return *applications_; }

    // An account with the reviewer (or senior_reviewer) role; Actor from 192.0.2.10.
    core::Actor reviewer(const std::string& email);
    core::Actor seniorReviewer(const std::string& email);
    // An account without any staff role.
    core::Actor citizenActor(const std::string& email);
    // An account at `loa` through evidence (vital record + address; + known fact for LoA 2;
    // + a document review for LoA 3), with accounts.loa up to date.
    std::string citizen(const std::string& email, Loa loa = Loa::Loa1);
    int loaOf(const std::string& accountId);

private:
    AuthTestContext auth_;
    core::AssurancePolicy policy_;
    std::unique_ptr<core::AssuranceService> assurance_;
    std::unique_ptr<core::ApplicationStore> applications_;
};

struct CaseSpec {
    // Not explicit: makeCase(t, {accountId, bundle, state}) reads well.
    CaseSpec(std::string account, core::EvidenceBundle b = core::EvidenceBundle::DocumentVideo,
             ApplicationState s = ApplicationState::Submitted, std::int64_t submitted = 0)
        : accountId(std::move(account)), bundle(b), state(s), submittedAt(submitted) {}

    std::string accountId;  // required
    core::EvidenceBundle bundle;
    ApplicationState state;
    std::int64_t submittedAt;  // 0: the clock's now
    std::string uploadedBy;        // who sent the media; empty: the citizen
    std::string documentType = "passport";
    std::string expiryDate = "2035-06-30";
    std::string registerResult = R"({"status":"valid","fields":[{"field":"documentNumber","matched":true},)"
                                 R"({"field":"familyName","matched":false}]})";
    std::string claimedBy;         // InReview / claimed Flagged: the reviewer (claim for reviewClaimMinutes)
    std::string flaggedBy;         // Flagged: who flagged it ("system" for duplicates)
    std::string flagReason = "needs_senior_review";
    bool withDocumentAndMedia = true;  // false for duplicate-person cases
};

// Writes the case (application, document, media rows, "submitted" history) and returns it.
core::VerificationApplication makeCase(ReviewTestContext& t, CaseSpec spec);

// A duplicate-person case as core/verification opens it: `holder` is given `personRef` (the
// person link, vital-record evidence naming it, address and known-fact evidence: LoA 2);
// `claimant` (address evidence only) matched the same person, and holds a flagged
// DuplicatePerson case (by "system") naming the holder.
core::VerificationApplication makeDuplicateCase(ReviewTestContext& t, const std::string& holder,
                                                const std::string& claimant, const std::string& personRef = "PR-0001");

// `count` submitted DocumentVideo/DocumentPhoto cases (alternating) of one citizen, one a
// second apart from `firstSubmittedAt`, written in one transaction; returns their ids in order.
std::vector<std::string> fillQueue(ReviewTestContext& t, const std::string& accountId, int count,
                                   std::int64_t firstSubmittedAt);

}  // namespace tessera::test
