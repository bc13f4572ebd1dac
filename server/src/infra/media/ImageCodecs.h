#pragma once
// JPEG (libjpeg-turbo) and PNG (libpng) decoding and encoding from and to memory.
// Decoders read the header first and ask `check` about the declared dimensions before any pixel
// memory is allocated, so a small file declaring a huge image (a decompression bomb) costs nothing.
#include <functional>
#include <string>
#include <string_view>

#include "infra/media/Pixels.h"
#include "tessera/shared/Result.h"

namespace tessera::infra::media {

using DimensionCheck = std::function<Status(int width, int height)>;

struct DecodedImage {
    Pixels pixels;
    int orientation = 1;  // EXIF orientation (JPEG only), not yet applied
};

// Errors: whatever `check` returns; Invalid "unreadable_image" for a damaged, truncated or
// unsupported stream (libjpeg warnings such as premature end of data count as damage).
Result<DecodedImage> decodeJpeg(std::string_view bytes, const DimensionCheck& check);
Result<DecodedImage> decodePng(std::string_view bytes, const DimensionCheck& check);

// Baseline JPEG without any metadata segment (grey or RGB pixels only).
Result<std::string> encodeJpeg(const Pixels& pixels, int quality);
// 8-bit PNG without ancillary chunks.
Result<std::string> encodePng(const Pixels& pixels);

}  // namespace tessera::infra::media
