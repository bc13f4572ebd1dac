// The document photo viewer: what the reviewer sees on screen when they fit, zoom, turn and
// magnify a photo, by button, key and mouse.
#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
#include <QGraphicsView>
#include <QMouseEvent>

#include "KeyPress.h"
#include "TestPictures.h"
#include "WidgetChecks.h"
#include "support/EventLoopWait.h"
#include "support/QStringPrinting.h"
#include "ui/ImageViewer.h"
#include "ui/MagnifierLens.h"

using namespace tessera::reviewer;
using namespace tessera::reviewer::test;

namespace {

constexpr int kW = 400, kH = 250;

struct Viewer {
    ImageViewer viewer{QStringLiteral("Document front")};
    Viewer() {
        viewer.resize(640, 480);
        activate(&viewer);
        REQUIRE(viewer.setImageData(pngBytes(quarteredPhoto(kW, kH))));
        viewer.view()->setFocus();
        processEventsFor(20);
    }
    // Where the photo is on screen (viewport pixels).
    QRect onScreen() const { return viewer.view()->mapFromScene(QRectF(0, 0, kW, kH)).boundingRect(); }
    QImage screen() const { return logicalGrab(viewer.view()->viewport()); }
    // The colour the reviewer sees a few pixels inside the displayed photo's top-left corner.
    QColor topLeftSeen() const { return screen().pixelColor(onScreen().topLeft() + QPoint(8, 8)); }
    QPoint screenPointOf(QPointF scenePoint) const { return viewer.view()->mapFromScene(scenePoint); }
};

}  // namespace

TEST_CASE("a photo opens fitted to the window: all of it, as large as the window allows", "[ui][image]") {
    Viewer v;
    CHECK(v.viewer.fitsWindow());
    const QRect viewport = v.viewer.view()->viewport()->rect();
    const QRect shown = v.onScreen();
    CHECK(viewport.contains(shown.adjusted(1, 1, -1, -1)));
    // Touches the window on one side (here the sides: the photo is wider than the window's shape).
    CHECK(shown.width() >= viewport.width() - 6);
    CHECK(v.viewer.zoom() == Approx(static_cast<double>(viewport.width() - 2) / kW).epsilon(0.01));
    CHECK(near(v.topLeftSeen(), kTopLeft));
    CHECK(near(v.screen().pixelColor(v.screenPointOf({kW * 0.75, kH * 0.75})), kBottomRight));

    // A bigger window: the fitted photo grows with it.
    const int before = shown.width();
    v.viewer.resize(900, 700);
    processEventsFor(20);
    CHECK(v.onScreen().width() > before);
    CHECK(v.viewer.fitsWindow());
}

TEST_CASE("zoom by button and key changes the size the reviewer sees", "[ui][image][zoom]") {
    Viewer v;
    const double fitted = v.viewer.zoom();
    const int fittedWidth = v.onScreen().width();

    v.viewer.zoomIn();
    CHECK(v.viewer.zoom() == Approx(fitted * ImageViewer::kZoomStep));
    CHECK_FALSE(v.viewer.fitsWindow());
    CHECK(v.viewer.view()->transform().m11() == Approx(v.viewer.zoom()));
    CHECK(v.onScreen().width() == Approx(fittedWidth * ImageViewer::kZoomStep).margin(2));

    pressKey(v.viewer.view(), Qt::Key_Plus);
    CHECK(v.viewer.zoom() == Approx(fitted * ImageViewer::kZoomStep * ImageViewer::kZoomStep));
    pressKey(v.viewer.view(), Qt::Key_Minus);
    pressKey(v.viewer.view(), Qt::Key_Minus);
    CHECK(v.viewer.zoom() == Approx(fitted));

    pressKey(v.viewer.view(), Qt::Key_1);  // actual size: one photo pixel per screen pixel
    CHECK(v.viewer.zoom() == 1.0);
    CHECK(v.onScreen().width() == Approx(kW).margin(1));

    pressKey(v.viewer.view(), Qt::Key_0);  // back to fitting the window
    CHECK(v.viewer.fitsWindow());
    CHECK(v.viewer.zoom() == Approx(fitted));

    // The toolbar's buttons do the same.
    for (QAbstractButton* b : v.viewer.findChildren<QAbstractButton*>())
        if (b->accessibleName() == "Zoom in (+)") b->click();
    CHECK(v.viewer.zoom() == Approx(fitted * ImageViewer::kZoomStep));

    // Zoom stops at its limits rather than losing the photo.
    for (int i = 0; i < 40; ++i) v.viewer.zoomOut();
    CHECK(v.viewer.zoom() == Approx(ImageViewer::kMinZoom));
    for (int i = 0; i < 60; ++i) v.viewer.zoomIn();
    CHECK(v.viewer.zoom() == Approx(ImageViewer::kMaxZoom));
}

