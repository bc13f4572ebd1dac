// The selfie video player, with a real WebM (VP8) played from memory: duration, play and pause,
// a frame at a time, speed, scrubbing, and capturing the frame on screen.
#include <catch2/catch.hpp>

#include <QMediaPlayer>
#include <QSlider>

#include "KeyPress.h"
#include "WebmSample.h"
#include "WidgetChecks.h"
#include "support/EventLoopWait.h"
#include "support/QStringPrinting.h"
#include "ui/VideoFrameView.h"
#include "ui/VideoPanel.h"

using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

constexpr qint64 kSampleMs = 1000 * kSampleFrames / kSampleFps;
constexpr qint64 kFrameMs = 1000 / kSampleFps;

struct Panel {
    VideoPanel panel;
    QStringList problems;
    QList<qint64> durations;
    QList<QImage> captured;
    Panel() {
        QObject::connect(&panel, &VideoPanel::problem, [this](const QString& p) { problems << p; });
        QObject::connect(&panel, &VideoPanel::durationKnown, [this](qint64 ms) { durations << ms; });
        QObject::connect(&panel, &VideoPanel::frameCaptured, [this](const QImage& f) { captured << f; });
        panel.resize(480, 400);
        activate(&panel);
    }
    // Loads the sample and waits for its first frame; false (with the reason) when this machine
    // cannot make or decode one.
    bool load() {
        const WebmSample& sample = webmSample();
        if (sample.bytes.isEmpty()) {
            WARN("No WebM could be made here (" << sample.madeBy.toStdString() << "): only the empty player is tested.");
            return false;
        }
        panel.setVideoData(sample.bytes, QStringLiteral("video/webm"));
        panel.play();
        const bool decoded = waitFor([this] { return !panel.currentFrame().isNull() && panel.duration() > 0; }, 15'000);
        panel.pause();
        if (!decoded)
            WARN("The video could not be decoded on this platform (" << problems.join("; ").toStdString()
                                                                    << "): only loading and the controls are tested.");
        return decoded;
    }
    bool settleAt(qint64 ms) {
        return waitFor([&] { return std::abs(panel.position() - ms) <= 1; }, 5000);
    }
};

}  // namespace

TEST_CASE("an empty player offers nothing to do and says why it cannot capture", "[ui][video]") {
    Panel p;
    CHECK_FALSE(p.panel.hasVideo());
    for (QWidget* w : p.panel.findChildren<QSlider*>()) CHECK_FALSE(w->isEnabled());
    p.panel.captureFrame();
    CHECK(p.captured.isEmpty());
    REQUIRE(p.problems.size() == 1);
    CHECK(p.problems[0].contains("no frame to capture"));
    p.panel.setVideoData({}, QStringLiteral("video/webm"));
    CHECK_FALSE(p.panel.hasVideo());
    CHECK(unnamedControls(&p.panel).isEmpty());
}

TEST_CASE("a real WebM from memory plays: its duration, frames and the scrub slider", "[ui][video][webm]") {
    Panel p;
    if (!p.load()) return;
    INFO("sample made by " << webmSample().madeBy.toStdString());
    CHECK(p.panel.duration() == Approx(kSampleMs).margin(kFrameMs));
    REQUIRE_FALSE(p.durations.isEmpty());
    CHECK(p.durations.last() == p.panel.duration());
    CHECK(p.panel.currentFrame().size() == QSize(160, 120));
    CHECK(p.panel.frameDurationMs() == kFrameMs);  // from the video's frame rate
    QSlider* scrub = p.panel.findChild<QSlider*>();
    REQUIRE(scrub);
    CHECK(scrub->maximum() == p.panel.duration());

    // Scrubbing moves the picture.
    p.panel.seek(1000);
    REQUIRE(p.settleAt(1000));
    CHECK(waitFor([&] { return scrub->value() == 1000; }, 2000));
    p.panel.play();
    CHECK(waitFor([&] { return p.panel.isPlaying() && p.panel.position() > 1200; }, 5000));
    p.panel.togglePlay();
    CHECK(waitFor([&] { return !p.panel.isPlaying(); }, 2000));
}

