#pragma once
// Uploaded selfie videos: WebM (as browsers' MediaRecorder writes it) or MP4. The whole container
// is walked so that malformed, truncated or polyglot files are refused; the video itself is not
// decoded (the reviewer's player does that).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "tessera/shared/Result.h"

namespace tessera::infra {

struct VideoLimits {
    std::size_t maxBytes = 50 * 1024 * 1024;
    std::int64_t minDurationMs = 2000, maxDurationMs = 30000;
};

struct VideoInfo {
    std::string contentType;  // "video/webm" or "video/mp4"
    std::int64_t durationMs = 0;
    int width = 0, height = 0;
};

// WebM: EBML header with DocType "webm", one Segment (its size and the Clusters' may be unknown,
// as MediaRecorder writes them; without a Duration element the duration is the last block's
// time). MP4/ISO BMFF: 'ftyp' first with an MP4 brand, 'moov' with 'mvhd' duration and timescale
// (or, when fragmented, the fragments' sample durations), the video track's 'tkhd' size.
// Every element or box must lie inside its parent and the file, there must be a video track
// with frames, and nothing may follow the last element or box.
// Errors: UnsupportedMediaType "unsupported_media_type"; Invalid "unreadable_video" (truncated,
// malformed, no video track, trailing data); TooLarge "video_too_large"; Invalid
// "video_too_short" / "video_too_long".
Result<VideoInfo> inspectVideo(std::string_view bytes, const VideoLimits& limits = {});

}  // namespace tessera::infra
