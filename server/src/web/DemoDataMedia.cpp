#include "web/DemoDataMedia.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "infra/media/ImageCodecs.h"

namespace tessera::web::demo {

namespace {

constexpr int kWidth = 800, kHeight = 504;  // the ID-1 card's proportions (85.6 x 54 mm)

using Rgb = std::array<unsigned char, 3>;

// A saturated colour of this hue (HSV with S 0.55, V 0.75).
Rgb colourOf(int hue, double value = 0.75) {
    const double h = (hue % 360) / 60.0, s = 0.55;
    const double c = value * s, x = c * (1 - std::abs(std::fmod(h, 2.0) - 1)), m = value - c;
    double r = 0, g = 0, b = 0;
    switch (int(h)) {
        case 0: r = c, g = x; break;
        case 1: r = x, g = c; break;
        case 2: g = c, b = x; break;
        case 3: g = x, b = c; break;
        case 4: r = x, b = c; break;
        default: r = c, b = x; break;
    }
    auto byte = [&](double v) { return static_cast<unsigned char>(std::clamp((v + m) * 255.0, 0.0, 255.0)); };
    return {byte(r), byte(g), byte(b)};
}

class Canvas {
public:
    Canvas() {
        pixels_.width = kWidth;
        pixels_.height = kHeight;
        pixels_.channels = 3;
        pixels_.samples.resize(std::size_t(kWidth) * kHeight * 3);
        // Paper: a faint diagonal gradient, so the picture is not flat.
        for (int y = 0; y < kHeight; ++y)
            for (int x = 0; x < kWidth; ++x) {
                const auto shade = static_cast<unsigned char>(236 + (x + y) * 14 / (kWidth + kHeight));
                set(x, y, {shade, shade, static_cast<unsigned char>(shade - 6)});
            }
    }
    void fill(int x0, int y0, int x1, int y1, Rgb colour) {
        for (int y = std::max(0, y0); y < std::min(kHeight, y1); ++y)
            for (int x = std::max(0, x0); x < std::min(kWidth, x1); ++x) set(x, y, colour);
    }
    const infra::media::Pixels& pixels() const { return pixels_; }

private:
    void set(int x, int y, Rgb c) {
        const std::size_t at = (std::size_t(y) * kWidth + x) * 3;
        for (int i = 0; i < 3; ++i) pixels_.samples[at + i] = static_cast<char>(c[std::size_t(i)]);
    }
    infra::media::Pixels pixels_;
};

constexpr Rgb kInk{40, 44, 52};

void front(Canvas& c, int hue) {
    c.fill(0, 0, kWidth, 84, colourOf(hue));                   // the issuer's band
    c.fill(32, 28, 360, 52, {250, 250, 250});                   // its title
    c.fill(40, 120, 250, 400, colourOf(hue + 180, 0.55));       // the holder's photo
    c.fill(95, 170, 195, 270, colourOf(hue + 180, 0.85));       //   a face, more or less
    c.fill(75, 280, 215, 400, colourOf(hue + 180, 0.40));       //   and shoulders
    for (int line = 0; line < 6; ++line) {                      // printed details
        const int y = 130 + line * 44;
        c.fill(290, y, 420, y + 10, colourOf(hue, 0.45));        // the label
        c.fill(290, y + 16, 470 + (line * 53) % 260, y + 30, kInk);  // the value
    }
    c.fill(600, 400, 760, 470, colourOf(hue + 60, 0.8));        // a hologram patch
}

void back(Canvas& c, int hue) {
    c.fill(0, 40, kWidth, 110, {30, 30, 30});  // a magnetic stripe
    for (int line = 0; line < 4; ++line)       // small print
        c.fill(40, 150 + line * 30, 560 - line * 70, 162 + line * 30, colourOf(hue, 0.5));
    for (int row = 0; row < 3; ++row)          // the machine-readable zone: three rows of characters
        for (int i = 0; i < 30; ++i) {
            const int x = 40 + i * 24, y = 330 + row * 48;
            const int height = 18 + ((i * 7 + row * 3 + hue) % 4) * 4;
            c.fill(x, y + (30 - height), x + 16, y + 30, kInk);
        }
}

}  // namespace

Result<std::string> documentPhoto(CardSide side, int hue) {
    Canvas canvas;
    if (side == CardSide::Front) front(canvas, hue);
    else back(canvas, hue);
    return infra::media::encodeJpeg(canvas.pixels(), 88);
}

}  // namespace tessera::web::demo
