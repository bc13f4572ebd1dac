#pragma once
// The errors a citizen sees when an upload is refused: each says what to do next.
#include <cstdint>
#include <string>

#include "tessera/shared/Result.h"

namespace tessera::infra::media {

Error unsupportedImage();
Error unreadableImage();
Error imageTooLarge(const std::string& why);
Error imageTooSmall(int minWidth, int minHeight);

Error unsupportedVideo();
Error unreadableVideo(const std::string& why);
Error videoTooLarge(std::size_t maxBytes);
Error videoTooShort(std::int64_t minDurationMs);
Error videoTooLong(std::int64_t maxDurationMs);

}  // namespace tessera::infra::media
