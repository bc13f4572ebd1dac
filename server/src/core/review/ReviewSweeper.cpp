#include "core/review/ReviewSweeper.h"

#include "core/requests/IdempotentRequests.h"
#include "core/review/CaseClaims.h"

namespace tessera::core {

ReviewSweepResult ReviewSweeper::sweep() {
    ReviewSweepResult r;
    r.claimsReleased = CaseClaims(ctx_).releaseExpired();
    r.idempotentAnswersPurged = IdempotentRequests(ctx_.db, ctx_.clock).purgeExpired();
    return r;
}

}  // namespace tessera::core
