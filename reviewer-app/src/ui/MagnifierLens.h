#pragma once
// A round lens over a photo that shows the part under the mouse enlarged (three times the
// view's zoom), turned as the view is turned: for reading small print and comparing the
// portrait without changing the view. It takes no mouse input itself.
#include <QPixmap>
#include <QPointF>
#include <QWidget>

namespace tessera::reviewer {

class MagnifierLens : public QWidget {
    Q_OBJECT

public:
    static constexpr double kFactor = 3.0;

    explicit MagnifierLens(QWidget* parent);

    // What to draw: the photo, the scene point to centre on, and the view's zoom and turn.
    void show(const QPixmap& photo, QPointF scenePoint, double viewZoom, int rotation);
    QPointF scenePoint() const { return scenePoint_; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QPixmap photo_;
    QPointF scenePoint_;
    double zoom_ = 1.0;
    int rotation_ = 0;
};

}  // namespace tessera::reviewer
