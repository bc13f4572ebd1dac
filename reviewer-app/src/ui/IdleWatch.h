#pragma once
// Locks the workstation after a time without keyboard or mouse input: it watches every input
// event of the application and says idle() once when the time has passed.
#include <QObject>
#include <QTimer>

namespace tessera::reviewer {

class IdleWatch : public QObject {
    Q_OBJECT

public:
    explicit IdleWatch(QObject* parent = nullptr);

    // Watching starts (again) with the full time; 0 or less stops watching.
    void start(int idleMs);
    void stop();
    bool isWatching() const { return timer_.isActive(); }

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer timer_;
};

}  // namespace tessera::reviewer
