#include "support/MediaSamples.h"

#include <sys/mman.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "infra/media/ImageCodecs.h"

namespace tessera::test::media {
namespace {

using infra::media::Pixels;

std::string be16(std::uint32_t v) { return {char((v >> 8) & 0xFF), char(v & 0xFF)}; }
std::string be32(std::uint32_t v) { return be16(v >> 16) + be16(v & 0xFFFF); }
std::string be64(std::uint64_t v) { return be32(std::uint32_t(v >> 32)) + be32(std::uint32_t(v)); }
std::string le16(std::uint32_t v) { return {char(v & 0xFF), char((v >> 8) & 0xFF)}; }
std::string le32(std::uint32_t v) { return le16(v & 0xFFFF) + le16(v >> 16); }
std::string zeros(std::size_t n) { return std::string(n, '\0'); }

Pixels gradient(int width, int height, int channels) {
    Pixels p{width, height, channels, {}};
    p.samples.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * static_cast<std::size_t>(channels));
    std::size_t i = 0;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            for (int c = 0; c < channels; ++c) {
                const int v = c == 0 ? x * 255 / width : c == 1 ? y * 255 / height : c == 2 ? (x + y) % 256 : 200;
                p.samples[i++] = static_cast<char>(v);
            }
        }
    }
    return p;
}

std::string must(tessera::Result<std::string> r) {
    if (!r.ok()) throw std::runtime_error("test media encoding failed: " + r.error().message);
    return std::move(r.value());
}

std::string pngChunk(std::string_view type, std::string_view data) {
    std::string typed(type);
    typed.append(data);
    return be32(static_cast<std::uint32_t>(data.size())) + typed + be32(crc32(typed));
}

// --- deflate ------------------------------------------------------------------------------------
class BitWriter {
public:
    void bits(std::uint32_t value, int n) {  // LSB first (header fields)
        for (int i = 0; i < n; ++i) bit((value >> i) & 1);
    }
    void code(std::uint32_t value, int n) {  // MSB first (Huffman codes)
        for (int i = n - 1; i >= 0; --i) bit((value >> i) & 1);
    }
    std::string finish() {
        if (used_ > 0) out_.push_back(static_cast<char>(current_));
        return out_;
    }

private:
    void bit(std::uint32_t b) {
        current_ |= b << used_;
        if (++used_ == 8) {
            out_.push_back(static_cast<char>(current_));
            current_ = 0;
            used_ = 0;
        }
    }
    std::string out_;
    std::uint32_t current_ = 0;
    int used_ = 0;
};

// One fixed-Huffman block: a literal zero, then "copy 258 bytes from distance 1" again and again.
std::string deflateZeros(std::size_t n) {
    BitWriter w;
    w.bits(1, 1);  // BFINAL
    w.bits(1, 2);  // BTYPE = fixed Huffman
    std::size_t written = 0;
    if (n > 0) {
        w.code(0x30, 8);  // literal 0
        written = 1;
    }
    while (n - written >= 258) {
        w.code(0xC5, 8);  // length code 285 = 258
        w.code(0, 5);     // distance code 0 = 1
        written += 258;
    }
    while (written < n) {
        w.code(0x30, 8);
        ++written;
    }
    w.code(0, 7);  // end of block
    return w.finish();
}

std::string zipOf(std::string_view name, std::uint16_t method, std::string_view data, std::uint32_t crc,
                  std::uint32_t inflatedSize) {
    std::string local = le32(0x04034b50) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0x21) + le32(crc) +
                        le32(static_cast<std::uint32_t>(data.size())) + le32(inflatedSize) +
                        le16(static_cast<std::uint32_t>(name.size())) + le16(0) + std::string(name) + std::string(data);
    std::string central = le32(0x02014b50) + le16(20) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0x21) +
                          le32(crc) + le32(static_cast<std::uint32_t>(data.size())) + le32(inflatedSize) +
                          le16(static_cast<std::uint32_t>(name.size())) + le16(0) + le16(0) + le16(0) + le16(0) +
                          le32(0) + le32(0) + std::string(name);
    std::string end = le32(0x06054b50) + le16(0) + le16(0) + le16(1) + le16(1) +
                      le32(static_cast<std::uint32_t>(central.size())) + le32(static_cast<std::uint32_t>(local.size())) +
                      le16(0);
    return local + central + end;
}

