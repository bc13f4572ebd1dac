#include "ui/VideoPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QShortcut>
#include <QSlider>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QVideoSink>

#include "ui/VideoFrameView.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tessera::reviewer {

namespace {

QString clock(qint64 ms) {
    ms = std::max<qint64>(ms, 0);
    return QStringLiteral("%1:%2.%3")
        .arg(ms / 60000)
        .arg((ms / 1000) % 60, 2, 10, QLatin1Char('0'))
        .arg((ms / 100) % 10);
}

}  // namespace

const QList<double>& VideoPanel::speeds() {
    static const QList<double> list{0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0};
    return list;
}

VideoPanel::VideoPanel(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Selfie video"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Selfie video")), this);
    title->setAccessibleName(tr("Selfie video"));
    layout->addWidget(title);

    auto* pages = new QStackedWidget(this);
    pages->setAccessibleName(tr("Selfie video area"));
    message_ = new QLabel(tr("No video"), pages);
    message_->setAlignment(Qt::AlignCenter);
    message_->setWordWrap(true);
    message_->setAccessibleName(tr("Video status"));
    view_ = new VideoFrameView(pages);
    view_->setAccessibleName(tr("Selfie video picture"));
    pages->addWidget(message_);
    pages->addWidget(view_);
    layout->addWidget(pages, 1);

    auto* bar = new QWidget(this);
    bar->setAccessibleName(tr("Video controls"));
    buildControls(bar);
    layout->addWidget(bar);

    player_ = new QMediaPlayer(this);
    sink_ = new QVideoSink(this);
    player_->setVideoSink(sink_);
    connect(sink_, &QVideoSink::videoFrameChanged, this, &VideoPanel::onFrame);
    connect(player_, &QMediaPlayer::durationChanged, this, &VideoPanel::onDuration);
    connect(player_, &QMediaPlayer::positionChanged, this, &VideoPanel::onPosition);
    connect(player_, &QMediaPlayer::playbackStateChanged, this, &VideoPanel::updateControls);
    // Play pressed while the video was still loading: it starts once loaded (the player
    // may drop a play() that comes before).
    connect(player_, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        if (!playWhenLoaded_) return;
        if (status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia) {
            playWhenLoaded_ = false;
            player_->play();
        } else if (status == QMediaPlayer::InvalidMedia || status == QMediaPlayer::NoMedia) {
            playWhenLoaded_ = false;
        }
        updateControls();
    });
    connect(player_, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString& text) {
        const QString message = tr("The video cannot be played here (%1).").arg(text);
        showMessage(message);
        emit problem(message);
    });

    addShortcut(QKeySequence(Qt::Key_Space), &VideoPanel::togglePlay);
    addShortcut(QKeySequence(Qt::Key_K), &VideoPanel::togglePlay);
    addShortcut(QKeySequence(Qt::Key_Period), &VideoPanel::stepForward);
    addShortcut(QKeySequence(Qt::Key_Comma), &VideoPanel::stepBackward);
    addShortcut(QKeySequence(Qt::Key_BracketLeft), &VideoPanel::slower);
    addShortcut(QKeySequence(Qt::Key_BracketRight), &VideoPanel::faster);
    addShortcut(QKeySequence(Qt::Key_C), &VideoPanel::captureFrame);
    updateControls();
}

VideoPanel::~VideoPanel() {
    // The player reads the buffer until it stops: stop it before the buffer goes.
    player_->stop();
    player_->setSourceDevice(nullptr);
}

void VideoPanel::buildControls(QWidget* bar) {
    // The slider on a row of its own, as wide as the picture; the buttons below it.
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(1);
    auto* row = new QHBoxLayout;
    row->setSpacing(2);
    auto button = [&](const QString& text, const QString& tip, void (VideoPanel::*slot)()) {
        auto* b = new QToolButton(bar);
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setFocusPolicy(Qt::TabFocus);
        connect(b, &QToolButton::clicked, this, slot);
        row->addWidget(b);
        controls_.append(b);
        return b;
    };
    button(QStringLiteral("|◀"), tr("Previous frame (,)"), &VideoPanel::stepBackward);
    playButton_ = button(tr("Play"), tr("Play or pause (Space)"), &VideoPanel::togglePlay);
    button(QStringLiteral("▶|"), tr("Next frame (.)"), &VideoPanel::stepForward);

    scrub_ = new QSlider(Qt::Horizontal, bar);
    scrub_->setAccessibleName(tr("Position in the video"));
    scrub_->setRange(0, 0);
    connect(scrub_, &QSlider::sliderMoved, this, [this](int ms) { seek(ms); });
    connect(scrub_, &QSlider::actionTriggered, this, [this](int action) {
        // Keyboard and page clicks on the slider move the picture too, not just the handle.
        if (action != QAbstractSlider::SliderMove) seek(scrub_->sliderPosition());
    });
    rows->addWidget(scrub_);
    rows->addLayout(row);
    controls_.append(scrub_);

    time_ = new QLabel(bar);
    time_->setAccessibleName(tr("Time"));
    row->addWidget(time_, 1);

    speedBox_ = new QComboBox(bar);
    speedBox_->setAccessibleName(tr("Playback speed"));
    speedBox_->setToolTip(tr("Playback speed ([ slower, ] faster)"));
    for (double s : speeds()) speedBox_->addItem(tr("%1×").arg(s), s);
    speedBox_->setCurrentIndex(static_cast<int>(speeds().indexOf(1.0)));
    connect(speedBox_, &QComboBox::currentIndexChanged, this,
            [this](int i) { player_->setPlaybackRate(speedBox_->itemData(i).toDouble()); });
    row->addWidget(speedBox_);
    controls_.append(speedBox_);

    button(tr("Capture"), tr("Capture this frame (C)"), &VideoPanel::captureFrame);
}

