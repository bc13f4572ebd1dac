#include <catch2/catch.hpp>

#include <string>

#include "infra/media/VideoInspector.h"
#include "support/MediaSamples.h"

using tessera::ErrorKind;
using tessera::infra::inspectVideo;
using tessera::infra::VideoLimits;
namespace samples = tessera::test::media;

namespace {

bool contains(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

void requireError(const tessera::Result<tessera::infra::VideoInfo>& r, ErrorKind kind, const std::string& code) {
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == kind);
    CHECK(r.error().code == code);
    CHECK_FALSE(r.error().message.empty());
}

samples::WebmSpec webm(std::int64_t durationMs) {
    samples::WebmSpec spec;
    spec.durationMs = durationMs;
    return spec;
}

samples::Mp4Spec mp4(std::int64_t durationMs) {
    samples::Mp4Spec spec;
    spec.durationMs = durationMs;
    return spec;
}

}  // namespace

TEST_CASE("A MediaRecorder WebM (unknown sizes, no Duration) is timed by its last frame", "[media][video]") {
    auto info = inspectVideo(samples::webmVideo(webm(5000)));
    REQUIRE(info.ok());
    CHECK(info->contentType == "video/webm");
    CHECK(info->durationMs == 5000);
    CHECK(info->width == 640);
    CHECK(info->height == 480);
}

TEST_CASE("A WebM with sizes and a Duration element is accepted", "[media][video]") {
    samples::WebmSpec spec = webm(4200);
    spec.unknownSizes = false;
    spec.declaredDurationMs = 4233.0;
    spec.width = 1280;
    spec.height = 720;
    auto info = inspectVideo(samples::webmVideo(spec));
    REQUIRE(info.ok());
    CHECK(info->durationMs == 4233);
    CHECK(info->width == 1280);

    // A Duration that understates the frames does not let a long video through.
    spec.durationMs = 40000;
    spec.declaredDurationMs = 5000.0;
    requireError(inspectVideo(samples::webmVideo(spec)), ErrorKind::Invalid, "video_too_long");
}

TEST_CASE("An MP4 is timed by its movie header and sized by its video track", "[media][video]") {
    samples::Mp4Spec spec = mp4(12500);
    spec.timescale = 90000;
    auto info = inspectVideo(samples::mp4Video(spec));
    REQUIRE(info.ok());
    CHECK(info->contentType == "video/mp4");
    CHECK(info->durationMs == 12500);
    CHECK(info->width == 640);
    CHECK(info->height == 480);
}

TEST_CASE("A fragmented MP4 (Safari's MediaRecorder) is timed by its fragments' samples", "[media][video]") {
    samples::Mp4Spec spec = mp4(6500);
    spec.fragmented = true;
    spec.timescale = 90000;
    auto info = inspectVideo(samples::mp4Video(spec));
    REQUIRE(info.ok());
    CHECK(info->durationMs == 6500);
    CHECK(info->width == 640);

    spec.durationMs = 45000;
    requireError(inspectVideo(samples::mp4Video(spec)), ErrorKind::Invalid, "video_too_long");
}

TEST_CASE("Videos too short or too long are refused with what to do", "[media][video]") {
    auto shortWebm = inspectVideo(samples::webmVideo(webm(1500)));
    requireError(shortWebm, ErrorKind::Invalid, "video_too_short");
    CHECK(contains(shortWebm.error().message, "at least 2 seconds"));
    auto longWebm = inspectVideo(samples::webmVideo(webm(31000)));
    requireError(longWebm, ErrorKind::Invalid, "video_too_long");
    CHECK(contains(longWebm.error().message, "no more than 30 seconds"));
    requireError(inspectVideo(samples::mp4Video(mp4(1999))), ErrorKind::Invalid, "video_too_short");
    requireError(inspectVideo(samples::mp4Video(mp4(30001))), ErrorKind::Invalid, "video_too_long");
    CHECK(inspectVideo(samples::mp4Video(mp4(2000))).ok());
    CHECK(inspectVideo(samples::mp4Video(mp4(30000))).ok());
}

TEST_CASE("Photos, archives and other containers are refused as unsupported", "[media][video]") {
    samples::Mp4Spec quicktime;
    quicktime.brand = "qt  ";
    samples::WebmSpec matroska;
    matroska.docType = "matroska";
    for (const std::string& upload :
         {samples::pngPhoto(320, 320), samples::jpegPhoto(320, 320), samples::zipArchive(), samples::zipBomb(),
          samples::mp4Video(quicktime), samples::webmVideo(matroska), std::string("RIFF\0\0\0\0AVI ", 12),
          std::string()}) {
        auto r = inspectVideo(upload);
        requireError(r, ErrorKind::UnsupportedMediaType, "unsupported_media_type");
        CHECK(contains(r.error().message, "WebM or MP4"));
    }
}

