#include "infra/media/VideoInspector.h"

#include "infra/media/ContainerReaders.h"
#include "infra/media/MediaErrors.h"
#include "infra/media/MediaSniffer.h"

namespace tessera::infra {

Result<VideoInfo> inspectVideo(std::string_view bytes, const VideoLimits& limits) {
    // The size is checked before a single byte is looked at.
    if (bytes.size() > limits.maxBytes) return media::videoTooLarge(limits.maxBytes);
    const media::MediaKind kind = media::sniff(bytes);
    if (kind != media::MediaKind::Webm && kind != media::MediaKind::Mp4) return media::unsupportedVideo();

    auto info = kind == media::MediaKind::Webm ? media::readWebm(bytes) : media::readMp4(bytes);
    if (!info.ok()) return info.error();
    if (info->durationMs < limits.minDurationMs) return media::videoTooShort(limits.minDurationMs);
    if (info->durationMs > limits.maxDurationMs) return media::videoTooLong(limits.maxDurationMs);
    return info;
}

}  // namespace tessera::infra
