#pragma once
// A verification application as stored: the evidence a citizen sends for a reviewer to check
// (an identity document, its photos, a selfie video), its place in the review workflow
// (shared/ApplicationState.h) and the decision. Personal fields are plain here; the store
// seals them at rest.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tessera/shared/ApplicationState.h"

namespace tessera::core {

// What an application asks a reviewer to look at, and so the level it can lead to.
enum class EvidenceBundle {
    DocumentVideo,   // document details + front/back photos + selfie video: LoA 3
    DocumentPhoto,   // document details + front/back photos: "photographic evidence", LoA 2
    DuplicatePerson  // opened by the system: a second account matched a linked person
};
std::string_view toString(EvidenceBundle b);  // "document_video", "document_photo", "duplicate_person"
std::optional<EvidenceBundle> evidenceBundleFrom(std::string_view name);

// Upload slots. A bundle needs: DocumentVideo all three, DocumentPhoto front and back.
enum class MediaSlot { DocumentFront, DocumentBack, SelfieVideo };
std::string_view toString(MediaSlot s);  // "document_front", "document_back", "selfie_video"
std::optional<MediaSlot> mediaSlotFrom(std::string_view name);

struct VerificationApplication {
    std::string id;
    std::string accountId;
    EvidenceBundle bundle = EvidenceBundle::DocumentVideo;
    int targetLoa = 3;
    ApplicationState state = ApplicationState::Draft;
    std::string claims;  // JSON of what the citizen asserted (names, date of birth, address): plain here
    std::string claimedBy;  // reviewer holding the case (InReview), else empty
    std::int64_t claimExpiresAt = 0;
    std::string flaggedBy;
    std::string flagReason;       // a DecisionReason code
    std::string decisionReason;   // a DecisionReason code (rejections and flags)
    std::string decisionMessage;  // to the citizen (rejections): plain here
    std::string decidedBy;
    std::int64_t decidedAt = 0;
    std::int64_t mediaDeletedAt = 0;
    std::int64_t createdAt = 0;
    std::int64_t submittedAt = 0;
    std::int64_t updatedAt = 0;
    std::int64_t version = 1;
};

// The identity document an application rests on. Number and names are plain here, sealed at rest.
struct IdentityDocument {
    std::string applicationId;
    std::string documentType;    // "passport" | "driving_licence" | "national_identity_card"
    std::string number;          // normalised (upper case, no spaces)
    std::string issuingCountry;  // ISO 3166-1 alpha-3 as in the MRZ ("GBR")
    std::string givenNames, familyName;
    std::string dateOfBirth;     // YYYY-MM-DD
    std::string expiryDate;      // YYYY-MM-DD
    std::string registerResult;  // JSON: {"status":"valid","fields":[{"field":..,"matched":..}]} or ""
    std::int64_t updatedAt = 0;
};

struct MediaItem {
    std::string id;
    std::string applicationId;
    MediaSlot slot = MediaSlot::DocumentFront;
    std::string contentType;  // image/jpeg, image/png, video/webm, video/mp4
    std::int64_t byteSize = 0;
    int width = 0, height = 0;
    std::int64_t durationMs = 0;
    std::string sha256;  // hex, of the stored (sanitised) bytes
    std::string blobId;  // the encrypted blob, bound to `id`
    std::string uploadedBy;
    std::int64_t uploadedAt = 0;
};

// One line of a case's history: state changes, claims, releases, notes.
struct CaseEvent {
    std::string id;
    std::string applicationId;
    std::int64_t seq = 0;  // 1, 2, ... per application
    std::int64_t at = 0;
    std::string actor;  // account id or "system"
    std::string event;  // "created", "submitted", "claimed", "released", "claim_expired", "approved",
                        // "rejected", "flagged", "withdrawn", "expired", "note", "media_deleted"
    std::string fromState, toState;
    std::string reason;  // decision reason code
    std::string note;    // plain here, sealed at rest
};

}  // namespace tessera::core
