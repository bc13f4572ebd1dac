#include "SignInTestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

namespace tessera::reviewer::test {

EnvironmentOverride::~EnvironmentOverride() {
    for (const auto& [name, value] : saved_) {
        if (value) qputenv(name.constData(), *value);
        else qunsetenv(name.constData());
    }
}

void EnvironmentOverride::set(const char* name, const QByteArray& value) {
    if (!saved_.count(name))
        saved_[name] = qEnvironmentVariableIsSet(name) ? std::optional<QByteArray>(qgetenv(name)) : std::nullopt;
    qputenv(name, value);
}

IsolatedHome::IsolatedHome() {
    const QString home = dir_.path();
    for (const char* sub : {".config", ".local/share", ".cache", ".local/state", "run"}) QDir(home).mkpath(sub);
    QFile::setPermissions(home + "/run", QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    env_.set("HOME", home.toUtf8());
    env_.set("XDG_CONFIG_HOME", (home + "/.config").toUtf8());
    env_.set("XDG_DATA_HOME", (home + "/.local/share").toUtf8());
    env_.set("XDG_CACHE_HOME", (home + "/.cache").toUtf8());
    env_.set("XDG_STATE_HOME", (home + "/.local/state").toUtf8());
    env_.set("XDG_RUNTIME_DIR", (home + "/run").toUtf8());
    env_.set("DBUS_SESSION_BUS_ADDRESS", ("unix:path=" + home + "/run/no-bus-here").toUtf8());
}

QStringList IsolatedHome::filesContaining(const QByteArray& needle) const {
    QStringList found;
    QDirIterator it(dir_.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << QDir(dir_.path()).relativeFilePath(path);
    }
    return found;
}

}  // namespace tessera::reviewer::test
