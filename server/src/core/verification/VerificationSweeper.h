#pragma once
// Housekeeping for verification, run periodically by the server (any process; each step is
// safe to run concurrently):
//  - a draft left longer than settings.draftExpiryDays is withdrawn by "system" with history
//    event "expired_draft" (the shared state machine lets a draft go only to Submitted or
//    Withdrawn; Expired is for submitted or approved applications);
//  - the media of settled applications are deleted settings.mediaRetentionDays after the
//    decision: blobs removed, rows deleted, media_deleted_at set, history event "media_deleted";
//  - evidence that has lapsed stops counting and the levels fall (AssuranceService::sweepExpired).
#include <cstddef>
#include <cstdint>

#include "core/Context.h"
#include "core/assurance/AssurancePolicy.h"
#include "core/verification/ApplicationStore.h"
#include "infra/blob/BlobStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct SweepReport {
    std::size_t draftsExpired = 0;
    std::size_t applicationsPurged = 0;  // applications whose media were deleted
    std::size_t blobsRemoved = 0;
    std::size_t evidenceLapsed = 0;
    std::size_t levelsChanged = 0;
};

class VerificationSweeper {
public:
    VerificationSweeper(Context& ctx, infra::BlobStore& blobs, const AssurancePolicy& policy);

    Result<SweepReport> run(std::int64_t now);
    Result<std::size_t> expireDrafts(std::int64_t now);
    // Returns (applications purged, blobs removed) in the report's fields.
    Result<SweepReport> deleteRetainedMedia(std::int64_t now);

private:
    Context& ctx_;
    infra::BlobStore& blobs_;
    const AssurancePolicy& policy_;
    ApplicationStore store_;
};

}  // namespace tessera::core
