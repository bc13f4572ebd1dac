#include "infra/media/ExifOrientation.h"

#include <cstdint>
#include <cstring>
#include <utility>

namespace tessera::infra::media {
namespace {

class TiffReader {
public:
    TiffReader(std::string_view tiff, bool littleEndian) : tiff_(tiff), little_(littleEndian) {}
    bool has(std::size_t at, std::size_t n) const { return at <= tiff_.size() && n <= tiff_.size() - at; }
    std::uint32_t u16(std::size_t at) const { return get(at, 2); }
    std::uint32_t u32(std::size_t at) const { return get(at, 4); }

private:
    std::uint32_t get(std::size_t at, int n) const {
        std::uint32_t v = 0;
        for (int i = 0; i < n; ++i) {
            const std::uint32_t b = static_cast<std::uint8_t>(tiff_[at + static_cast<std::size_t>(i)]);
            v |= little_ ? b << (8 * i) : b << (8 * (n - 1 - i));
        }
        return v;
    }
    std::string_view tiff_;
    bool little_;
};

}  // namespace

int exifOrientation(std::string_view payload) {
    constexpr std::string_view kExif("Exif\0\0", 6);
    if (payload.substr(0, kExif.size()) != kExif) return 1;
    const std::string_view tiff = payload.substr(kExif.size());
    if (tiff.size() < 8) return 1;
    bool little = false;
    if (tiff.substr(0, 4) == std::string_view("II*\0", 4)) {
        little = true;
    } else if (tiff.substr(0, 4) != std::string_view("MM\0*", 4)) {
        return 1;
    }
    const TiffReader r(tiff, little);
    const std::size_t ifd = r.u32(4);
    if (!r.has(ifd, 2)) return 1;
    const std::size_t entries = r.u16(ifd);
    for (std::size_t i = 0; i < entries; ++i) {
        const std::size_t entry = ifd + 2 + 12 * i;
        if (!r.has(entry, 12)) return 1;
        if (r.u16(entry) != 0x0112) continue;
        if (r.u16(entry + 2) != 3 || r.u32(entry + 4) != 1) return 1;  // SHORT, one value
        const std::uint32_t value = r.u16(entry + 8);
        return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
    }
    return 1;
}

Pixels applyOrientation(Pixels in, int orientation) {
    if (orientation <= 1 || orientation > 8) return in;
    const bool swap = orientation >= 5;
    const std::size_t w = static_cast<std::size_t>(in.width), h = static_cast<std::size_t>(in.height);
    const std::size_t c = static_cast<std::size_t>(in.channels);
    Pixels out;
    out.width = swap ? in.height : in.width;
    out.height = swap ? in.width : in.height;
    out.channels = in.channels;
    out.samples.resize(in.samples.size());
    const std::size_t ow = static_cast<std::size_t>(out.width), oh = static_cast<std::size_t>(out.height);
    for (std::size_t y = 0; y < oh; ++y) {
        for (std::size_t x = 0; x < ow; ++x) {
            std::size_t sx = x, sy = y;  // where output (x, y) comes from in the stored image
            switch (orientation) {
                case 2: sx = w - 1 - x; break;
                case 3: sx = w - 1 - x; sy = h - 1 - y; break;
                case 4: sy = h - 1 - y; break;
                case 5: sx = y; sy = x; break;
                case 6: sx = y; sy = h - 1 - x; break;
                case 7: sx = w - 1 - y; sy = h - 1 - x; break;
                case 8: sx = w - 1 - y; sy = x; break;
                default: break;
            }
            std::memcpy(out.samples.data() + (y * ow + x) * c, in.samples.data() + (sy * w + sx) * c, c);
        }
    }
    return out;
}

}  // namespace tessera::infra::media