TEST_CASE("A video without a picture track, or without frames, is refused", "[media][video]") {
    samples::WebmSpec audioOnly;
    audioOnly.videoTrack = false;
    auto r = inspectVideo(samples::webmVideo(audioOnly));
    requireError(r, ErrorKind::Invalid, "unreadable_video");
    CHECK(contains(r.error().message, "no video picture track"));
    samples::Mp4Spec sound;
    sound.videoTrack = false;
    requireError(inspectVideo(samples::mp4Video(sound)), ErrorKind::Invalid, "unreadable_video");
}

TEST_CASE("Truncated videos are refused as unreadable", "[media][video]") {
    const std::string mp4 = samples::mp4Video();
    for (std::size_t keep = 8; keep < mp4.size(); ++keep) {
        INFO("MP4 cut to " << keep);
        auto r = inspectVideo(mp4.substr(0, keep));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "unreadable_video");
    }
    const std::string webm = samples::webmVideo();
    for (std::size_t keep : {std::size_t{4}, std::size_t{20}, std::size_t{60}, std::size_t{150}, webm.size() - 3}) {
        INFO("WebM cut to " << keep);
        requireError(inspectVideo(webm.substr(0, keep)), ErrorKind::Invalid, "unreadable_video");
    }
    samples::WebmSpec sized;
    sized.unknownSizes = false;
    const std::string sizedWebm = samples::webmVideo(sized);
    for (std::size_t keep = 4; keep < sizedWebm.size(); keep += 7) {
        INFO("sized WebM cut to " << keep);
        requireError(inspectVideo(sizedWebm.substr(0, keep)), ErrorKind::Invalid, "unreadable_video");
    }
}

TEST_CASE("A video with an archive appended (a polyglot) is refused", "[media][video]") {
    const std::string zip = samples::zipArchive();
    samples::WebmSpec sized;
    sized.unknownSizes = false;
    for (const std::string& video : {samples::webmVideo(), samples::webmVideo(sized), samples::mp4Video()}) {
        auto r = inspectVideo(video + zip);
        requireError(r, ErrorKind::Invalid, "unreadable_video");
    }
    auto r = inspectVideo(samples::webmVideo(sized) + zip);
    CHECK(contains(r.error().message, "extra data after the end"));
    // Even bytes that look like a harmless element are refused after a sized Segment.
    requireError(inspectVideo(samples::webmVideo(sized) + std::string("\xEC\x80", 2)), ErrorKind::Invalid,
                 "unreadable_video");
}

TEST_CASE("Malformed boxes and elements are refused", "[media][video]") {
    std::string mp4 = samples::mp4Video();
    SECTION("an MP4 box that runs past the end of the file") {
        const std::size_t moov = mp4.find("moov") - 4;
        mp4[moov] = '\x7F';
        requireError(inspectVideo(mp4), ErrorKind::Invalid, "unreadable_video");
    }
    SECTION("an MP4 box with size zero (to the end of the file) as the last box") {
        const std::size_t mdat = mp4.find("mdat") - 4;
        mp4.replace(mdat, 4, std::string(4, '\0'));
        requireError(inspectVideo(mp4 + samples::zipArchive()), ErrorKind::Invalid, "unreadable_video");
    }
    SECTION("a WebM Tracks element larger than its Segment") {
        samples::WebmSpec sized;
        sized.unknownSizes = false;
        std::string webm = samples::webmVideo(sized);
        const std::size_t tracks = webm.find("\x16\x54\xAE\x6B");
        REQUIRE(tracks != std::string::npos);
        webm[tracks + 4] = '\x01';  // an 8-byte size follows
        webm.replace(tracks + 5, 7, std::string(7, '\x7F'));
        requireError(inspectVideo(webm), ErrorKind::Invalid, "unreadable_video");
    }
}

TEST_CASE("The video size limit is checked before a single byte is read", "[media][video]") {
    const samples::UnreadableRegion upload(std::size_t{2} * 1024 * 1024 * 1024);
    auto r = inspectVideo(upload.view());
    requireError(r, ErrorKind::TooLarge, "video_too_large");
    CHECK(contains(r.error().message, "50 MB"));

    const std::string video = samples::webmVideo();
    VideoLimits limits;
    limits.maxBytes = video.size();
    CHECK(inspectVideo(video, limits).ok());
    limits.maxBytes = video.size() - 1;
    requireError(inspectVideo(video, limits), ErrorKind::TooLarge, "video_too_large");
}
