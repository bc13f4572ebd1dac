// WebM is Matroska's subset: EBML elements, each an ID (1-4 bytes) and a size (1-8 bytes) as
// variable-length integers. MediaRecorder streams its output, so the Segment and each Cluster
// usually have the reserved "unknown" size: such an element ends where an element that cannot be
// its child begins (or at the end of the file).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <set>
#include <string>

#include "infra/media/ContainerReaders.h"
#include "infra/media/MediaErrors.h"

namespace tessera::infra::media {
namespace {

namespace id {
constexpr std::uint32_t Ebml = 0x1A45DFA3, DocType = 0x4282;
constexpr std::uint32_t Segment = 0x18538067;
constexpr std::uint32_t SeekHead = 0x114D9B74, Info = 0x1549A966, Tracks = 0x1654AE6B, Cluster = 0x1F43B675,
                        Cues = 0x1C53BB6B, Tags = 0x1254C367, Chapters = 0x1043A770, Attachments = 0x1941A469;
constexpr std::uint32_t Void = 0xEC, Crc32 = 0xBF;
constexpr std::uint32_t TimecodeScale = 0x2AD7B1, Duration = 0x4489;
constexpr std::uint32_t TrackEntry = 0xAE, TrackNumber = 0xD7, TrackType = 0x83, Video = 0xE0, PixelWidth = 0xB0,
                        PixelHeight = 0xBA;
constexpr std::uint32_t Timecode = 0xE7, SimpleBlock = 0xA3, BlockGroup = 0xA0, Block = 0xA1, BlockDuration = 0x9B,
                        Position = 0xA7, PrevSize = 0xAB, SilentTracks = 0x5854, EncryptedBlock = 0xAF;
}  // namespace id

bool isSegmentChild(std::uint32_t i) {
    switch (i) {
        case id::SeekHead: case id::Info: case id::Tracks: case id::Cluster: case id::Cues: case id::Tags:
        case id::Chapters: case id::Attachments: case id::Void: case id::Crc32: return true;
        default: return false;
    }
}

bool isClusterChild(std::uint32_t i) {
    switch (i) {
        case id::Timecode: case id::SimpleBlock: case id::BlockGroup: case id::Position: case id::PrevSize:
        case id::SilentTracks: case id::EncryptedBlock: case id::Void: case id::Crc32: return true;
        default: return false;
    }
}

struct Element {
    std::uint32_t id = 0;
    std::size_t start = 0;      // of the header
    std::size_t dataStart = 0;  // of the payload
    std::size_t end = 0;        // of the payload; for unknown size, the end of the enclosing range
    bool unknownSize = false;
};

struct TrackFacts {
    std::uint64_t number = 0, type = 0, width = 0, height = 0;
};

class WebmWalker {
public:
    explicit WebmWalker(std::string_view bytes) : b_(bytes) {}

    Result<VideoInfo> run() {
        std::size_t pos = 0;
        if (!walkEbmlHeader(pos)) return failure();
        if (docType_ != "webm") return unsupportedVideo();
        auto segment = readElement(pos, b_.size());
        if (!segment || segment->id != id::Segment) return unreadableVideo(kCutOff);
        if (!walkSegment(*segment)) return failure();
        // A known-size Segment must be the last thing in the file; an unknown-size one runs to the end.
        if (segment->end != b_.size()) return unreadableVideo(kTrailingData);
        return result();
    }

private:
    // --- variable-length integers --------------------------------------------------------------
    static int vintLength(std::uint8_t first) {
        for (int n = 1; n <= 8; ++n) {
            if (first & (0x80 >> (n - 1))) return n;
        }
        return 0;
    }

    std::optional<std::uint32_t> readId(std::size_t& pos, std::size_t limit) {
        if (pos >= limit) return std::nullopt;
        const int n = vintLength(static_cast<std::uint8_t>(b_[pos]));
        if (n == 0 || n > 4 || static_cast<std::size_t>(n) > limit - pos) return std::nullopt;
        std::uint32_t v = 0;
        for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<std::uint8_t>(b_[pos + static_cast<std::size_t>(i)]);
        pos += static_cast<std::size_t>(n);
        return v;
    }

    // The size; nullopt if malformed; sets `unknown` for the reserved all-ones value.
    std::optional<std::uint64_t> readSize(std::size_t& pos, std::size_t limit, bool& unknown) {
        if (pos >= limit) return std::nullopt;
        const std::uint8_t first = static_cast<std::uint8_t>(b_[pos]);
        const int n = vintLength(first);
        if (n == 0 || static_cast<std::size_t>(n) > limit - pos) return std::nullopt;
        std::uint64_t v = first & (0xFFu >> n);
        bool allOnes = v == (0xFFu >> n);
        for (int i = 1; i < n; ++i) {
            const std::uint8_t byte = static_cast<std::uint8_t>(b_[pos + static_cast<std::size_t>(i)]);
            v = (v << 8) | byte;
            allOnes = allOnes && byte == 0xFF;
        }
        pos += static_cast<std::size_t>(n);
        unknown = allOnes;
        return v;
    }

