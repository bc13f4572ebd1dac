#pragma once
// The selfie video, played from the bytes in memory (QBuffer; never written to disk): play and
// pause, a frame back or forward (pausing first), speed from a quarter to twice normal, a scrub
// slider, and "capture frame", which holds the frame on screen as a still to set beside the
// document portrait. Keys while the panel has focus: Space or K play/pause, comma and period
// step a frame, [ and ] slower / faster, C captures.
#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QVideoFrame>
#include <QWidget>

class QComboBox;
class QLabel;
class QMediaPlayer;
class QSlider;
class QToolButton;
class QVideoSink;

namespace tessera::reviewer {

class VideoFrameView;

class VideoPanel : public QWidget {
    Q_OBJECT

public:
    static constexpr qint64 kFallbackFrameMs = 40;  // 25 frames a second, when the video does not say

    explicit VideoPanel(QWidget* parent = nullptr);
    ~VideoPanel() override;

    // `contentType` as the server described it (video/webm, video/mp4).
    void setVideoData(const QByteArray& bytes, const QString& contentType);
    // Stops and drops the video (and the captured still) from memory; `message` in its place.
    void clear(const QString& message = {});
    void showMessage(const QString& message);

    bool hasVideo() const { return !bytes_.isEmpty(); }
    qint64 duration() const;
    qint64 position() const;
    double speed() const;
    bool isPlaying() const;
    // One frame's time: from the video's frame rate, else the frames shown, else 25 fps.
    qint64 frameDurationMs() const;
    QImage currentFrame() const { return lastFrame_; }
    // The picture as the reviewer sees it.
    const VideoFrameView* view() const { return view_; }
    QImage capturedFrame() const { return captured_; }
    QMediaPlayer* player() const { return player_; }
    static const QList<double>& speeds();

public slots:
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBackward();
    void setSpeed(double speed);
    void slower();
    void faster();
    void seek(qint64 ms);
    // Holds the frame on screen (capturedFrame) and announces it; before any frame has been
    // shown, says so instead (problem).
    void captureFrame();

signals:
    void durationKnown(qint64 ms);
    void frameShown(qint64 positionMs);
    void frameCaptured(const QImage& frame);
    void problem(const QString& message);

private:
    void buildControls(QWidget* bar);
    void addShortcut(const QKeySequence& keys, void (VideoPanel::*slot)());
    void onFrame(const QVideoFrame& frame);
    void onDuration(qint64 ms);
    void onPosition(qint64 ms);
    void updateControls();

    QMediaPlayer* player_ = nullptr;
    QVideoSink* sink_ = nullptr;
    VideoFrameView* view_ = nullptr;
    QLabel* message_ = nullptr;
    QToolButton* playButton_ = nullptr;
    QSlider* scrub_ = nullptr;
    QLabel* time_ = nullptr;
    QComboBox* speedBox_ = nullptr;
    QList<QWidget*> controls_;
    QByteArray bytes_;
    QBuffer buffer_;
    QImage lastFrame_;
    qint64 observedFrameMs_ = 0;
    bool playWhenLoaded_ = false;
    QImage captured_;
};

}  // namespace tessera::reviewer
