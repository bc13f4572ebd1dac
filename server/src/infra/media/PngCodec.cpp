// libpng reports errors by longjmp to png_jmpbuf. As with JPEG, every libpng call happens in a
// C-style function holding only plain data (no destructors to skip); failure comes back as `false`.
#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <png.h>

#include "infra/media/ImageCodecs.h"
#include "infra/media/MediaErrors.h"

namespace tessera::infra::media {
namespace {

// Ancillary chunks are ignored (never decompressed), so zTXt/iCCP bombs cost nothing; this
// caps anything libpng still buffers.
constexpr png_alloc_size_t kMaxChunkBytes = 8 * 1024 * 1024;

struct PngSource {
    const unsigned char* data;
    std::size_t size;
    std::size_t pos;
};

void onPngRead(png_structp png, png_bytep out, png_size_t n) {
    auto* src = static_cast<PngSource*>(png_get_io_ptr(png));
    if (n > src->size - src->pos) png_error(png, "unexpected end of data");
    std::memcpy(out, src->data + src->pos, n);
    src->pos += n;
}

void onPngError(png_structp png, png_const_charp) { png_longjmp(png, 1); }
void onPngWarning(png_structp, png_const_charp) {}

struct PngDecoder {
    png_structp png;
    png_infop info;
    PngSource source;
};

bool pngReadHeader(PngDecoder* d) {
    d->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, onPngError, onPngWarning);
    if (d->png == nullptr) return false;
    d->info = png_create_info_struct(d->png);
    if (d->info == nullptr) return false;
    if (setjmp(png_jmpbuf(d->png))) return false;
    png_set_read_fn(d->png, &d->source, onPngRead);
    // Let every declared size through to our own check (which explains the limit to the citizen);
    // libpng allocates nothing per row until png_read_update_info.
    png_set_user_limits(d->png, 0x7fffffff, 0x7fffffff);
    png_set_chunk_malloc_max(d->png, kMaxChunkBytes);
    png_set_chunk_cache_max(d->png, 1000);
    // Negative count: ignore every chunk except IHDR, PLTE, tRNS, IDAT and IEND.
    png_set_keep_unknown_chunks(d->png, PNG_HANDLE_CHUNK_NEVER, nullptr, -1);
    png_read_info(d->png, d->info);
    return true;
}

bool pngReadPixels(PngDecoder* d, unsigned char** rows, std::size_t rowBytes) {
    if (setjmp(png_jmpbuf(d->png))) return false;
    png_set_expand(d->png);  // palette to RGB, grey to 8 bits, tRNS to an alpha channel
    png_set_strip_16(d->png);
    png_set_interlace_handling(d->png);
    png_read_update_info(d->png, d->info);
    if (png_get_rowbytes(d->png, d->info) != rowBytes) return false;
    png_read_image(d->png, rows);
    png_read_end(d->png, nullptr);  // reads on to IEND: a cut-off file fails here
    return true;
}

struct PngSink {
    unsigned char* data;
    std::size_t size;
    std::size_t capacity;
};

void onPngWrite(png_structp png, png_bytep in, png_size_t n) {
    auto* sink = static_cast<PngSink*>(png_get_io_ptr(png));
    if (n > sink->capacity - sink->size) {
        std::size_t capacity = sink->capacity == 0 ? 64 * 1024 : sink->capacity;
        while (n > capacity - sink->size) capacity *= 2;
        auto* grown = static_cast<unsigned char*>(std::realloc(sink->data, capacity));
        if (grown == nullptr) png_error(png, "out of memory");
        sink->data = grown;
        sink->capacity = capacity;
    }
    std::memcpy(sink->data + sink->size, in, n);
    sink->size += n;
}

void onPngFlush(png_structp) {}

struct PngEncoder {
    png_structp png;
    png_infop info;
    PngSink sink;
};

bool pngWrite(PngEncoder* e, const Pixels* pixels, unsigned char** rows) {
    e->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, onPngError, onPngWarning);
    if (e->png == nullptr) return false;
    e->info = png_create_info_struct(e->png);
    if (e->info == nullptr) return false;
    if (setjmp(png_jmpbuf(e->png))) return false;
    png_set_write_fn(e->png, &e->sink, onPngWrite, onPngFlush);
    static const int kColourTypes[] = {0, PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA, PNG_COLOR_TYPE_RGB,
                                       PNG_COLOR_TYPE_RGB_ALPHA};
    png_set_IHDR(e->png, e->info, static_cast<png_uint_32>(pixels->width), static_cast<png_uint_32>(pixels->height), 8,
                 kColourTypes[pixels->channels], PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(e->png, e->info);
    png_write_image(e->png, rows);
    png_write_end(e->png, nullptr);
    return true;
}

int channelsAfterExpansion(png_structp png, png_infop info) {
    const int colourType = png_get_color_type(png, info);
    int channels = 3;
    if (colourType == PNG_COLOR_TYPE_GRAY) channels = 1;
    if (colourType == PNG_COLOR_TYPE_GRAY_ALPHA) channels = 2;
    if (colourType == PNG_COLOR_TYPE_RGB_ALPHA) channels = 4;
    const bool canGainAlpha = colourType == PNG_COLOR_TYPE_GRAY || colourType == PNG_COLOR_TYPE_RGB ||
                              colourType == PNG_COLOR_TYPE_PALETTE;
    if (canGainAlpha && png_get_valid(png, info, PNG_INFO_tRNS)) ++channels;
    return channels;
}

std::vector<unsigned char*> rowPointers(const Pixels& pixels) {
    std::vector<unsigned char*> rows(static_cast<std::size_t>(pixels.height));
    const std::size_t rowBytes = static_cast<std::size_t>(pixels.width) * static_cast<std::size_t>(pixels.channels);
    auto* base = reinterpret_cast<unsigned char*>(const_cast<char*>(pixels.samples.data()));
    for (std::size_t y = 0; y < rows.size(); ++y) rows[y] = base + y * rowBytes;
    return rows;
}

}  // namespace

