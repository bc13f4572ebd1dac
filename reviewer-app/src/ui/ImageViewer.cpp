#include "ui/ImageViewer.h"

#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QShortcut>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>

#include "ui/MagnifierLens.h"

namespace tessera::reviewer {

ImageViewer::ImageViewer(const QString& title, QWidget* parent) : QWidget(parent), title_(title) {
    setAccessibleName(title);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto* bar = new QWidget(this);
    bar->setAccessibleName(tr("%1 tools").arg(title));
    buildToolBar(bar);
    layout->addWidget(bar);

    auto* pages = new QStackedWidget(this);
    pages->setAccessibleName(tr("%1 area").arg(title));
    message_ = new QLabel(tr("No photo"), pages);
    message_->setAlignment(Qt::AlignCenter);
    message_->setWordWrap(true);
    message_->setAccessibleName(tr("%1 status").arg(title));
    scene_ = new QGraphicsScene(this);
    photo_ = scene_->addPixmap(QPixmap());
    photo_->setTransformationMode(Qt::SmoothTransformation);
    view_ = new QGraphicsView(scene_, pages);
    view_->setAccessibleName(title);
    view_->setAccessibleDescription(
        tr("Drag or use the arrow keys to pan; + and - zoom, 0 fits, 1 shows actual size, T turns, M magnifies."));
    view_->setDragMode(QGraphicsView::ScrollHandDrag);
    view_->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    view_->setResizeAnchor(QGraphicsView::AnchorViewCenter);
    view_->setRenderHint(QPainter::SmoothPixmapTransform);
    view_->setBackgroundBrush(QColor(0x50, 0x50, 0x50));  // neutral: no colour cast on the photo's edges
    view_->setFocusPolicy(Qt::StrongFocus);
    view_->setMinimumSize(120, 90);
    view_->viewport()->setMouseTracking(true);
    view_->viewport()->installEventFilter(this);
    lens_ = new MagnifierLens(view_->viewport());
    pages->addWidget(message_);
    pages->addWidget(view_);
    layout->addWidget(pages, 1);

    addShortcut(QKeySequence(Qt::Key_Plus), &ImageViewer::zoomIn);
    addShortcut(QKeySequence(Qt::Key_Equal), &ImageViewer::zoomIn);
    addShortcut(QKeySequence::ZoomIn, &ImageViewer::zoomIn);
    addShortcut(QKeySequence(Qt::Key_Minus), &ImageViewer::zoomOut);
    addShortcut(QKeySequence::ZoomOut, &ImageViewer::zoomOut);
    addShortcut(QKeySequence(Qt::Key_0), &ImageViewer::fitToWindow);
    addShortcut(QKeySequence(Qt::Key_1), &ImageViewer::actualSize);
    addShortcut(QKeySequence(Qt::Key_T), &ImageViewer::rotateClockwise);
    addShortcut(QKeySequence(Qt::SHIFT | Qt::Key_T), &ImageViewer::rotateCounterClockwise);
    addShortcut(QKeySequence(Qt::Key_M), &ImageViewer::toggleMagnifier);
    updateControls();
}

void ImageViewer::buildToolBar(QWidget* bar) {
    // Two rows (the title, then the tools): three photos side by side must fit a 1366-pixel
    // screen, and the photos are wider than tall, so height is what there is to spare.
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(1);
    auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(title_.toHtmlEscaped()), bar);
    title->setAccessibleName(title_);
    rows->addWidget(title);
    auto* row = new QHBoxLayout;
    row->setSpacing(1);
    rows->addLayout(row);
    auto button = [&](const QString& text, const QString& tip, void (ImageViewer::*slot)()) {
        auto* b = new QToolButton(bar);
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setFocusPolicy(Qt::TabFocus);
        if (slot) connect(b, &QToolButton::clicked, this, slot);
        row->addWidget(b);
        photoButtons_.append(b);
        return b;
    };
    button(QStringLiteral("−"), tr("Zoom out (-)"), &ImageViewer::zoomOut);
    zoomLabel_ = new QLabel(bar);
    zoomLabel_->setMinimumWidth(36);
    zoomLabel_->setAlignment(Qt::AlignCenter);
    zoomLabel_->setAccessibleName(tr("Zoom level"));
    row->addWidget(zoomLabel_);
    button(QStringLiteral("+"), tr("Zoom in (+)"), &ImageViewer::zoomIn);
    button(tr("Fit"), tr("Fit to window (0)"), &ImageViewer::fitToWindow);
    button(tr("1:1"), tr("Actual size (1)"), &ImageViewer::actualSize);
    button(QStringLiteral("⟲"), tr("Turn left (Shift+T)"), &ImageViewer::rotateCounterClockwise);
    button(QStringLiteral("⟳"), tr("Turn right (T)"), &ImageViewer::rotateClockwise);
    magnifierButton_ = button(tr("Lens"), tr("Magnifier (M)"), nullptr);
    magnifierButton_->setCheckable(true);
    row->addStretch(1);
    connect(magnifierButton_, &QToolButton::toggled, this, &ImageViewer::setMagnifierShown);
}

