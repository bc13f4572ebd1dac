#pragma once
// Decoded image samples: 8 bits per channel, rows top to bottom, channels interleaved
// (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA).
#include <string>

namespace tessera::infra::media {

struct Pixels {
    int width = 0;
    int height = 0;
    int channels = 0;
    std::string samples;  // width * height * channels bytes
};

}  // namespace tessera::infra::media
