#pragma once
// The review queue: cases waiting for or under review, filtered by state, evidence bundle and
// age, oldest first (the service level is measured from submission) or newest first, a page at
// a time behind an opaque cursor; and how many cases are in each state. Items carry no
// personal data: a reviewer picks a case from the list and claims it to see the person.
//
// Speed: each state is read on its own, as a range of the verification_queue index (or
// verification_queue_by_kind with a bundle filter) starting at the cursor and stopping after
// a page, and the few rows are merged here; so a page costs the same at the first page and
// deep in a queue of a million cases.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/verification/VerificationApplication.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct QueueFilter {
    // Empty: the states a reviewer works on (submitted, in review, flagged).
    std::vector<ApplicationState> states;
    std::optional<EvidenceBundle> bundle;
    std::optional<std::int64_t> submittedBefore;  // submitted_at < this (older cases)
    std::optional<std::int64_t> submittedAfter;   // submitted_at >= this (newer cases)
};

enum class QueueOrder { OldestFirst, NewestFirst };

struct QueuePageRequest {
    QueueFilter filter;
    QueueOrder order = QueueOrder::OldestFirst;
    int limit = 25;     // 1..100
    std::string after;  // the `next` of the previous page; empty for the first page
};

struct QueueItem {
    std::string id;
    ApplicationState state = ApplicationState::Submitted;
    EvidenceBundle bundle = EvidenceBundle::DocumentVideo;
    int targetLoa = 0;
    std::int64_t submittedAt = 0;
    std::int64_t ageSeconds = 0;
    std::string claimedBy;  // the reviewer holding a live claim, else empty (a lapsed claim is free)
    bool claimedByMe = false;
    std::int64_t claimExpiresAt = 0;  // when claimedBy is set
    std::string flagReason;           // flagged cases: the reason code
    std::string flaggedBy;
};

struct QueuePage {
    std::vector<QueueItem> items;
    std::string next;  // empty on the last page
};

class ReviewQueue {
public:
    static constexpr int kDefaultLimit = 25;
    static constexpr int kMaxLimit = 100;

    explicit ReviewQueue(Context& ctx) : ctx_(ctx) {}

    // Forbidden "role_required" for a caller without a reviewer role; Invalid (fields "limit",
    // "after", "submittedAfter") for a bad page request.
    Result<QueuePage> list(const std::string& reviewerId, const QueuePageRequest& request);
    // Every state with its number of applications (zero included), in one GROUP BY.
    Result<std::map<ApplicationState, std::int64_t>> counts(const std::string& reviewerId);

    // The queue without the role check: for the claim-next search of CaseClaims.
    Result<QueuePage> page(const std::string& reviewerId, const QueuePageRequest& request);

    // The states listed when the filter names none.
    static const std::vector<ApplicationState>& workStates();

private:
    Context& ctx_;
};

}  // namespace tessera::core
