#pragma once
// The citizen's side of a verification application: start one (LoA 1 needed), enter the
// identity document, upload its photos and a selfie video, submit it for review, or withdraw
// it; and read its status. One open application per account. Every step is audited
// ("verification.*", no personal data in the details).
//
// Uploads: photos are decoded and re-encoded (infra/media), videos inspected; the result is
// encrypted into the blob store bound to the media row id. A new upload replaces the slot in
// one transaction; the old blob is removed after commit, and a failed write removes the new
// blob, so nothing readable is left behind. Uploading the same bytes again is a harmless retry.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Context.h"
#include "core/assurance/AssurancePolicy.h"
#include "core/registers/RegisterSet.h"
#include "core/services/Actor.h"
#include "core/verification/ApplicationStore.h"
#include "core/verification/DocumentDetails.h"
#include "core/verification/VerificationApplication.h"
#include "infra/blob/BlobStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

// What the citizen sees of their application.
struct ApplicationStatus {
    VerificationApplication application;  // claims and decision message included (the citizen's own)
    std::string reasonText;               // the rejection reason in words, when there is one
    std::optional<IdentityDocument> document;
    std::vector<MediaItem> media;
    std::vector<MediaSlot> missingSlots;  // still to upload (Draft)
    bool documentExpired = false;
};

// The upload slots a bundle needs.
std::vector<MediaSlot> requiredSlots(EvidenceBundle bundle);
// The level a bundle can lead to.
int targetLoaFor(EvidenceBundle bundle);

class ApplicationService {
public:
    ApplicationService(Context& ctx, RegisterSet& registers, infra::BlobStore& blobs, const AssurancePolicy& policy);

    // Forbidden "loa1_required" below LoA 1; Conflict "application_open" when one is open;
    // Invalid field "bundle" for duplicate_person (opened by the system only); Conflict
    // "level_already_held" when the account already has the level the bundle leads to.
    Result<VerificationApplication> start(const Actor& citizen, EvidenceBundle bundle);
    // The account's newest application, whatever its state.
    std::optional<VerificationApplication> current(const std::string& accountId);
    // NotFound "application_not_found" when the account has never applied.
    Result<ApplicationStatus> status(const std::string& accountId);

    // Only in Draft (Conflict "application_not_draft"; NotFound "application_not_found").
    // Field errors from validateDocument; a document the register knows as lost, stolen or
    // cancelled is refused (Invalid field documentNumber "document_not_valid"). The register's
    // answer (status and matched field names) is kept for the reviewer; an unavailable
    // register is recorded as such and does not stop the citizen.
    Result<IdentityDocument> setDocument(const Actor& citizen, DocumentEntry entry);

    // Only in Draft; the slot must be one the bundle needs (Invalid field "slot"
    // "slot_not_needed"). The declared content type is not trusted: the bytes decide.
    // Errors of sanitiseImage / inspectVideo, and the blob store's.
    Result<MediaItem> putMedia(const Actor& citizen, MediaSlot slot, std::string_view bytes,
                               std::string_view declaredContentType, const std::string& uploadedBy);

    // Draft → Submitted once the document (not expired) and every required slot are there
    // (Invalid "application_incomplete" with a field error per missing part). The claims
    // snapshot (the account's name, date of birth and address, the document's names) is
    // sealed with the application.
    Result<VerificationApplication> submit(const Actor& citizen);
    // Draft or Submitted → Withdrawn (Conflict "invalid_state_transition" once a reviewer
    // holds it or it is decided).
    Result<VerificationApplication> withdraw(const Actor& citizen);

    ApplicationStore& store() { return store_; }

private:
    Result<VerificationApplication> openDraft(const std::string& accountId);
    std::string documentRegisterResult(const IdentityDocument& d, std::optional<Error>& refusal);

    Context& ctx_;
    RegisterSet& registers_;
    infra::BlobStore& blobs_;
    const AssurancePolicy& policy_;
    ApplicationStore store_;
};

}  // namespace tessera::core
