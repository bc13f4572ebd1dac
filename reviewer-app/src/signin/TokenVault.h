#pragma once
// Where the refresh token outlives the program: the operating system's keychain through
// QtKeychain (service "tessera-reviewer", key = the server address), NEVER a plain file:
// QtKeychain's insecure fallback (a QSettings file) stays off. Where no keychain answers (no
// Secret Service, as on CI, or the reviewer refused access), the token is kept in this object's
// memory for the session only and status() says so. Jobs run one after another (QtKeychain
// queues them), so a store followed by a clear ends cleared.
#include <QObject>
#include <QString>

#include <functional>

namespace QKeychain {
class Job;
}

namespace tessera::reviewer {

class TokenVault : public QObject {
    Q_OBJECT
public:
    enum class Status {
        Unknown,     // not used yet
        Keychain,    // the keychain answered: the token survives a restart
        MemoryOnly   // no keychain: the token is kept for this session only
    };
    Q_ENUM(Status)

    static constexpr const char* kService = "tessera-reviewer";

    explicit TokenVault(QString serverAddress, QObject* parent = nullptr);

    Status status() const { return status_; }
    // For the reviewer: where the sign-in is kept, and why not in the keychain.
    QString statusMessage() const { return statusMessage_; }
    QString serverAddress() const { return key_; }

    // The stored refresh token, or empty when there is none. Answers on `context`'s thread.
    void load(QObject* context, std::function<void(QString)> done);
    void store(const QString& refreshToken);
    void clear();

Q_SIGNALS:
    void statusChanged(tessera::reviewer::TokenVault::Status status, const QString& message);
    // After each store or clear has reached the keychain (or memory).
    void written();

private:
    void keychainAnswered();
    void keychainFailed(const QKeychain::Job& job);
    void prepare(QKeychain::Job& job);

    QString key_;
    Status status_ = Status::Unknown;
    QString statusMessage_;
    QString memoryToken_;  // only in MemoryOnly
    quint64 writes_ = 0;   // stores and clears asked for so far: a late answer must not undo a later one
};

}  // namespace tessera::reviewer
