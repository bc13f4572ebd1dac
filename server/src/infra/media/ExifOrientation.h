#pragma once
// Photos from phones are often stored sideways with an EXIF Orientation tag saying how to turn
// them. Re-encoding drops EXIF, so the turn is applied to the pixels first, or a reviewer would
// see the document on its side.
#include <string_view>

#include "infra/media/Pixels.h"

namespace tessera::infra::media {

// The Orientation (1..8) in an APP1 "Exif\0\0" payload; 1 (as stored) if absent or unreadable.
int exifOrientation(std::string_view app1Payload);
// The pixels turned/mirrored so that they display upright for `orientation` (1..8).
Pixels applyOrientation(Pixels pixels, int orientation);

}  // namespace tessera::infra::media
