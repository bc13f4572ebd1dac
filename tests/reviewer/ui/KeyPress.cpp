#include "KeyPress.h"

#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

#include "support/EventLoopWait.h"

// Exported by QtGui for QTest: offers a key to the shortcut map as the window system does.
Q_GUI_EXPORT bool qt_sendShortcutOverrideEvent(QObject* o, ulong timestamp, int k, Qt::KeyboardModifiers mods,
                                               const QString& text = QString(), bool autorep = false,
                                               ushort count = 1);

namespace tessera::reviewer::test {

namespace {

QString textFor(Qt::Key key, Qt::KeyboardModifiers modifiers) {
    if (modifiers & (Qt::ControlModifier | Qt::AltModifier)) return {};
    if (key >= Qt::Key_A && key <= Qt::Key_Z) {
        const QChar c(u'a' + (key - Qt::Key_A));
        return modifiers & Qt::ShiftModifier ? QString(c.toUpper()) : QString(c);
    }
    if (key >= Qt::Key_Space && key <= Qt::Key_AsciiTilde) return QString(QChar(static_cast<char16_t>(key)));
    return {};
}

}  // namespace

void activate(QWidget* window) {
    window->show();
    window->activateWindow();
    QApplication::setActiveWindow(window);
    waitFor([window] { return window->isActiveWindow(); }, 2000);
}

void pressKey(QWidget* target, Qt::Key key, Qt::KeyboardModifiers modifiers, const QString& text) {
    QWidget* receiver = target->focusWidget() ? target->focusWidget() : target;
    const QString typed = text.isEmpty() ? textFor(key, modifiers) : text;
    static ulong timestamp = 0;
    if (qt_sendShortcutOverrideEvent(receiver, ++timestamp, key, modifiers, typed)) return;
    QKeyEvent press(QEvent::KeyPress, key, modifiers, typed);
    QApplication::sendEvent(receiver, &press);
    QKeyEvent release(QEvent::KeyRelease, key, modifiers, typed);
    QApplication::sendEvent(receiver, &release);
}

}  // namespace tessera::reviewer::test
