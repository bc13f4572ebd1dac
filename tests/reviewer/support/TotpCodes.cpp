#include "support/TotpCodes.h"

#include <QDateTime>
#include <QMap>
#include <QProcess>

#include <stdexcept>

#include "support/EventLoopWait.h"

namespace tessera::reviewer::test {

namespace {

constexpr qint64 kPeriod = 30;
constexpr qint64 kSafetySeconds = 3;  // a code must still be good when it reaches the server

QMap<QString, qint64>& lastStepUsed() {
    static QMap<QString, qint64> steps;
    return steps;
}

}  // namespace

QString totpCodeAt(const QString& base32Secret, qint64 unixSeconds) {
    QProcess oathtool;
    oathtool.start("oathtool", {"--totp", "-b", base32Secret, "-N", "@" + QString::number(unixSeconds)});
    if (!oathtool.waitForFinished(10'000) || oathtool.exitStatus() != QProcess::NormalExit || oathtool.exitCode() != 0)
        throw std::runtime_error("oathtool failed (is it installed?): " + oathtool.errorString().toStdString() + " " +
                                 oathtool.readAllStandardError().toStdString());
    const QString code = QString::fromLatin1(oathtool.readAllStandardOutput()).trimmed();
    if (code.size() != 6) throw std::runtime_error("oathtool printed no code: " + code.toStdString());
    return code;
}

QString nextTotpCode(const QString& base32Secret) {
    qint64& last = lastStepUsed()[base32Secret];
    if (last == 0) last = -1;
    for (;;) {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 current = now / kPeriod;
        const qint64 secondsLeft = (current + 1) * kPeriod - now;
        qint64 step = -1;
        if (current > last && secondsLeft > kSafetySeconds) step = current;
        else if (current + 1 > last) step = current + 1;
        if (step >= 0) {
            last = step;
            return totpCodeAt(base32Secret, step * kPeriod);
        }
        processEventsFor(static_cast<int>(secondsLeft * 1000 + 200));  // events go on: servers, relays
    }
}

}  // namespace tessera::reviewer::test
