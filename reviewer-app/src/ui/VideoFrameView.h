#pragma once
// The picture of the selfie video: the latest frame, drawn by the widget itself, scaled to fit
// with its proportions kept, on black. Painting the frame here (rather than in a QVideoWidget,
// which draws in a native child window) keeps it inside the layout at any scale factor and in
// grab(), so screenshots and tests see what the reviewer sees.
#include <QImage>
#include <QWidget>

namespace tessera::reviewer {

class VideoFrameView : public QWidget {
    Q_OBJECT

public:
    explicit VideoFrameView(QWidget* parent = nullptr);

    void setFrame(const QImage& frame);
    void clear();
    const QImage& frame() const { return frame_; }
    // Where the frame is drawn, in widget coordinates (empty without a frame).
    QRect frameRect() const;

    QSize sizeHint() const override { return {320, 240}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage frame_;
};

}  // namespace tessera::reviewer
