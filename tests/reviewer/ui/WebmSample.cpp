#include "WebmSample.h"

#include <QFile>
#include <QLibrary>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace tessera::reviewer::test {

namespace {

const char* const kPattern = "ball";

QString pipeline(const QString& path) {
    return QStringLiteral("videotestsrc num-buffers=%1 pattern=%2 ! video/x-raw,width=160,height=120,framerate=%3/1 ! "
                          "vp8enc deadline=1 ! webmmux ! filesink location=%4")
        .arg(kSampleFrames)
        .arg(QLatin1String(kPattern))
        .arg(kSampleFps)
        .arg(path);
}

bool looksLikeWebm(const QByteArray& bytes) { return bytes.size() > 1000 && bytes.startsWith("\x1A\x45\xDF\xA3"); }

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray byTool(const QString& path, QString& madeBy) {
    if (const QString gst = QStandardPaths::findExecutable(QStringLiteral("gst-launch-1.0")); !gst.isEmpty()) {
        QProcess p;
        p.start(gst, QProcess::splitCommand(QStringLiteral("-q ") + pipeline(path)));
        p.waitForFinished(60'000);
        if (QByteArray bytes = readAll(path); looksLikeWebm(bytes)) {
            madeBy = QStringLiteral("gst-launch-1.0");
            return bytes;
        }
    }
    if (const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg")); !ffmpeg.isEmpty()) {
        QProcess p;
        p.start(ffmpeg, {"-loglevel", "error", "-f", "lavfi", "-i",
                         QStringLiteral("testsrc=size=160x120:rate=%1").arg(kSampleFps), "-frames:v",
                         QString::number(kSampleFrames), "-c:v", "libvpx", "-y", path});
        p.waitForFinished(60'000);
        if (QByteArray bytes = readAll(path); looksLikeWebm(bytes)) {
            madeBy = QStringLiteral("ffmpeg");
            return bytes;
        }
    }
    return {};
}

// The GStreamer C API, the few calls needed, looked up at run time (no headers here).
QByteArray byLibrary(const QString& path, QString& madeBy) {
    QLibrary gst(QStringLiteral("gstreamer-1.0"), 0);
    if (!gst.load()) return {};
    using Init = void (*)(int*, char***);
    using ParseLaunch = void* (*)(const char*, void**);
    using SetState = int (*)(void*, int);
    using GetBus = void* (*)(void*);
    using TimedPop = void* (*)(void*, quint64, int);
    using Unref = void (*)(void*);
    auto init = reinterpret_cast<Init>(gst.resolve("gst_init"));
    auto parse = reinterpret_cast<ParseLaunch>(gst.resolve("gst_parse_launch"));
    auto setState = reinterpret_cast<SetState>(gst.resolve("gst_element_set_state"));
    auto getBus = reinterpret_cast<GetBus>(gst.resolve("gst_element_get_bus"));
    auto pop = reinterpret_cast<TimedPop>(gst.resolve("gst_bus_timed_pop_filtered"));
    auto unrefObject = reinterpret_cast<Unref>(gst.resolve("gst_object_unref"));
    auto unrefMessage = reinterpret_cast<Unref>(gst.resolve("gst_mini_object_unref"));
    if (!init || !parse || !setState || !getBus || !pop || !unrefObject || !unrefMessage) return {};
    constexpr int kNull = 1, kPlaying = 4;
    constexpr int kEos = 1 << 0, kError = 1 << 1;
    constexpr quint64 kTenSeconds = 10'000'000'000ULL;
    init(nullptr, nullptr);
    void* error = nullptr;
    void* run = parse(pipeline(path).toUtf8().constData(), &error);
    if (!run) return {};
    setState(run, kPlaying);
    void* bus = getBus(run);
    if (void* message = pop(bus, kTenSeconds, kEos | kError)) unrefMessage(message);
    setState(run, kNull);
    unrefObject(bus);
    unrefObject(run);
    QByteArray bytes = readAll(path);
    if (!looksLikeWebm(bytes)) return {};
    madeBy = QStringLiteral("libgstreamer");
    return bytes;
}

WebmSample make() {
    WebmSample sample;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        sample.madeBy = QStringLiteral("no temporary folder");
        return sample;
    }
    const QString path = dir.filePath(QStringLiteral("pattern.webm"));
    sample.bytes = byTool(path, sample.madeBy);
    if (sample.bytes.isEmpty()) sample.bytes = byLibrary(path, sample.madeBy);
    if (sample.bytes.isEmpty())
        sample.madeBy = QStringLiteral("neither gst-launch-1.0, ffmpeg nor the GStreamer library (with vp8enc) is here");
    return sample;
}

}  // namespace

const WebmSample& webmSample() {
    static const WebmSample sample = make();
    return sample;
}

}  // namespace tessera::reviewer::test
