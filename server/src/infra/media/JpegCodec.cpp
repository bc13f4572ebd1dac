// libjpeg reports errors by calling error_exit, which must not return: it longjmps. longjmp over
// a C++ frame with live destructors is undefined, so every libjpeg call happens in a C-style
// function that holds only plain data, sets its own jump target, and reports failure as `false`.
#include <csetjmp>
#include <cstdio>  // jpeglib.h needs FILE
#include <cstdlib>
#include <cstring>
#include <vector>

#include <jpeglib.h>

#include "infra/media/ExifOrientation.h"
#include "infra/media/ImageCodecs.h"
#include "infra/media/MediaErrors.h"

namespace tessera::infra::media {
namespace {

// A progressive JPEG can hold thousands of tiny scans that each cost a full pass (a known CPU
// exhaustion trick); real cameras write at most a dozen or so.
constexpr int kMaxScans = 100;
constexpr long kMaxDecoderMemory = 512L * 1024 * 1024;

struct JpegErrorManager {
    jpeg_error_mgr pub;
    std::jmp_buf jump;
};

void onJpegError(j_common_ptr cinfo) { std::longjmp(reinterpret_cast<JpegErrorManager*>(cinfo->err)->jump, 1); }

// Warnings (level -1) include "premature end of JPEG file", which libjpeg papers over with grey:
// a truncated upload must be refused, so every warning is treated as an error.
void onJpegMessage(j_common_ptr cinfo, int level) {
    if (level < 0) onJpegError(cinfo);
}

void onJpegOutput(j_common_ptr) {}  // never print to stderr

void onJpegProgress(j_common_ptr cinfo) {
    if (cinfo->is_decompressor && reinterpret_cast<j_decompress_ptr>(cinfo)->input_scan_number > kMaxScans) {
        onJpegError(cinfo);
    }
}

void installErrorHandlers(JpegErrorManager* err) {
    jpeg_std_error(&err->pub);
    err->pub.error_exit = onJpegError;
    err->pub.emit_message = onJpegMessage;
    err->pub.output_message = onJpegOutput;
}

struct JpegDecoder {
    jpeg_decompress_struct cinfo;
    JpegErrorManager err;
    jpeg_progress_mgr progress;
    bool created;
};

bool jpegReadHeader(JpegDecoder* d, const unsigned char* data, unsigned long size) {
    d->cinfo.err = &d->err.pub;
    installErrorHandlers(&d->err);
    if (setjmp(d->err.jump)) return false;
    jpeg_create_decompress(&d->cinfo);
    d->created = true;
    d->progress.progress_monitor = onJpegProgress;
    d->cinfo.progress = &d->progress;
    d->cinfo.mem->max_memory_to_use = kMaxDecoderMemory;
    jpeg_save_markers(&d->cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_mem_src(&d->cinfo, data, size);
    return jpeg_read_header(&d->cinfo, TRUE) == JPEG_HEADER_OK;
}

bool jpegReadPixels(JpegDecoder* d, J_COLOR_SPACE outSpace, unsigned char* out, std::size_t rowBytes) {
    if (setjmp(d->err.jump)) return false;
    d->cinfo.out_color_space = outSpace;
    jpeg_start_decompress(&d->cinfo);
    if (static_cast<std::size_t>(d->cinfo.output_width) * static_cast<std::size_t>(d->cinfo.output_components) !=
        rowBytes) {
        return false;
    }
    while (d->cinfo.output_scanline < d->cinfo.output_height) {
        JSAMPROW row = out + static_cast<std::size_t>(d->cinfo.output_scanline) * rowBytes;
        if (jpeg_read_scanlines(&d->cinfo, &row, 1) != 1) return false;
    }
    jpeg_finish_decompress(&d->cinfo);
    return true;
}

struct JpegEncoder {
    jpeg_compress_struct cinfo;
    JpegErrorManager err;
    unsigned char* out;
    unsigned long outSize;
    bool created;
};

bool jpegWrite(JpegEncoder* e, const Pixels* pixels, int quality, unsigned char** rows) {
    e->cinfo.err = &e->err.pub;
    installErrorHandlers(&e->err);
    if (setjmp(e->err.jump)) return false;
    jpeg_create_compress(&e->cinfo);
    e->created = true;
    jpeg_mem_dest(&e->cinfo, &e->out, &e->outSize);
    e->cinfo.image_width = static_cast<JDIMENSION>(pixels->width);
    e->cinfo.image_height = static_cast<JDIMENSION>(pixels->height);
    e->cinfo.input_components = pixels->channels;
    e->cinfo.in_color_space = pixels->channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&e->cinfo);
    jpeg_set_quality(&e->cinfo, quality, TRUE);
    e->cinfo.optimize_coding = TRUE;
    jpeg_start_compress(&e->cinfo, TRUE);
    jpeg_write_scanlines(&e->cinfo, rows, static_cast<JDIMENSION>(pixels->height));
    jpeg_finish_compress(&e->cinfo);
    return true;
}

// Adobe writes CMYK JPEGs inverted; libjpeg-turbo cannot convert them to RGB itself.
Pixels cmykToRgb(const Pixels& cmyk) {
    Pixels rgb{cmyk.width, cmyk.height, 3, {}};
    const std::size_t n = static_cast<std::size_t>(cmyk.width) * static_cast<std::size_t>(cmyk.height);
    rgb.samples.resize(n * 3);
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned k = static_cast<std::uint8_t>(cmyk.samples[i * 4 + 3]);
        for (std::size_t ch = 0; ch < 3; ++ch) {
            const unsigned c = static_cast<std::uint8_t>(cmyk.samples[i * 4 + ch]);
            rgb.samples[i * 3 + ch] = static_cast<char>(c * k / 255);
        }
    }
    return rgb;
}

int orientationOf(const jpeg_decompress_struct& cinfo) {
    for (jpeg_saved_marker_ptr m = cinfo.marker_list; m != nullptr; m = m->next) {
        if (m->marker != JPEG_APP0 + 1) continue;
        const int orientation =
            exifOrientation(std::string_view(reinterpret_cast<const char*>(m->data), m->data_length));
        if (orientation != 1) return orientation;
    }
    return 1;
}

}  // namespace

