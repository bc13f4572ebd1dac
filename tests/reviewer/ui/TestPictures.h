#pragma once
// Pictures for the widget tests, drawn in memory: a photo with four coloured quarters (so a
// test can see where each part of it ended up on screen) and specimen identity documents
// (for the screenshots).
#include <QByteArray>
#include <QColor>
#include <QImage>

namespace tessera::reviewer::test {

inline const QColor kTopLeft{220, 40, 40};      // red
inline const QColor kTopRight{40, 170, 60};     // green
inline const QColor kBottomLeft{40, 80, 220};   // blue
inline const QColor kBottomRight{240, 200, 30}; // yellow

QImage quarteredPhoto(int width = 400, int height = 250);
QByteArray pngBytes(const QImage& image);
QByteArray jpegBytes(const QImage& image);
// A specimen driving licence's front (with a drawn portrait) or back.
QImage specimenDocumentFront();
QImage specimenDocumentBack();

// True when the colour at a spot is close to `expected` (JPEG and smoothing move colours a little).
bool near(QColor actual, QColor expected, int tolerance = 40);

}  // namespace tessera::reviewer::test
