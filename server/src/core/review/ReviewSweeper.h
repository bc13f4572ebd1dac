#pragma once
// The review workflow's periodic clean-up, run by the server's sweeper thread (any number of
// processes may run it at once): lapsed claims go back to the queue with a "claim_expired"
// history event, and stored Idempotency-Key answers past their 24 h are deleted.
#include <cstddef>

#include "core/Context.h"

namespace tessera::core {

struct ReviewSweepResult {
    int claimsReleased = 0;
    int idempotentAnswersPurged = 0;
};

class ReviewSweeper {
public:
    explicit ReviewSweeper(Context& ctx) : ctx_(ctx) {}
    ReviewSweepResult sweep();

private:
    Context& ctx_;
};

}  // namespace tessera::core
