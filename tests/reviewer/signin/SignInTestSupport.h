#pragma once
// Helpers of the sign-in tests: a home folder of the test's own (so nothing lands in the real
// one and what was written can be searched), and no keychain.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <map>
#include <optional>

namespace tessera::reviewer::test {

// Sets environment variables for its lifetime and puts the old values back after.
class EnvironmentOverride {
public:
    EnvironmentOverride() = default;
    EnvironmentOverride(const EnvironmentOverride&) = delete;
    EnvironmentOverride& operator=(const EnvironmentOverride&) = delete;
    ~EnvironmentOverride();
    void set(const char* name, const QByteArray& value);

private:
    std::map<QByteArray, std::optional<QByteArray>> saved_;
};

// HOME and the XDG folders (config, data, cache, state, runtime) in a fresh temporary folder,
// and a D-Bus session address where no bus listens: no Secret Service, as on CI.
class IsolatedHome {
public:
    IsolatedHome();
    QString path() const { return dir_.path(); }
    // Files under the home holding `needle` (paths relative to the home).
    QStringList filesContaining(const QByteArray& needle) const;

private:
    QTemporaryDir dir_;
    EnvironmentOverride env_;
};

}  // namespace tessera::reviewer::test
