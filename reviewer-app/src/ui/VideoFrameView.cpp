#include "ui/VideoFrameView.h"

#include <QPainter>

namespace tessera::reviewer {

VideoFrameView::VideoFrameView(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 120);
}

void VideoFrameView::setFrame(const QImage& frame) {
    frame_ = frame;
    update();
}

void VideoFrameView::clear() {
    frame_ = QImage();
    update();
}

QRect VideoFrameView::frameRect() const {
    if (frame_.isNull()) return {};
    const QSize size = frame_.size().scaled(this->size(), Qt::KeepAspectRatio);
    return QRect(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size);
}

void VideoFrameView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    if (frame_.isNull()) return;
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(frameRect(), frame_);
}

}  // namespace tessera::reviewer
