#include "support/LossyRelay.h"

#include <QList>
#include <QPointer>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

#include <stdexcept>

namespace tessera::reviewer::test {

namespace {

// One client connection and its own connection to the server.
struct Pair {
    QPointer<QTcpSocket> client;
    QPointer<QTcpSocket> upstream;
    QByteArray unsent;       // from the client before the upstream connection was up
    QByteArray requestHead;  // what the client sent since the last answer (kept short)
    bool loseAnswer = false; // the current request's answer is to be lost
};

}  // namespace

struct LossyRelay::State {
    QTcpServer listener;
    quint16 target = 0;
    QByteArray marker;
    int toDrop = 0;
    int dropped = 0;
    QList<QByteArray> heads;  // heads of the requests the server answered, oldest first
    QList<std::shared_ptr<Pair>> pairs;

    void accept();
    void fromClient(const std::shared_ptr<Pair>& pair);
    void fromServer(const std::shared_ptr<Pair>& pair);
    // Ends both connections: gracefully (what was written still goes out), or at once.
    static void close(const std::shared_ptr<Pair>& pair, bool atOnce = false);
};

void LossyRelay::State::accept() {
    while (QTcpSocket* client = listener.nextPendingConnection()) {
        auto pair = std::make_shared<Pair>();
        pair->client = client;
        pair->upstream = new QTcpSocket(client);
        pairs.append(pair);
        QObject::connect(client, &QTcpSocket::readyRead, client, [this, pair] { fromClient(pair); });
        QObject::connect(client, &QTcpSocket::disconnected, client, [pair] { close(pair); });
        QObject::connect(pair->upstream, &QTcpSocket::connected, client, [pair] {
            pair->upstream->write(pair->unsent);
            pair->unsent.clear();
        });
        QObject::connect(pair->upstream, &QTcpSocket::readyRead, client, [this, pair] { fromServer(pair); });
        QObject::connect(pair->upstream, &QTcpSocket::disconnected, client, [pair] { close(pair); });
        QObject::connect(pair->upstream, &QTcpSocket::errorOccurred, client, [pair] { close(pair); });
        pair->upstream->connectToHost(QHostAddress::LocalHost, target);
    }
}

void LossyRelay::State::fromClient(const std::shared_ptr<Pair>& pair) {
    if (!pair->client) return;
    const QByteArray data = pair->client->readAll();
    const qsizetype room = 8192 - pair->requestHead.size();
    if (room > 0) pair->requestHead.append(data.left(room));
    if (!marker.isEmpty() && !pair->loseAnswer && toDrop != 0 && pair->requestHead.contains(marker)) {
        pair->loseAnswer = true;
        if (toDrop > 0) --toDrop;
    }
    if (pair->upstream && pair->upstream->state() == QAbstractSocket::ConnectedState) pair->upstream->write(data);
    else pair->unsent.append(data);
}

void LossyRelay::State::fromServer(const std::shared_ptr<Pair>& pair) {
    if (!pair->upstream || !pair->client) return;
    if (!pair->requestHead.isEmpty()) {
        heads.append(pair->requestHead.left(pair->requestHead.indexOf("\r\n\r\n")));
        pair->requestHead.clear();
    }
    if (pair->loseAnswer) {
        // The server has answered, so it has acted on the request: lose the answer.
        ++dropped;
        pair->upstream->readAll();
        close(pair, true);
        return;
    }
    pair->client->write(pair->upstream->readAll());
}

void LossyRelay::State::close(const std::shared_ptr<Pair>& pair, bool atOnce) {
    for (QTcpSocket* socket : {pair->upstream.data(), pair->client.data()}) {
        if (!socket) continue;
        if (atOnce) socket->abort();
        else socket->disconnectFromHost();
    }
    if (pair->client && pair->client->state() == QAbstractSocket::UnconnectedState) pair->client->deleteLater();
}

LossyRelay::LossyRelay(quint16 targetPort) : state_(std::make_unique<State>()) {
    state_->target = targetPort;
    if (!state_->listener.listen(QHostAddress::LocalHost, 0))
        throw std::runtime_error("LossyRelay: cannot listen: " + state_->listener.errorString().toStdString());
    State* state = state_.get();
    QObject::connect(&state_->listener, &QTcpServer::newConnection, &state_->listener, [state] { state->accept(); });
}

LossyRelay::~LossyRelay() {
    for (const auto& pair : state_->pairs) {
        if (pair->client) {
            pair->client->abort();
            delete pair->client;
        }
    }
}

quint16 LossyRelay::port() const { return state_->listener.serverPort(); }

QUrl LossyRelay::url() const { return QUrl(QString("http://127.0.0.1:%1").arg(port())); }

void LossyRelay::dropRepliesTo(const QByteArray& marker, int count) {
    state_->marker = marker;
    state_->toDrop = count;
}

void LossyRelay::passReplies() { state_->toDrop = 0; }

int LossyRelay::repliesDropped() const { return state_->dropped; }

int LossyRelay::requestsAnswered(const QByteArray& marker) const {
    int seen = 0;
    for (const QByteArray& head : state_->heads)
        if (head.contains(marker)) ++seen;
    return seen;
}

}  // namespace tessera::reviewer::test