TEST_CASE("turning the photo turns what is on screen, a quarter at a time", "[ui][image][rotate]") {
    Viewer v;
    REQUIRE(near(v.topLeftSeen(), kTopLeft));
    const QRect upright = v.onScreen();
    REQUIRE(upright.width() > upright.height());

    v.viewer.rotateClockwise();
    CHECK(v.viewer.rotation() == 90);
    const QRect turned = v.onScreen();
    CHECK(turned.height() > turned.width());  // the wide photo now stands
    CHECK(v.viewer.view()->viewport()->rect().contains(turned.adjusted(1, 1, -1, -1)));  // still fitted
    // Turned right, the photo's bottom-left quarter is now top left on screen.
    CHECK(near(v.topLeftSeen(), kBottomLeft));

    pressKey(v.viewer.view(), Qt::Key_T);
    CHECK(v.viewer.rotation() == 180);
    CHECK(near(v.topLeftSeen(), kBottomRight));

    pressKey(v.viewer.view(), Qt::Key_T, Qt::ShiftModifier);
    pressKey(v.viewer.view(), Qt::Key_T, Qt::ShiftModifier);
    CHECK(v.viewer.rotation() == 0);
    CHECK(near(v.topLeftSeen(), kTopLeft));

    v.viewer.rotateCounterClockwise();
    CHECK(v.viewer.rotation() == 270);
    CHECK(near(v.topLeftSeen(), kTopRight));
}

TEST_CASE("the magnifier follows the pointer and shows that part enlarged", "[ui][image][magnifier]") {
    Viewer v;
    REQUIRE_FALSE(v.viewer.magnifierShown());
    pressKey(v.viewer.view(), Qt::Key_M);
    REQUIRE(v.viewer.magnifierShown());
    MagnifierLens* lens = v.viewer.magnifier();
    CHECK(lens->isVisible());

    // The pointer over the green quarter: the lens, centred on it, shows green.
    const QPoint over = v.screenPointOf({kW * 0.75, kH * 0.25});
    QMouseEvent move(QEvent::MouseMove, QPointF(over), v.viewer.view()->viewport()->mapToGlobal(QPointF(over)),
                     Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(v.viewer.view()->viewport(), &move);
    CHECK((lens->geometry().center() - over).manhattanLength() <= 2);
    CHECK(lens->scenePoint().x() == Approx(kW * 0.75).margin(2));
    const QImage seen = logicalGrab(lens);
    CHECK(near(seen.pixelColor(seen.rect().center()), kTopRight));

    // Enlarged: near the quarters' corner, the lens spans more of the border than the view does.
    const QPoint corner = v.screenPointOf({kW * 0.5 + 8, kH * 0.5 + 8});
    QMouseEvent toCorner(QEvent::MouseMove, QPointF(corner), v.viewer.view()->viewport()->mapToGlobal(QPointF(corner)),
                         Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(v.viewer.view()->viewport(), &toCorner);
    const QImage close = logicalGrab(lens);
    const QPoint c = close.rect().center();
    // 8 photo pixels from the corner is 8 × zoom × 3 lens pixels: the other quarters show inside the lens.
    const int offset = static_cast<int>(8 * v.viewer.zoom() * MagnifierLens::kFactor) + 6;
    CHECK(near(close.pixelColor(c), kBottomRight));
    CHECK(near(close.pixelColor(c - QPoint(offset, offset)), kTopLeft));

    // The button and the key toggle it off again.
    pressKey(v.viewer.view(), Qt::Key_M);
    CHECK_FALSE(v.viewer.magnifierShown());
    for (QAbstractButton* b : v.viewer.findChildren<QAbstractButton*>())
        if (b->accessibleName() == "Magnifier (M)") b->click();
    CHECK(v.viewer.magnifierShown());
}

TEST_CASE("bytes that are not a photo are said to be so, and nothing is shown", "[ui][image]") {
    ImageViewer viewer(QStringLiteral("Document back"));
    viewer.resize(400, 300);
    viewer.show();
    CHECK_FALSE(viewer.setImageData("%PDF-1.7 not a photo"));
    CHECK_FALSE(viewer.hasImage());
    QStringList texts;
    for (QWidget* w : viewer.findChildren<QWidget*>())
        if (w->isVisible()) texts << w->property("text").toString();
    CHECK(texts.join(' ').contains("cannot be shown"));
    for (QAbstractButton* b : viewer.findChildren<QAbstractButton*>()) CHECK_FALSE(b->isEnabled());
    viewer.zoomIn();  // nothing to zoom: nothing happens
    viewer.rotateClockwise();
    CHECK(viewer.rotation() == 0);

    CHECK(viewer.setImageData(jpegBytes(quarteredPhoto())));
    CHECK(viewer.hasImage());
    viewer.clear();
    CHECK_FALSE(viewer.hasImage());
    CHECK(unnamedControls(&viewer).isEmpty());
}
