#pragma once
// Test data for identity verification (assurance, register checks, applications, review):
//  - TestPerson: synthetic people the test registers hold (vital record, address, known fact,
//    passport, driving licence), and the claims a citizen would type for them;
//  - VerificationTestContext: a core::Context (AuthTestContext) plus registers loaded from CSV
//    text of those people (each behind a SwitchableRegister that a test can take down), a blob
//    store in a temp folder and the default assurance policy;
//  - makeCitizen / makeCitizenAtLoa1 / giveEvidence: accounts at LoA 0 or 1 with evidence;
//  - makeApplication: an application in any state, with its document, media (real encrypted
//    blobs of sample photos and a video) and history, written straight to the store.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/assurance/AssurancePolicy.h"
#include "core/assurance/Evidence.h"
#include "core/registers/AddressMatcher.h"
#include "core/registers/RegisterSet.h"
#include "core/registers/VitalRecordMatcher.h"
#include "core/verification/DocumentDetails.h"
#include "core/verification/VerificationApplication.h"
#include "infra/blob/BlobStore.h"
#include "infra/registers/RegisterConnector.h"
#include "support/AuthBuilders.h"
#include "support/TempDir.h"

namespace tessera::test {

struct TestPerson {
    std::string personRef;
    std::string givenNames, familyName;
    std::string dateOfBirth;  // YYYY-MM-DD
    std::string sex;          // female | male
    std::string placeOfBirth, mothersMaidenName;
    core::Address address;
    std::string uprn;
    std::string councilTaxReference;
    std::string passportNumber;        // valid MRZ check digit: passportCheckDigit()
    std::string drivingLicenceNumber;  // encodes the family name, date of birth and sex
    std::string documentExpiry;        // YYYY-MM-DD, for both documents

    std::string fullName() const { return givenNames + " " + familyName; }
    std::string passportCheckDigit() const;
};

// The clean journey: address, council tax reference, passport and driving licence.
TestPerson moragCampbell();
// Another clean person (used for the duplicate-person case and second citizens).
TestPerson williamFraser();
// Registered as "Catriona Anne MacDonald": claiming "C MacDonald" is a weak match that
// needs a fallback answer (place of birth "Oban", mother's maiden name "Gillies").
TestPerson catrionaMacdonald();
// A passport number the document register holds as stolen (Morag Campbell's details).
inline constexpr const char* kStolenPassportNumber = "912345670";

// The CSV text of each test register (the people above), in the formats of resources/registers.
std::string vitalRecordsCsv();
std::string addressesCsv();
std::string knownFactsCsv();
std::string documentsCsv();

// A register a test can take down (every lookup then answers Unavailable) and whose lookups it
// can count.
class SwitchableRegister final : public infra::RegisterConnector {
public:
    explicit SwitchableRegister(std::unique_ptr<infra::RegisterConnector> inner) : inner_(std::move(inner)) {}
    Result<std::vector<infra::RegisterRecord>> lookup(std::string_view key) override;
    std::string name() const override { return inner_->name(); }
    void setDown(bool down) { down_ = down; }
    int lookups() const { return lookups_; }

private:
    std::unique_ptr<infra::RegisterConnector> inner_;
    bool down_ = false;
    int lookups_ = 0;
};

class VerificationTestContext {
public:
    explicit VerificationTestContext(const std::string& backend);

    core::Context& ctx() { return auth_.ctx(); }
    infra::ManualClock& clock() { return auth_.clock(); }
    infra::Settings& settings() { return auth_.settings(); }
    store::Database& db() { return auth_.db(); }
    RecordingMailer& mailer() { return auth_.mailer(); }
    AuthTestContext& auth() { return auth_; }
    core::RegisterSet& registers() { return *registers_; }
    SwitchableRegister& vitalRecords() { return *vital_; }
    SwitchableRegister& addresses() { return *addresses_; }
    SwitchableRegister& knownFacts() { return *facts_; }
    SwitchableRegister& documents() { return *documents_; }
    infra::BlobStore& blobs() { return *blobs_; }
    const core::AssurancePolicy& policy() const { return policy_; }
    // Blob files on disk (temporary files included): what a failed upload must not leave.
    std::size_t blobFileCount() const;

private:
    AuthTestContext auth_;
    TempDir blobDir_;
    core::AssurancePolicy policy_;
    SwitchableRegister *vital_ = nullptr, *addresses_ = nullptr, *facts_ = nullptr, *documents_ = nullptr;
    std::unique_ptr<core::RegisterSet> registers_;
    std::unique_ptr<infra::BlobStore> blobs_;
};

// What a citizen types for the person.
core::VitalRecordClaim vitalRecordClaim(const TestPerson& p);
core::AddressClaim addressClaim(const TestPerson& p);
core::DocumentEntry passportEntry(const TestPerson& p);
core::DocumentEntry drivingLicenceEntry(const TestPerson& p);

// An active account (TOTP set up, terms accepted) whose profile holds the person's name,
// date of birth, sex and address. LoA 0, no evidence.
TestAccount makeCitizen(core::Context& ctx, const TestPerson& p, const std::string& email);
// Records evidence as the checks or a review would (active, no expiry unless given) and
// recomputes the level. Returns the evidence id.
std::string giveEvidence(core::Context& ctx, const core::AssurancePolicy& policy, const std::string& accountId,
                         core::EvidenceKind kind, std::int64_t expiresAt = 0, const std::string& reference = "");
// makeCitizen, then the person linked and VitalRecord + Address evidence: LoA 1.
TestAccount makeCitizenAtLoa1(VerificationTestContext& v, const TestPerson& p, const std::string& email);
// The account's level as stored (accounts.loa).
int storedLoa(core::Context& ctx, const std::string& accountId);

struct ApplicationSpec {
    core::EvidenceBundle bundle = core::EvidenceBundle::DocumentVideo;
    ApplicationState state = ApplicationState::Submitted;
    bool withDocument = true;  // a passport of the person (or Morag Campbell's when none given)
    bool withMedia = true;     // every slot the bundle needs, as real encrypted blobs
    std::string uploadedBy;    // default: the applicant
    std::string claimedBy;     // InReview: the reviewer (default "reviewer-test" when empty)
    std::string flaggedBy;     // Flagged: who flagged it (default "system")
    std::string flagReason = "needs_senior_review";
    std::int64_t createdAt = 0;    // default: the clock's now
    std::int64_t submittedAt = 0;  // default: createdAt (for states past Draft)
    std::int64_t decidedAt = 0;    // default: submittedAt for settled states
    std::optional<TestPerson> person;
};
// Writes the application directly (no state rules applied) with a "created" event and, for
// states past Draft, a "submitted" event and one for the state itself.
core::VerificationApplication makeApplication(core::Context& ctx, infra::BlobStore& blobs, const std::string& accountId,
                                              const ApplicationSpec& spec = {});
core::VerificationApplication makeApplication(VerificationTestContext& v, const std::string& accountId,
                                              const ApplicationSpec& spec = {});

// Sample media that pass the media checks.
std::string samplePhoto();  // 640x480 JPEG
std::string sampleVideo();  // 5 s WebM

}  // namespace tessera::test
