#pragma once
// Test media made in memory: JPEG and PNG photos (encoded with libjpeg/libpng through infra's
// codecs, then given metadata byte by byte), minimal WebM and MP4 videos written box by box, zip
// archives, and the hostile variants the upload checks must refuse.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tessera::test::media {

// --- photos ------------------------------------------------------------------------------------
// A colour gradient (so re-encoding has something to do) of the given size.
std::string jpegPhoto(int width, int height);
std::string greyJpegPhoto(int width, int height);
// An RGB (channels 3) or RGBA (4) PNG.
std::string pngPhoto(int width, int height, int channels = 3);

// A JPEG with an APP1 Exif segment (camera make, GPS latitude/longitude, optional orientation)
// and a COM comment inserted right after SOI.
inline constexpr std::string_view kCameraMake = "SecretCam 3000";
inline constexpr std::string_view kJpegComment = "taken at 221B Baker Street";
std::string withExifAndGps(const std::string& jpeg, int orientation = 1);
// A PNG with a tEXt chunk (keyword, text) inserted before IEND.
std::string withPngText(const std::string& png, std::string_view keyword, std::string_view text);
// Just a PNG signature, an IHDR declaring width x height and IEND: a decompression bomb's header.
std::string pngDeclaring(std::uint32_t width, std::uint32_t height);
// PNG chunk CRC (also used by tests to forge chunks).
std::uint32_t crc32(std::string_view bytes, std::uint32_t crc = 0);

// --- archives ----------------------------------------------------------------------------------
// A zip holding one stored text file.
std::string zipArchive();
// A zip holding one deflated file of `inflatedBytes` zeros, about 1/160 of that size.
std::string zipBomb(std::size_t inflatedBytes = 16 * 1024 * 1024);

// --- videos ------------------------------------------------------------------------------------
struct WebmSpec {
    int width = 640, height = 480;
    std::int64_t durationMs = 5000;  // time of the last frame
    int frameIntervalMs = 100;
    bool unknownSizes = true;            // Segment and Clusters, as MediaRecorder writes them
    std::optional<double> declaredDurationMs;  // an Info/Duration element
    bool videoTrack = true;              // false: one audio track only
    std::string docType = "webm";
};
std::string webmVideo(const WebmSpec& spec = {});

struct Mp4Spec {
    int width = 640, height = 480;
    std::int64_t durationMs = 5000;
    std::uint32_t timescale = 1000;
    bool videoTrack = true;  // false: one sound track only
    std::string brand = "isom";
    // As Safari's MediaRecorder writes it: no duration in the movie header, one-second
    // fragments (moof + mdat) whose samples carry the time.
    bool fragmented = false;
};
std::string mp4Video(const Mp4Spec& spec = {});

// --- uploads too large to hold -----------------------------------------------------------------
// `bytes` of address space that is never backed by memory and crashes the test if anything reads
// it: a 2 GB "upload" that proves the size check happens before any byte is looked at.
class UnreadableRegion {
public:
    explicit UnreadableRegion(std::size_t bytes);
    ~UnreadableRegion();
    UnreadableRegion(const UnreadableRegion&) = delete;
    UnreadableRegion& operator=(const UnreadableRegion&) = delete;
    std::string_view view() const;

private:
    void* base_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace tessera::test::media
