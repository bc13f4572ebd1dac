#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "infra/media/ImageSanitiser.h"
#include "support/MediaSamples.h"

using tessera::ErrorKind;
using tessera::infra::ImageLimits;
using tessera::infra::sanitiseImage;
namespace samples = tessera::test::media;

namespace {

bool contains(const std::string& haystack, std::string_view needle) { return haystack.find(needle) != std::string::npos; }

void requireError(const tessera::Result<tessera::infra::SanitisedImage>& r, ErrorKind kind, const std::string& code) {
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == kind);
    CHECK(r.error().code == code);
    CHECK_FALSE(r.error().message.empty());
}

}  // namespace

TEST_CASE("A JPEG with EXIF, GPS and a comment comes back as pixels only, same size", "[media][image]") {
    const std::string upload = samples::withExifAndGps(samples::jpegPhoto(640, 480));
    REQUIRE(contains(upload, "Exif"));
    REQUIRE(contains(upload, samples::kCameraMake));

    auto image = sanitiseImage(upload);
    REQUIRE(image.ok());
    CHECK(image->contentType == "image/jpeg");
    CHECK(image->width == 640);
    CHECK(image->height == 480);
    CHECK_FALSE(contains(image->bytes, "Exif"));
    CHECK_FALSE(contains(image->bytes, std::string_view("\xFF\xE1", 2)));  // no APP1 segment at all
    CHECK_FALSE(contains(image->bytes, samples::kCameraMake));
    CHECK_FALSE(contains(image->bytes, samples::kJpegComment));
    CHECK_FALSE(contains(image->bytes, std::string_view("\xFF\xFE", 2)));  // no comment segment
    // The result is itself a clean, acceptable photo.
    auto again = sanitiseImage(image->bytes);
    REQUIRE(again.ok());
    CHECK(again->width == 640);
}

TEST_CASE("A sideways phone photo is turned upright before its EXIF is dropped", "[media][image]") {
    auto turned = sanitiseImage(samples::withExifAndGps(samples::jpegPhoto(640, 480), 6));
    REQUIRE(turned.ok());
    CHECK(turned->width == 480);
    CHECK(turned->height == 640);
    auto upsideDown = sanitiseImage(samples::withExifAndGps(samples::jpegPhoto(640, 480), 3));
    REQUIRE(upsideDown.ok());
    CHECK(upsideDown->width == 640);
}

TEST_CASE("A PNG loses its text chunks, keeps its size and transparency", "[media][image]") {
    const std::string upload =
        samples::withPngText(samples::pngPhoto(400, 320, 4), "Comment", "home address: 1 Acacia Avenue");
    REQUIRE(contains(upload, "tEXt"));

    auto image = sanitiseImage(upload);
    REQUIRE(image.ok());
    CHECK(image->contentType == "image/png");
    CHECK(image->width == 400);
    CHECK(image->height == 320);
    CHECK_FALSE(contains(image->bytes, "tEXt"));
    CHECK_FALSE(contains(image->bytes, "Acacia"));
    CHECK(image->bytes[25] == 6);  // IHDR colour type: RGB with alpha
}

TEST_CASE("Grey JPEGs and RGB PNGs are accepted", "[media][image]") {
    auto grey = sanitiseImage(samples::greyJpegPhoto(300, 300));
    REQUIRE(grey.ok());
    CHECK(grey->contentType == "image/jpeg");
    auto rgb = sanitiseImage(samples::pngPhoto(1200, 800));
    REQUIRE(rgb.ok());
    CHECK(rgb->contentType == "image/png");
    CHECK(rgb->width == 1200);
}

TEST_CASE("Truncated or damaged photos are refused as unreadable", "[media][image]") {
    const std::string jpeg = samples::jpegPhoto(640, 480);
    const std::string png = samples::pngPhoto(640, 480);
    for (std::size_t keep : {std::size_t{3}, std::size_t{200}, jpeg.size() / 2, jpeg.size() - 2}) {
        INFO("JPEG cut to " << keep);
        requireError(sanitiseImage(jpeg.substr(0, keep)), ErrorKind::Invalid, "unreadable_image");
    }
    for (std::size_t keep : {std::size_t{8}, std::size_t{30}, png.size() / 2, png.size() - 1}) {
        INFO("PNG cut to " << keep);
        requireError(sanitiseImage(png.substr(0, keep)), ErrorKind::Invalid, "unreadable_image");
    }
    std::string badChunk = png;
    badChunk[20] = static_cast<char>(badChunk[20] ^ 0x40);  // IHDR no longer matches its CRC
    requireError(sanitiseImage(badChunk), ErrorKind::Invalid, "unreadable_image");

    auto r = sanitiseImage(jpeg.substr(0, jpeg.size() / 2));
    CHECK(contains(r.error().message, "Take the photo again"));
}