Result<DecodedImage> decodePng(std::string_view bytes, const DimensionCheck& check) {
    PngDecoder d{};
    d.source = PngSource{reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), 0};
    struct Cleanup {
        PngDecoder& d;
        ~Cleanup() {
            if (d.png != nullptr) png_destroy_read_struct(&d.png, d.info != nullptr ? &d.info : nullptr, nullptr);
        }
    } cleanup{d};

    if (!pngReadHeader(&d)) return unreadableImage();
    const auto width = png_get_image_width(d.png, d.info), height = png_get_image_height(d.png, d.info);
    if (width == 0 || height == 0 || width > 0x7fffffff || height > 0x7fffffff) return unreadableImage();
    if (auto s = check(static_cast<int>(width), static_cast<int>(height)); !s.ok()) return s.error();

    DecodedImage image;
    image.pixels = Pixels{static_cast<int>(width), static_cast<int>(height), channelsAfterExpansion(d.png, d.info), {}};
    const std::size_t rowBytes = static_cast<std::size_t>(width) * static_cast<std::size_t>(image.pixels.channels);
    image.pixels.samples.resize(rowBytes * height);
    std::vector<unsigned char*> rows = rowPointers(image.pixels);
    if (!pngReadPixels(&d, rows.data(), rowBytes)) return unreadableImage();
    return image;
}

Result<std::string> encodePng(const Pixels& pixels) {
    if (pixels.channels < 1 || pixels.channels > 4 || pixels.width <= 0 || pixels.height <= 0) {
        return Error::internal("encodePng takes 1 to 4 channels");
    }
    std::vector<unsigned char*> rows = rowPointers(pixels);
    PngEncoder e{};
    const bool ok = pngWrite(&e, &pixels, rows.data());
    if (e.png != nullptr) png_destroy_write_struct(&e.png, e.info != nullptr ? &e.info : nullptr);
    std::string out;
    if (ok) out.assign(reinterpret_cast<const char*>(e.sink.data), e.sink.size);
    std::free(e.sink.data);
    if (!ok) return Error::internal("libpng could not encode the image");
    return out;
}

}  // namespace tessera::infra::media
