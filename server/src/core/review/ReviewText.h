#pragma once
// The free text of the review workflow (notes, flag notes, messages to the citizen): valid
// UTF-8, no control characters but line breaks and tabs, trimmed, within a length limit.
#include <cstddef>
#include <string>
#include <string_view>

#include "tessera/shared/Result.h"

namespace tessera::core {

inline constexpr std::size_t kNoteMaxChars = 4000;
inline constexpr std::size_t kCitizenMessageMaxChars = 1000;

// The trimmed text; field errors against `field`: "required" (empty after trimming, when
// required), "too_long", "invalid_characters". Empty and not required: "".
Result<std::string> checkReviewText(std::string_view text, std::string_view field, std::size_t maxChars,
                                    bool required);

}  // namespace tessera::core