    // An element header at pos, whose payload must lie within [pos, limit).
    std::optional<Element> readElement(std::size_t pos, std::size_t limit) {
        Element e;
        e.start = pos;
        auto i = readId(pos, limit);
        if (!i) return std::nullopt;
        bool unknown = false;
        auto size = readSize(pos, limit, unknown);
        if (!size) return std::nullopt;
        e.id = *i;
        e.dataStart = pos;
        e.unknownSize = unknown;
        if (unknown) {
            e.end = limit;
        } else {
            if (*size > limit - pos) return std::nullopt;  // runs past its parent or the file
            e.end = pos + static_cast<std::size_t>(*size);
        }
        return e;
    }

    std::optional<std::uint64_t> readUint(const Element& e) const {
        const std::size_t n = e.end - e.dataStart;
        if (n > 8) return std::nullopt;
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<std::uint8_t>(b_[e.dataStart + i]);
        return v;
    }

    std::optional<double> readFloat(const Element& e) const {
        const std::size_t n = e.end - e.dataStart;
        if (n == 0) return 0.0;
        auto bits = readUint(e);
        if (!bits) return std::nullopt;
        if (n == 4) {
            float f = 0;
            const auto b32 = static_cast<std::uint32_t>(*bits);
            std::memcpy(&f, &b32, sizeof f);
            return static_cast<double>(f);
        }
        if (n == 8) {
            double d = 0;
            std::memcpy(&d, &*bits, sizeof d);
            return d;
        }
        return std::nullopt;
    }

    // Iterates over the known-size children of `parent`; `visit` returns false to stop with an error.
    template <class Visit>
    bool forEachChild(const Element& parent, Visit visit) {
        std::size_t pos = parent.dataStart;
        while (pos < parent.end) {
            auto child = readElement(pos, parent.end);
            if (!child || child->unknownSize) return fail(kCutOff);
            if (!visit(*child)) return false;
            pos = child->end;
        }
        return true;
    }

    // --- structure ----------------------------------------------------------------------------
    bool walkEbmlHeader(std::size_t& pos) {
        auto header = readElement(0, b_.size());
        if (!header || header->id != id::Ebml || header->unknownSize) return fail(kCutOff);
        const bool ok = forEachChild(*header, [this](const Element& e) {
            if (e.id == id::DocType) {
                docType_.assign(b_.substr(e.dataStart, e.end - e.dataStart));
                docType_ = docType_.substr(0, docType_.find('\0'));  // strings may be zero-padded
            }
            return true;
        });
        pos = header->end;
        return ok;
    }

    bool walkSegment(Element& segment) {
        std::size_t pos = segment.dataStart;
        while (pos < segment.end) {
            auto e = readElement(pos, segment.end);
            if (!e) return fail(kCutOff);
            if (!isSegmentChild(e->id)) return fail(segment.unknownSize ? kUnexpectedData : kCutOff);
            if (e->unknownSize && e->id != id::Cluster) return fail(kCutOff);
            bool ok = true;
            if (e->id == id::Info) ok = walkInfo(*e);
            if (e->id == id::Tracks) ok = walkTracks(*e);
            if (e->id == id::Cluster) ok = walkCluster(*e);
            if (!ok) return false;
            pos = e->end;
        }
        return true;
    }

