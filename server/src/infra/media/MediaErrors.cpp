#include "infra/media/MediaErrors.h"

namespace tessera::infra::media {
namespace {

std::string megabytes(std::size_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MB"; }
std::string seconds(std::int64_t ms) { return std::to_string(ms / 1000) + " seconds"; }

}  // namespace

Error unsupportedImage() {
    return {ErrorKind::UnsupportedMediaType, "unsupported_media_type",
            "This file is not a photo we can use. Upload a JPEG or PNG photo.", {}};
}

Error unreadableImage() {
    return Error::invalid("unreadable_image",
                          "We could not read this photo: the file may be damaged or incomplete. "
                          "Take the photo again and upload the new JPEG or PNG file.");
}

Error imageTooLarge(const std::string& why) {
    return {ErrorKind::TooLarge, "image_too_large",
            "This photo is too large (" + why + "). Take the photo again at a lower resolution, "
            "or upload a smaller JPEG or PNG file.", {}};
}

Error imageTooSmall(int minWidth, int minHeight) {
    return Error::invalid("image_too_small", "This photo is too small to check. Take the photo again so it is at least " +
                                                 std::to_string(minWidth) + " by " + std::to_string(minHeight) +
                                                 " pixels, with the whole document in view.");
}

Error unsupportedVideo() {
    return {ErrorKind::UnsupportedMediaType, "unsupported_media_type",
            "This file is not a video we can use. Record the video again in your browser, "
            "or upload a WebM or MP4 video.", {}};
}

Error unreadableVideo(const std::string& why) {
    return Error::invalid("unreadable_video", "We could not read this video (" + why + "). "
                                              "Record the video again, or upload a WebM or MP4 video.");
}

Error videoTooLarge(std::size_t maxBytes) {
    return {ErrorKind::TooLarge, "video_too_large",
            "This video is larger than " + megabytes(maxBytes) + ". Record a shorter video and upload it again.", {}};
}

Error videoTooShort(std::int64_t minDurationMs) {
    return Error::invalid("video_too_short", "This video is too short. Record a video of at least " +
                                                 seconds(minDurationMs) + " and upload it again.");
}

Error videoTooLong(std::int64_t maxDurationMs) {
    return Error::invalid("video_too_long", "This video is too long. Record a video of no more than " +
                                                seconds(maxDurationMs) + " and upload it again.");
}

}  // namespace tessera::infra::media
