#pragma once
// Checks every widget test shares: controls without an accessible name, and the size limit of
// the workstation's smallest screen (1366×768). Screenshots go to <build dir>/reviewer-screenshots.
#include <QImage>
#include <QSize>
#include <QStringList>

class QWidget;

namespace tessera::reviewer::test {

inline constexpr QSize kSmallScreen{1366, 768};

// The buttons, boxes, tables, sliders and text fields under `root` that a screen reader could
// not name (Qt's own parts of combo boxes, tab bars and tables aside).
QStringList unnamedControls(QWidget* root);
// `widget` as drawn, one pixel per logical pixel whatever the screen's pixel ratio, so points
// from mapFromScene and friends address the image directly.
QImage logicalGrab(QWidget* widget);
// Saves `widget` as it is drawn to <build dir>/reviewer-screenshots/<name>.png (or
// $TESSERA_SCREENSHOT_DIR/<name>.png); the path.
QString saveScreenshot(QWidget* widget, const QString& name);

}  // namespace tessera::reviewer::test