void VideoPanel::addShortcut(const QKeySequence& keys, void (VideoPanel::*slot)()) {
    auto* shortcut = new QShortcut(keys, this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, slot);
}

void VideoPanel::setVideoData(const QByteArray& bytes, const QString& contentType) {
    clear();
    if (bytes.isEmpty()) return showMessage(tr("The video is empty."));
    bytes_ = bytes;
    buffer_.setData(bytes_);
    buffer_.open(QIODevice::ReadOnly);
    // The URL only tells the player the kind of file; nothing is read from it.
    const QString name = contentType == QLatin1String("video/mp4") ? QStringLiteral("selfie.mp4")
                                                                   : QStringLiteral("selfie.webm");
    player_->setSourceDevice(&buffer_, QUrl(name));
    static_cast<QStackedWidget*>(view_->parentWidget())->setCurrentWidget(view_);
    updateControls();
}

void VideoPanel::clear(const QString& message) {
    playWhenLoaded_ = false;
    player_->stop();
    player_->setSourceDevice(nullptr);
    buffer_.close();
    buffer_.setData(QByteArray());
    bytes_.clear();
    lastFrame_ = QImage();
    view_->clear();
    observedFrameMs_ = 0;
    captured_ = QImage();
    scrub_->setRange(0, 0);
    showMessage(message.isEmpty() ? tr("No video") : message);
}

void VideoPanel::showMessage(const QString& message) {
    message_->setText(message);
    static_cast<QStackedWidget*>(message_->parentWidget())->setCurrentWidget(message_);
    updateControls();
}

qint64 VideoPanel::duration() const { return player_->duration(); }

qint64 VideoPanel::position() const { return player_->position(); }

double VideoPanel::speed() const { return player_->playbackRate(); }

bool VideoPanel::isPlaying() const { return player_->playbackState() == QMediaPlayer::PlayingState; }

qint64 VideoPanel::frameDurationMs() const {
    const double fps = player_->metaData().value(QMediaMetaData::VideoFrameRate).toDouble();
    if (fps > 0.5 && fps < 1000) return std::max<qint64>(1, std::llround(1000.0 / fps));
    return observedFrameMs_ > 0 ? observedFrameMs_ : kFallbackFrameMs;
}

void VideoPanel::play() {
    if (!hasVideo()) return;
    if (player_->mediaStatus() == QMediaPlayer::LoadingMedia) {
        playWhenLoaded_ = true;
        return updateControls();
    }
    player_->play();
}

void VideoPanel::pause() {
    playWhenLoaded_ = false;
    player_->pause();
    updateControls();
}

void VideoPanel::togglePlay() { isPlaying() || playWhenLoaded_ ? pause() : play(); }

void VideoPanel::seek(qint64 ms) {
    if (!hasVideo()) return;
    const qint64 end = duration() > 0 ? duration() : ms;
    player_->setPosition(std::clamp<qint64>(ms, 0, end));
}

void VideoPanel::stepForward() {
    if (!hasVideo()) return;
    pause();
    seek(position() + frameDurationMs());
}

void VideoPanel::stepBackward() {
    if (!hasVideo()) return;
    pause();
    seek(position() - frameDurationMs());
}

void VideoPanel::setSpeed(double speed) {
    // The nearest offered speed, so the box always shows what plays.
    const QList<double>& list = speeds();
    const auto nearest = std::min_element(list.begin(), list.end(), [speed](double a, double b) {
        return std::abs(a - speed) < std::abs(b - speed);
    });
    speedBox_->setCurrentIndex(static_cast<int>(nearest - list.begin()));
}

void VideoPanel::slower() { speedBox_->setCurrentIndex(std::max(0, speedBox_->currentIndex() - 1)); }

void VideoPanel::faster() { speedBox_->setCurrentIndex(std::min(speedBox_->count() - 1, speedBox_->currentIndex() + 1)); }

void VideoPanel::captureFrame() {
    const QImage frame = currentFrame();
    if (frame.isNull()) {
        emit problem(tr("There is no frame to capture yet: play or step through the video first."));
        return;
    }
    captured_ = frame;
    emit frameCaptured(captured_);
}

void VideoPanel::onFrame(const QVideoFrame& frame) {
    if (!frame.isValid()) return;
    // Frames that carry their times give the frame length when the video's metadata does not.
    if (frame.endTime() > frame.startTime() && frame.startTime() >= 0)
        observedFrameMs_ = std::max<qint64>(1, (frame.endTime() - frame.startTime()) / 1000);
    lastFrame_ = frame.toImage();
    view_->setFrame(lastFrame_);
    emit frameShown(position());
}

void VideoPanel::onDuration(qint64 ms) {
    scrub_->setRange(0, static_cast<int>(std::min<qint64>(ms, std::numeric_limits<int>::max())));
    scrub_->setSingleStep(static_cast<int>(frameDurationMs()));
    scrub_->setPageStep(1000);
    onPosition(position());
    if (ms > 0) emit durationKnown(ms);
}

void VideoPanel::onPosition(qint64 ms) {
    if (!scrub_->isSliderDown()) {
        const QSignalBlocker quiet(scrub_);
        scrub_->setValue(static_cast<int>(ms));
    }
    time_->setText(tr("%1 / %2").arg(clock(ms), clock(duration())));
}

void VideoPanel::updateControls() {
    for (QWidget* w : controls_) w->setEnabled(hasVideo());
    playButton_->setText(isPlaying() || playWhenLoaded_ ? tr("Pause") : tr("Play"));
    if (!hasVideo()) time_->clear();
}

}  // namespace tessera::reviewer
