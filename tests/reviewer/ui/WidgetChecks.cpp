#include "WidgetChecks.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QMenuBar>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabBar>
#include <QWidget>

namespace tessera::reviewer::test {

namespace {

bool insideQtPart(const QWidget* w, const QWidget* root) {
    for (const QWidget* p = w->parentWidget(); p && p != root; p = p->parentWidget())
        if (qobject_cast<const QComboBox*>(p) || qobject_cast<const QTabBar*>(p) ||
            qobject_cast<const QAbstractItemView*>(p) || qobject_cast<const QScrollBar*>(p) ||
            qobject_cast<const QMenuBar*>(p) || qobject_cast<const QAbstractSpinBox*>(p))
            return true;
    return false;
}

bool isControl(const QWidget* w) {
    if (qobject_cast<const QScrollBar*>(w)) return false;
    return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QComboBox*>(w) ||
           qobject_cast<const QAbstractItemView*>(w) || qobject_cast<const QAbstractSlider*>(w) ||
           qobject_cast<const QLineEdit*>(w) || qobject_cast<const QPlainTextEdit*>(w) ||
           qobject_cast<const QAbstractSpinBox*>(w);
}

}  // namespace

QImage logicalGrab(QWidget* widget) {
    const QImage drawn = widget->grab().toImage();
    if (drawn.size() == widget->size()) return drawn;
    return drawn.scaled(widget->size(), Qt::IgnoreAspectRatio, Qt::FastTransformation);
}

QStringList unnamedControls(QWidget* root) {
    QStringList out;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!isControl(w) || insideQtPart(w, root)) continue;
        if (w->accessibleName().trimmed().isEmpty())
            out << QStringLiteral("%1 \"%2\"").arg(QLatin1String(w->metaObject()->className()), w->objectName());
    }
    return out;
}

QString saveScreenshot(QWidget* widget, const QString& name) {
    // TESSERA_SCREENSHOT_DIR: somewhere else (e.g. docs/screenshots, to refresh the README's pictures).
    const QString dir = qEnvironmentVariableIsEmpty("TESSERA_SCREENSHOT_DIR") ? QStringLiteral(TESSERA_BINARY_DIR "/reviewer-screenshots")
                                                                             : qEnvironmentVariable("TESSERA_SCREENSHOT_DIR");
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + name + QStringLiteral(".png");
    widget->grab().save(path);
    return path;
}

}  // namespace tessera::reviewer::test
