#pragma once
// Structure walkers for the two video containers we accept. Each returns the facts the
// inspector checks, or an error (UnsupportedMediaType for a container we do not take, Invalid
// "unreadable_video" with the reason for anything malformed).
#include <string_view>

#include "infra/media/VideoInspector.h"

namespace tessera::infra::media {

Result<VideoInfo> readWebm(std::string_view bytes);
Result<VideoInfo> readMp4(std::string_view bytes);

// Reasons given to the citizen inside the "unreadable_video" message.
inline constexpr const char* kCutOff = "the file is incomplete or damaged";
inline constexpr const char* kNoVideoTrack = "it has no video picture track";
inline constexpr const char* kNoFrames = "it contains no video frames";
inline constexpr const char* kTrailingData = "there is extra data after the end of the video";
inline constexpr const char* kUnexpectedData = "it contains data that does not belong in a video";

}  // namespace tessera::infra::media
