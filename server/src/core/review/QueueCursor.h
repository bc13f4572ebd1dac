#pragma once
// The review queue's page cursor: the (submitted_at, id) of the last case shown and the sort
// order it belongs to, opaque to clients (base64url) so the format can change.
#include <cstdint>
#include <string>
#include <string_view>

#include "tessera/shared/Result.h"

namespace tessera::core {

struct QueueCursor {
    bool newestFirst = false;
    std::int64_t submittedAt = 0;
    std::string id;
};

std::string encodeQueueCursor(const QueueCursor& c);
// Invalid (field "after", code "invalid") for anything encodeQueueCursor did not make, or a
// cursor of the other sort order.
Result<QueueCursor> decodeQueueCursor(std::string_view text, bool newestFirst);

}  // namespace tessera::core