TEST_CASE("the picture on screen is the frame being played, scaled to fit with its proportions", "[ui][video][webm]") {
    Panel p;
    if (!p.load()) return;
    const VideoFrameView* view = p.panel.view();
    REQUIRE(view->isVisible());
    const QRect drawn = view->frameRect();
    // 160x120: as large as the area allows one way, 4:3, centred.
    CHECK((drawn.height() == view->height() || drawn.width() == view->width()));
    CHECK(double(drawn.width()) / drawn.height() == Approx(4.0 / 3.0).margin(0.02));
    CHECK(drawn.center().x() == Approx(view->width() / 2).margin(1));
    CHECK(drawn.center().y() == Approx(view->height() / 2).margin(1));

    // What grab() sees (as a screenshot does) is the frame, not an empty native window.
    const QImage shown = const_cast<VideoFrameView*>(view)->grab().toImage();
    const QImage frame = p.panel.currentFrame();
    const auto near = [](QColor a, QColor b) {
        return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) < 60;
    };
    int agreeing = 0;
    for (int i = 1; i <= 5; ++i) {
        const QPoint inFrame(frame.width() * i / 6, frame.height() / 2);
        const QPoint onScreen(drawn.left() + drawn.width() * i / 6, drawn.top() + drawn.height() / 2);
        if (near(frame.pixelColor(inFrame), shown.pixelColor(onScreen * shown.devicePixelRatio()))) ++agreeing;
    }
    CHECK(agreeing >= 4);
    // Closing drops the picture too.
    p.panel.clear();
    CHECK(view->frame().isNull());
}

TEST_CASE("frame steps pause and move one frame, by button and key", "[ui][video][webm][step]") {
    Panel p;
    if (!p.load()) return;
    p.panel.seek(500);
    REQUIRE(p.settleAt(500));
    REQUIRE(waitFor([&] { return !p.panel.currentFrame().isNull(); }, 2000));
    processEventsFor(200);
    const QImage at500 = p.panel.currentFrame();

    p.panel.play();
    p.panel.stepForward();  // pauses first
    CHECK(waitFor([&] { return !p.panel.isPlaying(); }, 2000));
    p.panel.seek(500);
    REQUIRE(p.settleAt(500));
    p.panel.stepForward();
    REQUIRE(p.settleAt(500 + kFrameMs));
    processEventsFor(200);
    CHECK(p.panel.currentFrame() != at500);  // the ball moved: another frame is on screen

    p.panel.findChild<QSlider*>()->setFocus();
    pressKey(&p.panel, Qt::Key_Period);
    REQUIRE(p.settleAt(500 + 2 * kFrameMs));
    pressKey(&p.panel, Qt::Key_Comma);
    pressKey(&p.panel, Qt::Key_Comma);
    REQUIRE(p.settleAt(500));
    // Never before the start or past the end.
    p.panel.seek(0);
    REQUIRE(p.settleAt(0));
    p.panel.stepBackward();
    processEventsFor(100);
    CHECK(p.panel.position() == 0);
}

TEST_CASE("speed goes from a quarter to twice normal, by box and key", "[ui][video][speed]") {
    Panel p;
    p.load();  // speed is the player's setting: it is tested even where nothing decodes
    CHECK(p.panel.speed() == 1.0);
    p.panel.setSpeed(0.25);
    CHECK(p.panel.speed() == 0.25);
    p.panel.setSpeed(5.0);  // not offered: the nearest that is
    CHECK(p.panel.speed() == 2.0);
    CHECK(VideoPanel::speeds().first() == 0.25);
    CHECK(VideoPanel::speeds().last() == 2.0);
    if (p.panel.hasVideo()) {
        p.panel.findChild<QSlider*>()->setFocus();
        pressKey(&p.panel, Qt::Key_BracketLeft);
        CHECK(p.panel.speed() == 1.5);
        pressKey(&p.panel, Qt::Key_BracketRight);
        CHECK(p.panel.speed() == 2.0);
    }
}

TEST_CASE("capture frame holds the frame on screen, to show beside the portrait", "[ui][video][capture]") {
    Panel p;
    if (!p.load()) return;
    p.panel.seek(1200);
    REQUIRE(p.settleAt(1200));
    processEventsFor(200);
    p.panel.findChild<QSlider*>()->setFocus();
    pressKey(&p.panel, Qt::Key_C);
    REQUIRE(p.captured.size() == 1);
    CHECK(p.captured[0].size() == QSize(160, 120));
    CHECK(p.panel.capturedFrame() == p.captured[0]);
    CHECK(p.problems.isEmpty());

    // Closing the case drops the video and the still from memory.
    p.panel.clear();
    CHECK_FALSE(p.panel.hasVideo());
    CHECK(p.panel.capturedFrame().isNull());
    CHECK(p.panel.currentFrame().isNull());
}