void ImageViewer::addShortcut(const QKeySequence& keys, void (ImageViewer::*slot)()) {
    auto* shortcut = new QShortcut(keys, this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, slot);
}

bool ImageViewer::setImageData(const QByteArray& bytes) {
    QImage image;
    if (bytes.isEmpty() || !image.loadFromData(bytes)) {
        clear(tr("This photo cannot be shown: it is not an image this workstation can read."));
        return false;
    }
    setImage(image);
    return true;
}

void ImageViewer::setImage(const QImage& image) {
    photo_->setPixmap(QPixmap::fromImage(image));
    scene_->setSceneRect(photo_->boundingRect());
    static_cast<QStackedWidget*>(view_->parentWidget())->setCurrentWidget(view_);
    rotation_ = 0;
    fitToWindow();
}

void ImageViewer::clear(const QString& message) {
    photo_->setPixmap(QPixmap());
    lens_->hide();
    magnifierButton_->setChecked(false);
    showMessage(message.isEmpty() ? tr("No photo") : message);
}

void ImageViewer::showMessage(const QString& message) {
    message_->setText(message);
    static_cast<QStackedWidget*>(message_->parentWidget())->setCurrentWidget(message_);
    updateControls();
}

bool ImageViewer::hasImage() const { return !photo_->pixmap().isNull(); }

QImage ImageViewer::image() const { return photo_->pixmap().toImage(); }

bool ImageViewer::magnifierShown() const { return lens_->isVisible(); }

double ImageViewer::fittingZoom() const {
    const QSizeF size = photo_->pixmap().size();
    if (size.isEmpty()) return 1.0;
    const bool sideways = rotation_ == 90 || rotation_ == 270;
    const double w = sideways ? size.height() : size.width();
    const double h = sideways ? size.width() : size.height();
    // A pixel to spare on each side, so the fitted photo never calls up scroll bars.
    const QSize room = view_->viewport()->size() - QSize(2, 2);
    return std::clamp(std::min(room.width() / w, room.height() / h), kMinZoom, kMaxZoom);
}

void ImageViewer::applyTransform() {
    if (fitting_) zoom_ = fittingZoom();
    view_->setTransform(QTransform().rotate(rotation_).scale(zoom_, zoom_));
    if (fitting_) view_->centerOn(photo_);
    if (lens_->isVisible()) moveLens(lensPos_);
    updateControls();
    emit zoomChanged(zoom_);
}

void ImageViewer::setZoom(double zoom) {
    if (!hasImage()) return;
    fitting_ = false;
    zoom_ = std::clamp(zoom, kMinZoom, kMaxZoom);
    applyTransform();
}

void ImageViewer::zoomIn() { setZoom(zoom_ * kZoomStep); }

void ImageViewer::zoomOut() { setZoom(zoom_ / kZoomStep); }

void ImageViewer::actualSize() { setZoom(1.0); }

void ImageViewer::fitToWindow() {
    fitting_ = true;
    if (hasImage()) applyTransform();
}

void ImageViewer::rotateClockwise() {
    if (!hasImage()) return;
    rotation_ = (rotation_ + 90) % 360;
    applyTransform();
    emit rotationChanged(rotation_);
}

void ImageViewer::rotateCounterClockwise() {
    if (!hasImage()) return;
    rotation_ = (rotation_ + 270) % 360;
    applyTransform();
    emit rotationChanged(rotation_);
}

void ImageViewer::toggleMagnifier() { setMagnifierShown(!magnifierShown()); }

void ImageViewer::setMagnifierShown(bool shown) {
    shown = shown && hasImage();
    if (shown) {
        if (!view_->viewport()->rect().contains(lensPos_)) lensPos_ = view_->viewport()->rect().center();
        moveLens(lensPos_);
    } else {
        lens_->hide();
    }
    const QSignalBlocker quiet(magnifierButton_);
    magnifierButton_->setChecked(shown);
}

void ImageViewer::moveLens(QPoint viewportPos) {
    lensPos_ = viewportPos;
    lens_->move(viewportPos - QPoint(lens_->width() / 2, lens_->height() / 2));
    lens_->show(photo_->pixmap(), view_->mapToScene(viewportPos), zoom_, rotation_);
}

bool ImageViewer::eventFilter(QObject* watched, QEvent* event) {
    if (watched == view_->viewport()) {
        switch (event->type()) {
            case QEvent::MouseMove:
                if (lens_->isVisible()) moveLens(static_cast<QMouseEvent*>(event)->position().toPoint());
                break;
            case QEvent::Resize:
                if (fitting_ && hasImage()) applyTransform();
                break;
            case QEvent::Wheel: {
                // The wheel zooms about the pointer (the view's anchor); scroll bars still pan.
                const int delta = static_cast<QWheelEvent*>(event)->angleDelta().y();
                if (delta == 0) break;
                delta > 0 ? zoomIn() : zoomOut();
                return true;
            }
            default: break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ImageViewer::updateControls() {
    for (QToolButton* b : photoButtons_) b->setEnabled(hasImage());
    zoomLabel_->setText(hasImage() ? tr("%1%").arg(qRound(zoom_ * 100)) : QString());
}

}  // namespace tessera::reviewer
