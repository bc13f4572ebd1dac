#include "infra/QrSvg.h"

#include <qrencode.h>

#include <memory>

namespace tessera::infra {
namespace {

constexpr int kQuietZone = 4;

struct QrFree {
    void operator()(QRcode* q) const { QRcode_free(q); }
};

std::string xmlEscape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

}  // namespace

Result<std::string> qrSvg(std::string_view text, std::string_view ariaLabel) {
    if (text.empty() || text.find('\0') != std::string_view::npos) {
        return Error::invalid("qr_text_invalid", "A QR code needs non-empty text without NUL characters.");
    }
    const std::string terminated(text);  // libqrencode wants a C string
    std::unique_ptr<QRcode, QrFree> qr(QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!qr) return Error::invalid("qr_text_too_long", "The text is too long for a QR code.");

    const int width = qr->width;
    const int size = width + 2 * kQuietZone;
    const std::string n = std::to_string(size);
    std::string d;
    // One horizontal run per sequence of dark modules in a row keeps the path short.
    for (int y = 0; y < width; ++y) {
        const unsigned char* row = qr->data + static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
        for (int x = 0; x < width;) {
            if ((row[x] & 1) == 0) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < width && (row[x + run] & 1) != 0) ++run;
            d += 'M' + std::to_string(x + kQuietZone) + ' ' + std::to_string(y + kQuietZone) + 'h' +
                 std::to_string(run) + "v1h-" + std::to_string(run) + 'z';
            x += run;
        }
    }
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + ' ' + n +
                      "\" role=\"img\" aria-label=\"" + xmlEscape(ariaLabel) +
                      "\" shape-rendering=\"crispEdges\">";
    // Explicit white background: scanners need light quiet zone even on dark-themed pages.
    svg += "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>";
    svg += "<path fill=\"#000\" d=\"" + d + "\"/></svg>";
    return svg;
}

}  // namespace tessera::infra
