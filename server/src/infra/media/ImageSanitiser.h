#pragma once
// Uploaded document photos: only JPEG or PNG, fully decoded and re-encoded so that nothing but
// pixels survives (EXIF, GPS, comments, ICC profiles, trailing bytes, appended archives).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "tessera/shared/Result.h"

namespace tessera::infra {

struct ImageLimits {
    std::size_t maxBytes = 10 * 1024 * 1024;
    int maxWidth = 8000, maxHeight = 8000;
    int minWidth = 300, minHeight = 300;
    std::uint64_t maxPixels = 40'000'000;
};

struct SanitisedImage {
    std::string bytes;
    std::string contentType;  // "image/jpeg" or "image/png"
    int width = 0, height = 0;
};

// The format is sniffed from the bytes, never from a name or declared type. Dimensions are
// checked before any pixel memory is allocated; a JPEG's EXIF orientation is applied to the
// pixels (then dropped with the rest of the metadata). JPEG is re-encoded at quality 92, PNG as PNG.
// Errors: UnsupportedMediaType "unsupported_media_type"; Invalid "unreadable_image" (truncated or
// corrupt); TooLarge "image_too_large" (bytes, dimensions, pixels); Invalid "image_too_small".
Result<SanitisedImage> sanitiseImage(std::string_view bytes, const ImageLimits& limits = {});

}  // namespace tessera::infra
