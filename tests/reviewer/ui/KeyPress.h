#pragma once
// Pressing a key as a person does: the shortcut map sees it first (a QShortcut of the focused
// window answers), otherwise the focused widget gets the press and release. The same path
// QTest takes, without linking QtTest.
#include <QString>
#include <Qt>

class QWidget;

namespace tessera::reviewer::test {

// Gives `window` focus and activation, as a click on it would (shortcuts need an active window).
void activate(QWidget* window);
// `target` should be (inside) the active window; by default its focus widget receives the key.
void pressKey(QWidget* target, Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier, const QString& text = {});

}  // namespace tessera::reviewer::test
