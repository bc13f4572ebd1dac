// ISO BMFF (MP4): a sequence of boxes, each a 32-bit size (or 1 and a 64-bit size) and a
// four-character type. Container boxes hold boxes; the rest are opaque here but must still lie
// inside their parent. A size of 0 ("to the end of the file") is refused: it would let anything
// be appended to a video unnoticed.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "infra/media/ContainerReaders.h"
#include "infra/media/MediaErrors.h"

namespace tessera::infra::media {
namespace {

constexpr std::uint32_t fourcc(const char (&s)[5]) {
    return (std::uint32_t(std::uint8_t(s[0])) << 24) | (std::uint32_t(std::uint8_t(s[1])) << 16) |
           (std::uint32_t(std::uint8_t(s[2])) << 8) | std::uint32_t(std::uint8_t(s[3]));
}

bool isTopLevelBox(std::uint32_t t) {
    for (auto known : {fourcc("ftyp"), fourcc("moov"), fourcc("mdat"), fourcc("free"), fourcc("skip"), fourcc("wide"),
                       fourcc("uuid"), fourcc("meta"), fourcc("pdin"), fourcc("moof"), fourcc("mfra"), fourcc("sidx"),
                       fourcc("styp"), fourcc("emsg"), fourcc("prft"), fourcc("ssix")}) {
        if (t == known) return true;
    }
    return false;
}

bool isMp4Brand(std::uint32_t brand) {
    for (auto known : {fourcc("isom"), fourcc("iso2"), fourcc("iso3"), fourcc("iso4"), fourcc("iso5"), fourcc("iso6"),
                       fourcc("iso7"), fourcc("iso8"), fourcc("iso9"), fourcc("mp41"), fourcc("mp42"), fourcc("avc1"),
                       fourcc("M4V "), fourcc("dash"), fourcc("mp71")}) {
        if (brand == known) return true;
    }
    return false;
}

struct Box {
    std::uint32_t type = 0;
    std::size_t start = 0;  // of the header
    std::size_t data = 0;   // of the payload
    std::size_t end = 0;
};

struct Track {
    std::uint32_t id = 0;
    std::uint32_t handler = 0;
    std::uint32_t width = 0, height = 0;  // from tkhd, whole pixels
    std::uint32_t mediaTimescale = 0;
};

class Mp4Walker {
public:
    explicit Mp4Walker(std::string_view bytes) : b_(bytes) {}

    Result<VideoInfo> run() {
        std::size_t pos = 0;
        bool first = true;
        while (pos < b_.size()) {
            auto box = readBox(pos, b_.size());
            if (!box) return failure();
            if (first) {
                if (box->type != fourcc("ftyp")) return unsupportedVideo();
                if (!hasMp4Brand(*box)) return unsupportedVideo();
                first = false;
            } else if (!isTopLevelBox(box->type) || box->type == fourcc("ftyp")) {
                return unreadableVideo(sawMovie_ ? kTrailingData : kUnexpectedData);
            }
            bool ok = true;
            if (box->type == fourcc("moov")) {
                if (sawMovie_) return unreadableVideo(kUnexpectedData);
                sawMovie_ = true;
                ok = walkMovie(*box);
            } else if (box->type == fourcc("moof")) {
                ok = walkFragment(*box);
            } else if (box->type == fourcc("mdat")) {
                sawMediaData_ = box->end > box->data;
            }
            if (!ok) return failure();
            pos = box->end;
        }
        return result();
    }

private:
    std::uint32_t u32(std::size_t at) const {
        return (std::uint32_t(std::uint8_t(b_[at])) << 24) | (std::uint32_t(std::uint8_t(b_[at + 1])) << 16) |
               (std::uint32_t(std::uint8_t(b_[at + 2])) << 8) | std::uint32_t(std::uint8_t(b_[at + 3]));
    }
    std::uint64_t u64(std::size_t at) const { return (std::uint64_t(u32(at)) << 32) | u32(at + 4); }
    static bool fits(const Box& box, std::size_t bytes) { return box.end - box.data >= bytes; }

    std::optional<Box> readBox(std::size_t pos, std::size_t limit) {
        if (limit - pos < 8) return broken(kCutOff);
        Box box;
        box.start = pos;
        std::uint64_t size = u32(pos);
        box.type = u32(pos + 4);
        std::size_t header = 8;
        if (size == 1) {
            if (limit - pos < 16) return broken(kCutOff);
            size = u64(pos + 8);
            header = 16;
        }
        if (size == 0) return broken(kTrailingData);
        if (size < header || size > limit - pos) return broken(kCutOff);
        box.data = pos + header;
        box.end = pos + static_cast<std::size_t>(size);
        return box;
    }