// --- EBML ---------------------------------------------------------------------------------------
std::string ebmlId(std::uint32_t id) {
    std::string out;
    for (int shift = 24; shift >= 0; shift -= 8) {
        if ((id >> shift) != 0 || shift == 0) out.push_back(static_cast<char>((id >> shift) & 0xFF));
    }
    return out;
}

std::string ebmlSize(std::uint64_t n) {
    int len = 1;
    while (len < 8 && n >= (std::uint64_t{1} << (7 * len)) - 1) ++len;
    std::string out;
    for (int i = len - 1; i >= 0; --i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
    out[0] = static_cast<char>(static_cast<std::uint8_t>(out[0]) | (0x80 >> (len - 1)));
    return out;
}

const std::string kUnknownSize("\x01\xFF\xFF\xFF\xFF\xFF\xFF\xFF", 8);

std::string el(std::uint32_t id, std::string_view payload) { return ebmlId(id) + ebmlSize(payload.size()) + std::string(payload); }
std::string elUnknown(std::uint32_t id, std::string_view payload) { return ebmlId(id) + kUnknownSize + std::string(payload); }
std::string elUint(std::uint32_t id, std::uint64_t v) {
    std::string bytes;
    do {
        bytes.insert(bytes.begin(), static_cast<char>(v & 0xFF));
        v >>= 8;
    } while (v != 0);
    return el(id, bytes);
}
std::string elFloat(std::uint32_t id, double v) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    return el(id, be64(bits));
}

// --- ISO BMFF -----------------------------------------------------------------------------------
std::string box(std::string_view type, std::string_view payload) {
    return be32(static_cast<std::uint32_t>(8 + payload.size())) + std::string(type) + std::string(payload);
}
std::string matrix() {
    return be32(0x00010000) + be32(0) + be32(0) + be32(0) + be32(0x00010000) + be32(0) + be32(0) + be32(0) +
           be32(0x40000000);
}

}  // namespace

// --- photos -------------------------------------------------------------------------------------
std::string jpegPhoto(int width, int height) { return must(infra::media::encodeJpeg(gradient(width, height, 3), 90)); }
std::string greyJpegPhoto(int width, int height) { return must(infra::media::encodeJpeg(gradient(width, height, 1), 90)); }
std::string pngPhoto(int width, int height, int channels) { return must(infra::media::encodePng(gradient(width, height, channels))); }

std::string withExifAndGps(const std::string& jpeg, int orientation) {
    // Big-endian TIFF: IFD0 (Make, Orientation, GPS pointer) at 8, GPS IFD at 50, data from 104.
    const std::string make = std::string(kCameraMake) + '\0';
    const std::uint32_t makeAt = 104, latitudeAt = 120, longitudeAt = 144;
    std::string tiff = "MM" + be16(42) + be32(8);
    tiff += be16(3);
    tiff += be16(0x010F) + be16(2) + be32(static_cast<std::uint32_t>(make.size())) + be32(makeAt);
    tiff += be16(0x0112) + be16(3) + be32(1) + be16(static_cast<std::uint32_t>(orientation)) + be16(0);
    tiff += be16(0x8825) + be16(4) + be32(1) + be32(50);
    tiff += be32(0);
    tiff += be16(4);
    tiff += be16(0x0001) + be16(2) + be32(2) + std::string("N\0\0\0", 4);
    tiff += be16(0x0002) + be16(5) + be32(3) + be32(latitudeAt);
    tiff += be16(0x0003) + be16(2) + be32(2) + std::string("W\0\0\0", 4);
    tiff += be16(0x0004) + be16(5) + be32(3) + be32(longitudeAt);
    tiff += be32(0);
    tiff += make;
    tiff.resize(latitudeAt, '\0');
    for (std::uint32_t v : {51u, 31u, 24u, 0u, 9u, 45u}) tiff += be32(v) + be32(1);
    const std::string exif = std::string("Exif\0\0", 6) + tiff;
    const std::string app1 = "\xFF\xE1" + be16(static_cast<std::uint32_t>(exif.size() + 2)) + exif;
    const std::string com = "\xFF\xFE" + be16(static_cast<std::uint32_t>(kJpegComment.size() + 2)) + std::string(kJpegComment);
    return jpeg.substr(0, 2) + app1 + com + jpeg.substr(2);
}

