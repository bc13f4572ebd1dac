#include "signin/TokenVault.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

namespace tessera::reviewer {

TokenVault::TokenVault(QString serverAddress, QObject* parent) : QObject(parent), key_(std::move(serverAddress)) {}

void TokenVault::prepare(QKeychain::Job& job) {
    job.setKey(key_);
    job.setAutoDelete(true);
    // Never: it would write the token to a settings file when the keychain is missing.
    job.setInsecureFallback(false);
}

void TokenVault::load(QObject* context, std::function<void(QString)> done) {
    if (status_ == Status::MemoryOnly) {
        QTimer::singleShot(0, context, [this, done = std::move(done)] { done(memoryToken_); });
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(QString::fromLatin1(kService), this);
    prepare(*job);
    connect(job, &QKeychain::Job::finished, context, [this, job, done = std::move(done)] {
        switch (job->error()) {
        case QKeychain::NoError:
            keychainAnswered();
            return done(job->textData());
        case QKeychain::EntryNotFound:
            keychainAnswered();
            return done(QString());
        default:
            keychainFailed(*job);
            return done(memoryToken_);
        }
    });
    job->start();
}

void TokenVault::store(const QString& refreshToken) {
    ++writes_;
    if (status_ == Status::MemoryOnly) {
        memoryToken_ = refreshToken;
        Q_EMIT written();
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(QString::fromLatin1(kService), this);
    prepare(*job);
    job->setTextData(refreshToken);
    const quint64 write = writes_;
    connect(job, &QKeychain::Job::finished, this, [this, job, refreshToken, write] {
        if (job->error() == QKeychain::NoError) {
            keychainAnswered();
        } else {
            keychainFailed(*job);
            // Kept for the session, unless a later store or clear was asked for meanwhile.
            if (write == writes_) memoryToken_ = refreshToken;
        }
        Q_EMIT written();
    });
    job->start();
}

void TokenVault::clear() {
    ++writes_;
    memoryToken_.clear();
    if (status_ == Status::MemoryOnly) {
        Q_EMIT written();
        return;
    }
    auto* job = new QKeychain::DeletePasswordJob(QString::fromLatin1(kService), this);
    prepare(*job);
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound) keychainAnswered();
        else keychainFailed(*job);
        Q_EMIT written();
    });
    job->start();
}

void TokenVault::keychainAnswered() {
    if (status_ == Status::Keychain) return;
    status_ = Status::Keychain;
    statusMessage_ = tr("Your sign-in is kept in this computer's keychain.");
    Q_EMIT statusChanged(status_, statusMessage_);
}

void TokenVault::keychainFailed(const QKeychain::Job& job) {
    status_ = Status::MemoryOnly;
    statusMessage_ = tr("No keychain is available on this computer (%1). Your sign-in is kept only while the "
                        "workstation runs: you will be asked to sign in again next time.")
                         .arg(job.errorString());
    Q_EMIT statusChanged(status_, statusMessage_);
}

}  // namespace tessera::reviewer
