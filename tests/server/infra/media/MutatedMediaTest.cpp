// Damaged uploads in bulk: bytes flipped, cut or duplicated at random (fixed seed, so a failure
// can be replayed) must never crash the checks; each gives a result or one of the documented errors.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>

#include "infra/media/ImageSanitiser.h"
#include "infra/media/VideoInspector.h"
#include "support/MediaSamples.h"

namespace samples = tessera::test::media;

namespace {

std::string mutate(std::string bytes, std::mt19937& rng) {
    std::uniform_int_distribution<int> kind(0, 3);
    const auto at = [&] { return std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(rng); };
    switch (kind(rng)) {
        case 0:
            for (int i = 0; i < 4; ++i) bytes[at()] = static_cast<char>(rng());
            break;
        case 1: bytes.resize(at()); break;
        case 2: bytes.insert(at(), bytes.substr(at(), 64)); break;
        default: bytes.erase(at(), 16); break;
    }
    return bytes;
}

}  // namespace

TEST_CASE("Randomly damaged photos are decoded or refused, never crash", "[media][image]") {
    const std::set<std::string> codes{"unsupported_media_type", "unreadable_image", "image_too_large",
                                      "image_too_small"};
    std::mt19937 rng(20240501);
    for (const std::string& photo : {samples::withExifAndGps(samples::jpegPhoto(320, 320)), samples::pngPhoto(320, 320, 4)}) {
        for (int i = 0; i < 150; ++i) {
            auto r = tessera::infra::sanitiseImage(mutate(photo, rng));
            if (!r.ok()) CHECK(codes.count(r.error().code) == 1);
        }
    }
}

TEST_CASE("Randomly damaged videos are read or refused, never crash", "[media][video]") {
    const std::set<std::string> codes{"unsupported_media_type", "unreadable_video", "video_too_large",
                                      "video_too_short", "video_too_long"};
    samples::Mp4Spec fragmented;
    fragmented.fragmented = true;
    std::mt19937 rng(20240502);
    for (const std::string& video : {samples::webmVideo(), samples::mp4Video(), samples::mp4Video(fragmented)}) {
        for (int i = 0; i < 300; ++i) {
            auto r = tessera::infra::inspectVideo(mutate(video, rng));
            if (!r.ok()) CHECK(codes.count(r.error().code) == 1);
        }
    }
}
