#include "ui/IdleWatch.h"

#include <QCoreApplication>
#include <QEvent>

namespace tessera::reviewer {

namespace {

bool isInput(QEvent::Type type) {
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        return true;
    default:
        return false;
    }
}

}  // namespace

IdleWatch::IdleWatch(QObject* parent) : QObject(parent) {
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &IdleWatch::idle);
    QCoreApplication::instance()->installEventFilter(this);
}

void IdleWatch::start(int idleMs) {
    if (idleMs <= 0) return stop();
    timer_.start(idleMs);
}

void IdleWatch::stop() { timer_.stop(); }

bool IdleWatch::eventFilter(QObject* watched, QEvent* event) {
    if (timer_.isActive() && isInput(event->type())) timer_.start();  // the same interval again
    return QObject::eventFilter(watched, event);
}

}  // namespace tessera::reviewer