    template <class Visit>
    bool forEachChild(const Box& parent, Visit visit) {
        std::size_t pos = parent.data;
        while (pos < parent.end) {
            auto child = readBox(pos, parent.end);
            if (!child || !visit(*child)) return false;
            pos = child->end;
        }
        return true;
    }

    bool hasMp4Brand(const Box& ftyp) {
        if (!fits(ftyp, 8) || (ftyp.end - ftyp.data) % 4 != 0) return false;
        if (isMp4Brand(u32(ftyp.data))) return true;
        for (std::size_t at = ftyp.data + 8; at < ftyp.end; at += 4) {
            if (isMp4Brand(u32(at))) return true;
        }
        return false;
    }

    bool walkMovie(const Box& moov) {
        return forEachChild(moov, [this](const Box& box) {
            if (box.type == fourcc("mvhd")) return readMovieHeader(box);
            if (box.type == fourcc("trak")) return walkTrack(box);
            if (box.type == fourcc("mvex")) return walkMovieExtends(box);
            return true;
        });
    }

    bool readMovieHeader(const Box& mvhd) {
        if (!fits(mvhd, 4)) return fail(kCutOff);
        const bool v1 = b_[mvhd.data] == 1;
        if (!fits(mvhd, v1 ? 32 : 20)) return fail(kCutOff);
        timescale_ = u32(mvhd.data + (v1 ? 20 : 12));
        duration_ = v1 ? u64(mvhd.data + 24) : u32(mvhd.data + 16);
        if (!v1 && duration_ == 0xFFFFFFFFu) duration_ = 0;  // "unknown"
        if (v1 && duration_ == ~std::uint64_t{0}) duration_ = 0;
        return timescale_ != 0 || fail(kCutOff);
    }

    bool walkTrack(const Box& trak) {
        Track track;
        const bool ok = forEachChild(trak, [this, &track](const Box& box) {
            if (box.type == fourcc("tkhd")) return readTrackHeader(box, track);
            if (box.type == fourcc("mdia")) {
                return forEachChild(box, [this, &track](const Box& m) {
                    if (m.type == fourcc("hdlr")) {
                        if (!fits(m, 12)) return fail(kCutOff);
                        track.handler = u32(m.data + 8);
                    } else if (m.type == fourcc("mdhd")) {
                        if (!fits(m, 4)) return fail(kCutOff);
                        const bool v1 = b_[m.data] == 1;
                        if (!fits(m, v1 ? 24 : 16)) return fail(kCutOff);
                        track.mediaTimescale = u32(m.data + (v1 ? 20 : 12));
                    } else if (m.type == fourcc("minf")) {
                        return forEachChild(m, [](const Box&) { return true; });
                    }
                    return true;
                });
            }
            return true;
        });
        if (ok && track.handler == fourcc("vide") && !video_) video_ = track;
        return ok;
    }

    bool readTrackHeader(const Box& tkhd, Track& track) {
        if (!fits(tkhd, 4)) return fail(kCutOff);
        const bool v1 = b_[tkhd.data] == 1;
        // version/flags, times, track id, reserved, duration, reserved(8), layer, group, volume,
        // reserved(2), matrix(36), then width and height as 16.16 fixed point.
        const std::size_t idAt = v1 ? 20 : 12;
        const std::size_t sizeAt = v1 ? 88 : 76;
        if (!fits(tkhd, sizeAt + 8)) return fail(kCutOff);
        track.id = u32(tkhd.data + idAt);
        track.width = u32(tkhd.data + sizeAt) >> 16;
        track.height = u32(tkhd.data + sizeAt + 4) >> 16;
        return true;
    }

    bool walkMovieExtends(const Box& mvex) {
        return forEachChild(mvex, [this](const Box& box) {
            if (box.type == fourcc("mehd")) {
                if (!fits(box, 4)) return fail(kCutOff);
                const bool v1 = b_[box.data] == 1;
                if (!fits(box, v1 ? 12 : 8)) return fail(kCutOff);
                fragmentDuration_ = v1 ? u64(box.data + 4) : u32(box.data + 4);
            } else if (box.type == fourcc("trex")) {
                if (!fits(box, 24)) return fail(kCutOff);
                defaultDuration_[u32(box.data + 4)] = u32(box.data + 12);
            }
            return true;
        });
    }

