#include "ui/WorkstationSettings.h"

#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include "client/ServerAddress.h"

namespace tessera::reviewer {

WorkstationSettings readWorkstationSettings(QSettings& settings, const QStringList& arguments) {
    QCommandLineParser parser;
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("The Tessera server's address."), QStringLiteral("url"));
    const QCommandLineOption idle(QStringLiteral("idle-lock-minutes"), QStringLiteral("Minutes before the lock."), QStringLiteral("minutes"));
    const QCommandLineOption outbox(QStringLiteral("outbox"), QStringLiteral("The decision outbox file."), QStringLiteral("path"));
    parser.addOptions({server, idle, outbox});
    parser.parse(arguments);  // unknown options (Qt's own, like -platform) are left to Qt

    WorkstationSettings out;
    const QString typed = parser.isSet(server) ? parser.value(server) : settings.value("server/url").toString();
    if (!typed.isEmpty()) {
        const ServerAddressCheck checked = checkServerAddress(typed);
        out.server = checked.url;
        out.serverProblem = checked.error;
    }
    bool ok = false;
    const int minutes = (parser.isSet(idle) ? parser.value(idle) : settings.value("lock/idleMinutes").toString()).toInt(&ok);
    if (ok && minutes > 0 && minutes <= 24 * 60) out.idleLockMinutes = minutes;
    out.outboxPath = parser.isSet(outbox) ? parser.value(outbox) : settings.value("outbox/path").toString();
    if (out.outboxPath.isEmpty())
        out.outboxPath = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath("decision-outbox.sqlite");
    return out;
}

}  // namespace tessera::reviewer