std::string withPngText(const std::string& png, std::string_view keyword, std::string_view text) {
    const std::size_t iend = png.size() - 12;  // IEND is the last, empty chunk
    std::string data(keyword);
    data.push_back('\0');
    data.append(text);
    return png.substr(0, iend) + pngChunk("tEXt", data) + png.substr(iend);
}

std::string pngDeclaring(std::uint32_t width, std::uint32_t height) {
    const std::string ihdr = be32(width) + be32(height) + std::string("\x08\x02\x00\x00\x00", 5);
    const std::string emptyZlib("\x78\x9C\x03\x00\x00\x00\x00\x01", 8);
    return std::string("\x89PNG\r\n\x1A\n", 8) + pngChunk("IHDR", ihdr) + pngChunk("IDAT", emptyZlib) + pngChunk("IEND", "");
}

std::uint32_t crc32(std::string_view bytes, std::uint32_t crc) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = crc ^ 0xFFFFFFFFu;
    for (char ch : bytes) c = table[(c ^ static_cast<std::uint8_t>(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

// --- archives -----------------------------------------------------------------------------------
std::string zipArchive() {
    const std::string text = "This is not a photo.\n";
    return zipOf("readme.txt", 0, text, crc32(text), static_cast<std::uint32_t>(text.size()));
}

std::string zipBomb(std::size_t inflatedBytes) {
    std::uint32_t crc = 0;
    const std::string block(1024 * 1024, '\0');
    for (std::size_t done = 0; done < inflatedBytes; done += block.size()) {
        crc = crc32(std::string_view(block).substr(0, std::min(block.size(), inflatedBytes - done)), crc);
    }
    return zipOf("zeros.bin", 8, deflateZeros(inflatedBytes), crc, static_cast<std::uint32_t>(inflatedBytes));
}

// --- videos -------------------------------------------------------------------------------------
std::string webmVideo(const WebmSpec& spec) {
    const std::string header = el(0x1A45DFA3, elUint(0x4286, 1) + elUint(0x42F7, 1) + elUint(0x42F2, 4) +
                                                  elUint(0x42F3, 8) + el(0x4282, spec.docType) + elUint(0x4287, 4) +
                                                  elUint(0x4285, 2));
    std::string info = elUint(0x2AD7B1, 1'000'000) + el(0x4D80, "Chrome") + el(0x5741, "Chrome");
    if (spec.declaredDurationMs) info += elFloat(0x4489, *spec.declaredDurationMs);
    std::string track = elUint(0xD7, 1) + elUint(0x73C5, 1);
    if (spec.videoTrack) {
        track += elUint(0x83, 1) + el(0x86, "V_VP8") + el(0xE0, elUint(0xB0, spec.width) + elUint(0xBA, spec.height));
    } else {
        track += elUint(0x83, 2) + el(0x86, "A_OPUS") + el(0xE1, elFloat(0xB5, 48000.0) + elUint(0x9F, 1));
    }
    std::string segment = el(0x1549A966, info) + el(0x1654AE6B, el(0xAE, track));

    std::string cluster;
    std::int64_t clusterStart = 0;
    auto flush = [&] {
        if (cluster.empty()) return;
        const std::string content = elUint(0xE7, static_cast<std::uint64_t>(clusterStart)) + cluster;
        segment += spec.unknownSizes ? elUnknown(0x1F43B675, content) : el(0x1F43B675, content);
        cluster.clear();
    };
    for (std::int64_t t = 0; t <= spec.durationMs; t += spec.frameIntervalMs) {
        if (t - clusterStart >= 1000) {
            flush();
            clusterStart = t;
        }
        const std::string block = std::string("\x81", 1) + be16(static_cast<std::uint32_t>(t - clusterStart)) + "\x80" +
                                  "VP8 frame " + std::to_string(t);
        cluster += el(0xA3, block);
        if (t + spec.frameIntervalMs > spec.durationMs && t != spec.durationMs) t = spec.durationMs - spec.frameIntervalMs;
    }
    flush();
    return header + (spec.unknownSizes ? elUnknown(0x18538067, segment) : el(0x18538067, segment));
}

std::string mp4Video(const Mp4Spec& spec) {
    const auto ticks = static_cast<std::uint32_t>(spec.durationMs * spec.timescale / 1000);
    const std::uint32_t headerTicks = spec.fragmented ? 0 : ticks;
    std::string compatible = spec.brand;
    if (spec.brand == "isom") compatible += "iso2avc1mp41";
    if (spec.fragmented) compatible += "iso5";
    const std::string ftyp = box("ftyp", spec.brand + be32(512) + compatible);
    const std::string mvhd = box("mvhd", be32(0) + be32(0) + be32(0) + be32(spec.timescale) + be32(headerTicks) +
                                             be32(0x00010000) + be16(0x0100) + zeros(10) + matrix() + zeros(24) + be32(2));
    const bool video = spec.videoTrack;
    const std::string tkhd = box("tkhd", be32(3) + be32(0) + be32(0) + be32(1) + be32(0) + be32(headerTicks) + zeros(8) +
                                             be16(0) + be16(0) + be16(video ? 0 : 0x0100) + be16(0) + matrix() +
                                             be32(video ? static_cast<std::uint32_t>(spec.width) << 16 : 0) +
                                             be32(video ? static_cast<std::uint32_t>(spec.height) << 16 : 0));
    const std::string mdhd =
        box("mdhd", be32(0) + be32(0) + be32(0) + be32(spec.timescale) + be32(headerTicks) + be16(0x55C4) + be16(0));
    const std::string hdlr = box("hdlr", be32(0) + be32(0) + (video ? "vide" : "soun") + zeros(12) +
                                             (video ? std::string("VideoHandler", 13) : std::string("SoundHandler", 13)));
    const std::string stbl = box("stbl", box("stsd", be32(0) + be32(0)) + box("stts", be32(0) + be32(0)) +
                                             box("stsc", be32(0) + be32(0)) + box("stsz", be32(0) + be32(0) + be32(0)) +
                                             box("stco", be32(0) + be32(0)));
    const std::string minf = box("minf", box(video ? "vmhd" : "smhd", be32(1) + zeros(video ? 8 : 4)) +
                                             box("dinf", box("dref", be32(0) + be32(1) + box("url ", be32(1)))) + stbl);
    const std::string trak = box("trak", tkhd + box("mdia", mdhd + hdlr + minf));
    if (!spec.fragmented) {
        return ftyp + box("moov", mvhd + trak) + box("mdat", "H.264 frames would be here");
    }
    // Thirty frames a second; each fragment's samples carry their own durations and sizes.
    const std::uint32_t frameTicks = spec.timescale / 30;
    const std::string mvex = box("mvex", box("trex", be32(0) + be32(1) + be32(1) + be32(frameTicks) + be32(0) + be32(0)));
    std::string out = ftyp + box("moov", mvhd + trak + mvex);
    std::uint32_t done = 0, sequence = 1;
    while (done < ticks) {
        const std::uint32_t fragmentTicks = std::min(ticks - done, spec.timescale);
        const std::uint32_t frames = std::max<std::uint32_t>(1, fragmentTicks / frameTicks);
        std::string samples;
        for (std::uint32_t i = 0; i < frames; ++i) {
            const std::uint32_t duration = i + 1 == frames ? fragmentTicks - frameTicks * (frames - 1) : frameTicks;
            samples += be32(duration) + be32(4);
        }
        const std::string tfhd = box("tfhd", be32(0x020000) + be32(1));
        const std::string tfdt = box("tfdt", be32(0) + be32(done));
        const std::string trun = box("trun", be32(0x000301) + be32(frames) + be32(0) + samples);
        out += box("moof", box("mfhd", be32(0) + be32(sequence++)) + box("traf", tfhd + tfdt + trun));
        out += box("mdat", std::string(frames * 4, 'f'));
        done += fragmentTicks;
    }
    return out;
}

// --- uploads too large to hold ------------------------------------------------------------------
UnreadableRegion::UnreadableRegion(std::size_t bytes) : size_(bytes) {
    base_ = ::mmap(nullptr, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base_ == MAP_FAILED) throw std::runtime_error("could not reserve address space");
}

UnreadableRegion::~UnreadableRegion() { ::munmap(base_, size_); }

std::string_view UnreadableRegion::view() const { return {static_cast<const char*>(base_), size_}; }

}  // namespace tessera::test::media
