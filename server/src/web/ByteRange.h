#pragma once
// HTTP Range requests (RFC 9110 §14) for media, so a video player can seek without fetching
// the whole file. One range only: a request for several is answered with the whole
// representation, which RFC 9110 §14.2 allows.
#include <cstdint>
#include <optional>
#include <string>

#include "tessera/shared/Result.h"

namespace tessera::web {

struct ByteRange {
    std::uint64_t first = 0;
    std::uint64_t last = 0;  // inclusive
    std::uint64_t length() const { return last - first + 1; }
};

// nullopt when there is no Range header, or one this server ignores (another unit, several
// ranges, bad syntax): the whole representation is sent. Error (kind Invalid, code
// "range_not_satisfiable") when the range starts at or beyond `size`: answer 416 with
// Content-Range: bytes */size.
Result<std::optional<ByteRange>> parseByteRange(const std::optional<std::string>& header, std::uint64_t size);

}  // namespace tessera::web