    bool walkInfo(const Element& info) {
        return forEachChild(info, [this](const Element& e) {
            if (e.id == id::TimecodeScale) {
                auto v = readUint(e);
                if (!v || *v == 0 || *v > 1'000'000'000) return fail(kCutOff);
                timecodeScaleNs_ = *v;
            } else if (e.id == id::Duration) {
                auto d = readFloat(e);
                if (!d || !std::isfinite(*d) || *d < 0 || *d > 1e15) return fail(kCutOff);
                durationTicks_ = *d;
            }
            return true;
        });
    }

    bool walkTracks(const Element& tracks) {
        return forEachChild(tracks, [this](const Element& entry) {
            if (entry.id != id::TrackEntry) return true;
            TrackFacts track;
            const bool ok = forEachChild(entry, [this, &track](const Element& e) {
                if (e.id == id::TrackNumber) track.number = readUint(e).value_or(0);
                if (e.id == id::TrackType) track.type = readUint(e).value_or(0);
                if (e.id == id::Video) {
                    return forEachChild(e, [this, &track](const Element& v) {
                        if (v.id == id::PixelWidth) track.width = readUint(v).value_or(0);
                        if (v.id == id::PixelHeight) track.height = readUint(v).value_or(0);
                        return true;
                    });
                }
                return true;
            });
            if (ok && track.type == 1 && !video_) video_ = track;
            return ok;
        });
    }

    bool walkCluster(Element& cluster) {
        std::int64_t clusterTime = 0;
        std::size_t pos = cluster.dataStart;
        while (pos < cluster.end) {
            auto e = readElement(pos, cluster.end);
            if (!e) return fail(kCutOff);
            if (!isClusterChild(e->id)) {
                // An unknown-size Cluster ends where the next top-level element starts.
                if (cluster.unknownSize && isSegmentChild(e->id) && e->id != id::Void && e->id != id::Crc32) {
                    cluster.end = pos;
                    return true;
                }
                return fail(cluster.unknownSize ? kUnexpectedData : kCutOff);
            }
            if (e->unknownSize) return fail(kCutOff);
            bool ok = true;
            if (e->id == id::Timecode) {
                auto t = readUint(*e);
                if (!t || *t > (std::uint64_t{1} << 53)) return fail(kCutOff);
                clusterTime = static_cast<std::int64_t>(*t);
            } else if (e->id == id::SimpleBlock) {
                ok = readBlock(*e, clusterTime, 0);
            } else if (e->id == id::BlockGroup) {
                ok = walkBlockGroup(*e, clusterTime);
            }
            if (!ok) return false;
            pos = e->end;
        }
        return true;
    }

    bool walkBlockGroup(const Element& group, std::int64_t clusterTime) {
        std::optional<Element> block;
        std::uint64_t duration = 0;
        const bool ok = forEachChild(group, [this, &block, &duration](const Element& e) {
            if (e.id == id::Block) block = e;
            if (e.id == id::BlockDuration) duration = readUint(e).value_or(0);
            return true;
        });
        if (!ok) return false;
        if (!block) return fail(kCutOff);
        return readBlock(*block, clusterTime, duration);
    }

    // Block payload: track number (vint), timecode relative to the cluster (int16), flags, frames.
    bool readBlock(const Element& block, std::int64_t clusterTime, std::uint64_t duration) {
        std::size_t pos = block.dataStart;
        bool unknown = false;
        auto track = readSize(pos, block.end, unknown);
        if (!track || unknown || block.end - pos < 3) return fail(kCutOff);
        const auto relative = static_cast<std::int16_t>(
            (static_cast<std::uint16_t>(static_cast<std::uint8_t>(b_[pos])) << 8) | static_cast<std::uint8_t>(b_[pos + 1]));
        const std::int64_t time = clusterTime + relative;
        const std::int64_t end = time + static_cast<std::int64_t>(duration > (1u << 30) ? 0 : duration);
        blockTracks_.insert(*track);
        if (end > lastBlockTicks_) lastBlockTicks_ = end;
        return true;
    }

    // --- result -------------------------------------------------------------------------------
    Result<VideoInfo> result() const {
        if (!video_ || video_->width == 0 || video_->height == 0 || video_->width > 100000 || video_->height > 100000) {
            return unreadableVideo(kNoVideoTrack);
        }
        if (blockTracks_.count(video_->number) == 0) return unreadableVideo(kNoFrames);
        // A declared Duration cannot hide frames beyond it, so the later of the two counts.
        const double ticks = std::max(durationTicks_.value_or(0.0), static_cast<double>(lastBlockTicks_));
        VideoInfo info;
        info.contentType = "video/webm";
        info.durationMs = static_cast<std::int64_t>(std::llround(ticks * static_cast<double>(timecodeScaleNs_) / 1e6));
        info.width = static_cast<int>(video_->width);
        info.height = static_cast<int>(video_->height);
        return info;
    }

    bool fail(const char* why) {
        if (problem_.empty()) problem_ = why;
        return false;
    }
    Error failure() const { return unreadableVideo(problem_.empty() ? kCutOff : problem_); }

    std::string_view b_;
    std::string problem_;
    std::string docType_;
    std::uint64_t timecodeScaleNs_ = 1'000'000;
    std::optional<double> durationTicks_;
    std::optional<TrackFacts> video_;
    std::set<std::uint64_t> blockTracks_;  // track numbers that have frames
    std::int64_t lastBlockTicks_ = 0;
};

}  // namespace

Result<VideoInfo> readWebm(std::string_view bytes) { return WebmWalker(bytes).run(); }

}  // namespace tessera::infra::media