    // A movie fragment: adds its samples' durations to their track's total.
    bool walkFragment(const Box& moof) {
        return forEachChild(moof, [this](const Box& box) {
            if (box.type != fourcc("traf")) return true;
            std::uint32_t trackId = 0;
            std::optional<std::uint32_t> defaultDuration;
            return forEachChild(box, [&](const Box& t) {
                if (t.type == fourcc("tfhd")) {
                    if (!fits(t, 8)) return fail(kCutOff);
                    const std::uint32_t flags = u32(t.data) & 0xFFFFFF;
                    trackId = u32(t.data + 4);
                    std::size_t at = 8 + ((flags & 0x01) ? 8 : 0) + ((flags & 0x02) ? 4 : 0);
                    if (flags & 0x08) {
                        if (!fits(t, at + 4)) return fail(kCutOff);
                        defaultDuration = u32(t.data + at);
                    }
                } else if (t.type == fourcc("trun")) {
                    return readTrackRun(t, trackId, defaultDuration);
                }
                return true;
            });
        });
    }

    bool readTrackRun(const Box& trun, std::uint32_t trackId, std::optional<std::uint32_t> defaultDuration) {
        if (!fits(trun, 8)) return fail(kCutOff);
        const std::uint32_t flags = u32(trun.data) & 0xFFFFFF;
        const std::uint64_t count = u32(trun.data + 4);
        std::size_t at = 8 + ((flags & 0x01) ? 4 : 0) + ((flags & 0x04) ? 4 : 0);
        std::size_t perSample = 0;
        for (std::uint32_t bit : {0x100u, 0x200u, 0x400u, 0x800u}) perSample += (flags & bit) ? 4 : 0;
        if (!fits(trun, at) || (perSample > 0 && count > (trun.end - trun.data - at) / perSample)) return fail(kCutOff);
        std::uint64_t total = 0;
        if (flags & 0x100) {
            for (std::uint64_t i = 0; i < count; ++i, at += perSample) total += u32(trun.data + at);
        } else {
            const auto trex = defaultDuration_.find(trackId);
            const std::uint64_t each = defaultDuration ? *defaultDuration : trex != defaultDuration_.end() ? trex->second : 0;
            total = count * each;  // both below 2^32: no overflow
        }
        fragmentSamples_[trackId] += total;
        return true;
    }

    Result<VideoInfo> result() const {
        if (!sawMovie_ || timescale_ == 0) return unreadableVideo(kCutOff);
        if (!video_) return unreadableVideo(kNoVideoTrack);
        if (video_->width == 0 || video_->height == 0) return unreadableVideo(kNoVideoTrack);
        if (!sawMediaData_) return unreadableVideo(kNoFrames);
        double seconds = static_cast<double>(duration_) / timescale_;
        if (duration_ == 0 && fragmentDuration_ > 0) seconds = static_cast<double>(fragmentDuration_) / timescale_;
        const auto fragments = fragmentSamples_.find(video_->id);
        if (fragments != fragmentSamples_.end() && video_->mediaTimescale != 0) {
            // Fragments cannot add time the header does not admit to: the longer of the two counts.
            seconds = std::max(seconds, static_cast<double>(fragments->second) / video_->mediaTimescale);
        }
        VideoInfo info;
        info.contentType = "video/mp4";
        info.durationMs = static_cast<std::int64_t>(seconds * 1000.0 + 0.5);
        info.width = static_cast<int>(video_->width);
        info.height = static_cast<int>(video_->height);
        return info;
    }

    bool fail(const char* why) {
        if (problem_.empty()) problem_ = why;
        return false;
    }
    std::optional<Box> broken(const char* why) {
        fail(why);
        return std::nullopt;
    }
    Error failure() const { return unreadableVideo(problem_.empty() ? kCutOff : problem_); }

    std::string_view b_;
    std::string problem_;
    bool sawMovie_ = false, sawMediaData_ = false;
    std::uint32_t timescale_ = 0;
    std::uint64_t duration_ = 0, fragmentDuration_ = 0;
    std::optional<Track> video_;
    std::map<std::uint32_t, std::uint32_t> defaultDuration_;        // trex, per track id
    std::map<std::uint32_t, std::uint64_t> fragmentSamples_;        // summed durations, per track id
};

}  // namespace

Result<VideoInfo> readMp4(std::string_view bytes) { return Mp4Walker(bytes).run(); }

}  // namespace tessera::infra::media
