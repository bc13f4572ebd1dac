#include "ui/MagnifierLens.h"

#include <QPainter>
#include <QPainterPath>

namespace tessera::reviewer {

MagnifierLens::MagnifierLens(QWidget* parent) : QWidget(parent) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setFixedSize(200, 200);
    setAccessibleName(tr("Magnifier"));
    setAccessibleDescription(tr("Shows the part of the photo under the pointer enlarged."));
    hide();
}

void MagnifierLens::show(const QPixmap& photo, QPointF scenePoint, double viewZoom, int rotation) {
    photo_ = photo;
    scenePoint_ = scenePoint;
    zoom_ = viewZoom;
    rotation_ = rotation;
    QWidget::show();
    raise();
    update();
}

void MagnifierLens::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath circle;
    circle.addEllipse(QRectF(rect()).adjusted(2, 2, -2, -2));
    p.setClipPath(circle);
    p.fillRect(rect(), palette().color(QPalette::Dark));
    p.save();
    p.translate(width() / 2.0, height() / 2.0);
    p.rotate(rotation_);
    p.scale(zoom_ * kFactor, zoom_ * kFactor);
    p.translate(-scenePoint_);
    p.drawPixmap(0, 0, photo_);
    p.restore();
    p.setClipping(false);
    p.setPen(QPen(palette().color(QPalette::Highlight), 3));
    p.drawEllipse(QRectF(rect()).adjusted(2, 2, -2, -2));
}

}  // namespace tessera::reviewer
