#pragma once
// What the workstation is configured with: the server's address (https, or http on a
// loopback host only), minutes of inactivity before the lock, and where the decision outbox
// lives. Read from QSettings (the organisation's managed settings on a government workstation),
// overridden by the command line (--server URL, --idle-lock-minutes N).
#include <QString>
#include <QStringList>
#include <QUrl>

class QSettings;

namespace tessera::reviewer {

struct WorkstationSettings {
    static constexpr int kDefaultIdleLockMinutes = 10;

    QUrl server;                 // empty when none (or a refused one) was given
    QString serverProblem;       // why the given address was refused, for the person
    int idleLockMinutes = kDefaultIdleLockMinutes;
    QString outboxPath;          // the SQLite file of decisions not yet confirmed by the server
};

WorkstationSettings readWorkstationSettings(QSettings& settings, const QStringList& arguments);

}  // namespace tessera::reviewer
