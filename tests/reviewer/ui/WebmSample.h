#pragma once
// A real, decodable WebM (VP8) for the video tests: a moving test pattern, 160×120, 10 frames
// a second, 2 seconds. Made by a tool on this machine when there is one (gst-launch-1.0 or
// ffmpeg), else by the GStreamer library Qt Multimedia itself plays with (videotestsrc ! vp8enc
// ! webmmux), loaded at run time. Written to a temporary folder only while it is made: test
// pictures, no person in them.
#include <QByteArray>
#include <QString>

namespace tessera::reviewer::test {

struct WebmSample {
    QByteArray bytes;  // empty when no way to make one was found
    QString madeBy;    // "gst-launch-1.0", "ffmpeg", "libgstreamer"; or why nothing was made
};

inline constexpr int kSampleFrames = 20;
inline constexpr int kSampleFps = 10;

// Made once per test run.
const WebmSample& webmSample();

}  // namespace tessera::reviewer::test
