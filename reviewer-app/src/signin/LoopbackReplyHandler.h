#pragma once
// Qt's loopback reply handler (RFC 8252 §7.3: the browser comes back to http://127.0.0.1:PORT/callback),
// plus what Qt 6.4 leaves out: a token request the server refused, or that never got an answer,
// is reported (Qt's handler only logs it, so the sign-in would wait forever).
#include <QOAuthHttpServerReplyHandler>
#include <QString>

namespace tessera::reviewer {

class LoopbackReplyHandler : public QOAuthHttpServerReplyHandler {
    Q_OBJECT
public:
    // Listens on 127.0.0.1, on a free port; isListening() is false when no port could be had.
    explicit LoopbackReplyHandler(QObject* parent = nullptr);

    // The redirect URI the server sees: the IP literal, as registered (http://127.0.0.1/callback).
    QString redirectUri() const;

Q_SIGNALS:
    // httpStatus 0: no answer at all (networkError says why); otherwise the OAuth error fields.
    void tokenRequestFailed(int httpStatus, const QString& error, const QString& description,
                            const QString& networkError);

protected:
    void networkReplyFinished(QNetworkReply* reply) override;
};

}  // namespace tessera::reviewer