Result<DecodedImage> decodeJpeg(std::string_view bytes, const DimensionCheck& check) {
    JpegDecoder d{};
    struct Cleanup {
        JpegDecoder& d;
        ~Cleanup() {
            if (d.created) jpeg_destroy_decompress(&d.cinfo);
        }
    } cleanup{d};

    if (!jpegReadHeader(&d, reinterpret_cast<const unsigned char*>(bytes.data()),
                        static_cast<unsigned long>(bytes.size()))) {
        return unreadableImage();
    }
    const int width = static_cast<int>(d.cinfo.image_width), height = static_cast<int>(d.cinfo.image_height);
    if (auto s = check(width, height); !s.ok()) return s.error();

    J_COLOR_SPACE outSpace = JCS_RGB;
    int channels = 3;
    if (d.cinfo.jpeg_color_space == JCS_GRAYSCALE) {
        outSpace = JCS_GRAYSCALE;
        channels = 1;
    } else if (d.cinfo.jpeg_color_space == JCS_CMYK || d.cinfo.jpeg_color_space == JCS_YCCK) {
        outSpace = JCS_CMYK;
        channels = 4;
    }
    DecodedImage image;
    image.orientation = orientationOf(d.cinfo);
    image.pixels = Pixels{width, height, channels, {}};
    const std::size_t rowBytes = static_cast<std::size_t>(width) * static_cast<std::size_t>(channels);
    image.pixels.samples.resize(rowBytes * static_cast<std::size_t>(height));
    if (!jpegReadPixels(&d, outSpace, reinterpret_cast<unsigned char*>(image.pixels.samples.data()), rowBytes)) {
        return unreadableImage();
    }
    if (channels == 4) image.pixels = cmykToRgb(image.pixels);
    return image;
}

Result<std::string> encodeJpeg(const Pixels& pixels, int quality) {
    if ((pixels.channels != 1 && pixels.channels != 3) || pixels.width <= 0 || pixels.height <= 0) {
        return Error::internal("encodeJpeg takes grey or RGB pixels");
    }
    std::vector<unsigned char*> rows(static_cast<std::size_t>(pixels.height));
    const std::size_t rowBytes = static_cast<std::size_t>(pixels.width) * static_cast<std::size_t>(pixels.channels);
    auto* base = reinterpret_cast<unsigned char*>(const_cast<char*>(pixels.samples.data()));
    for (std::size_t y = 0; y < rows.size(); ++y) rows[y] = base + y * rowBytes;

    JpegEncoder e{};
    const bool ok = jpegWrite(&e, &pixels, quality, rows.data());
    if (e.created) jpeg_destroy_compress(&e.cinfo);
    std::string out;
    if (ok) out.assign(reinterpret_cast<const char*>(e.out), e.outSize);
    std::free(e.out);
    if (!ok) return Error::internal("libjpeg could not encode the image");
    return out;
}

}  // namespace tessera::infra::media