TEST_CASE("Anything but JPEG or PNG is refused, whatever it is called", "[media][image]") {
    for (const std::string& upload :
         {samples::zipArchive(), samples::webmVideo(), samples::mp4Video(), std::string("GIF89a....."),
          std::string("%PDF-1.7\n"), std::string(), std::string("\xFF\xD8", 2)}) {
        auto r = sanitiseImage(upload);
        requireError(r, ErrorKind::UnsupportedMediaType, "unsupported_media_type");
        CHECK(contains(r.error().message, "Upload a JPEG or PNG"));
    }
}

TEST_CASE("A zip bomb is refused as unsupported without being inflated", "[media][image]") {
    const std::string bomb = samples::zipBomb(64 * 1024 * 1024);
    REQUIRE(bomb.size() < 512 * 1024);
    const auto start = std::chrono::steady_clock::now();
    requireError(sanitiseImage(bomb), ErrorKind::UnsupportedMediaType, "unsupported_media_type");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(50));
}

TEST_CASE("A photo declaring huge dimensions is refused before any pixel is decoded", "[media][image]") {
    // The file has no real image data: had the decoder gone on to allocate and decode, it would
    // have failed as unreadable; too-large shows the check ran on the header alone.
    auto r = sanitiseImage(samples::pngDeclaring(50000, 50000));
    requireError(r, ErrorKind::TooLarge, "image_too_large");
    CHECK(contains(r.error().message, "50000 by 50000"));
    requireError(sanitiseImage(samples::pngDeclaring(8001, 400)), ErrorKind::TooLarge, "image_too_large");
    requireError(sanitiseImage(samples::pngDeclaring(0x7FFFFFFF, 1)), ErrorKind::TooLarge, "image_too_large");
    // Within the sides' limits but over the pixel budget (7000 x 7000 = 49 million).
    requireError(sanitiseImage(samples::pngDeclaring(7000, 7000)), ErrorKind::TooLarge, "image_too_large");
    requireError(sanitiseImage(samples::jpegPhoto(1000, 300), ImageLimits{10 * 1024 * 1024, 8000, 8000, 300, 300, 200'000}),
                 ErrorKind::TooLarge, "image_too_large");
}

TEST_CASE("A photo too small to check is refused with what to do", "[media][image]") {
    auto r = sanitiseImage(samples::jpegPhoto(299, 600));
    requireError(r, ErrorKind::Invalid, "image_too_small");
    CHECK(contains(r.error().message, "300 by 300"));
    requireError(sanitiseImage(samples::pngPhoto(600, 120)), ErrorKind::Invalid, "image_too_small");
}

TEST_CASE("Archives appended to a photo (polyglots) are gone after re-encoding", "[media][image]") {
    const std::string zip = samples::zipArchive();
    for (const std::string& photo : {samples::jpegPhoto(640, 480), samples::pngPhoto(640, 480)}) {
        const std::string polyglot = photo + zip;
        auto image = sanitiseImage(polyglot);
        REQUIRE(image.ok());
        CHECK_FALSE(contains(image->bytes, "PK\x03\x04"));
        CHECK_FALSE(contains(image->bytes, "readme.txt"));
        CHECK_FALSE(contains(image->bytes, "not a photo"));
    }
}

TEST_CASE("The size limit is checked before a single byte is read", "[media][image]") {
    // 2 GB of address space that would crash this test if the sanitiser touched it.
    const samples::UnreadableRegion upload(std::size_t{2} * 1024 * 1024 * 1024);
    auto r = sanitiseImage(upload.view());
    requireError(r, ErrorKind::TooLarge, "image_too_large");
    CHECK(contains(r.error().message, "10 MB"));

    const std::string jpeg = samples::jpegPhoto(400, 400);
    ImageLimits exact;
    exact.maxBytes = jpeg.size();
    CHECK(sanitiseImage(jpeg, exact).ok());
    exact.maxBytes = jpeg.size() - 1;
    requireError(sanitiseImage(jpeg, exact), ErrorKind::TooLarge, "image_too_large");
}
