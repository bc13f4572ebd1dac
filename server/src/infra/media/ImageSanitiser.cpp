#include "infra/media/ImageSanitiser.h"

#include <utility>

#include "infra/media/ExifOrientation.h"
#include "infra/media/ImageCodecs.h"
#include "infra/media/MediaErrors.h"
#include "infra/media/MediaSniffer.h"

namespace tessera::infra {
namespace {

constexpr int kJpegQuality = 92;

Status checkDimensions(int width, int height, const ImageLimits& limits) {
    const std::string size = std::to_string(width) + " by " + std::to_string(height) + " pixels";
    if (width > limits.maxWidth || height > limits.maxHeight) {
        return media::imageTooLarge(size + "; the most we accept is " + std::to_string(limits.maxWidth) + " by " +
                                    std::to_string(limits.maxHeight));
    }
    if (static_cast<std::uint64_t>(width) * static_cast<std::uint64_t>(height) > limits.maxPixels) {
        return media::imageTooLarge(size + "; the most we accept is " + std::to_string(limits.maxPixels / 1'000'000) +
                                    " million pixels");
    }
    if (width < limits.minWidth || height < limits.minHeight) {
        return media::imageTooSmall(limits.minWidth, limits.minHeight);
    }
    return Status::success();
}

}  // namespace

Result<SanitisedImage> sanitiseImage(std::string_view bytes, const ImageLimits& limits) {
    // The size is checked before a single byte is looked at.
    if (bytes.size() > limits.maxBytes) {
        return media::imageTooLarge("more than " + std::to_string(limits.maxBytes / (1024 * 1024)) + " MB");
    }
    const media::MediaKind kind = media::sniff(bytes);
    if (kind != media::MediaKind::Jpeg && kind != media::MediaKind::Png) return media::unsupportedImage();

    const media::DimensionCheck check = [&limits](int w, int h) { return checkDimensions(w, h, limits); };
    auto decoded = kind == media::MediaKind::Jpeg ? media::decodeJpeg(bytes, check) : media::decodePng(bytes, check);
    if (!decoded.ok()) return decoded.error();
    media::Pixels pixels = media::applyOrientation(std::move(decoded->pixels), decoded->orientation);

    auto encoded = kind == media::MediaKind::Jpeg ? media::encodeJpeg(pixels, kJpegQuality) : media::encodePng(pixels);
    if (!encoded.ok()) return encoded.error();
    SanitisedImage out;
    out.bytes = std::move(encoded.value());
    out.contentType = kind == media::MediaKind::Jpeg ? "image/jpeg" : "image/png";
    out.width = pixels.width;
    out.height = pixels.height;
    return out;
}

}  // namespace tessera::infra
