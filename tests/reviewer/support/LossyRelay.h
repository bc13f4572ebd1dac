#pragma once
// A loopback TCP relay between the workstation's client and the server that can lose answers:
// a request is forwarded to the server (which acts on it), and the connection is then closed
// instead of passing the server's answer back. This is the "lost reply" of a decision made over
// a bad network, made deterministic: the server has applied the decision, the client never
// hears so.
//
//   LossyRelay relay(server.port());
//   relay.dropRepliesTo("/decision");          // every answer to a request naming it is lost
//   ... client.setBaseUrl(relay.url()) ...
//   relay.passReplies();                        // answers get through again
#include <QByteArray>
#include <QUrl>

#include <memory>

namespace tessera::reviewer::test {

class LossyRelay {
public:
    static constexpr int kAlways = -1;

    // Listens on a free 127.0.0.1 port and forwards to 127.0.0.1:targetPort.
    explicit LossyRelay(quint16 targetPort);
    ~LossyRelay();
    LossyRelay(const LossyRelay&) = delete;
    LossyRelay& operator=(const LossyRelay&) = delete;

    quint16 port() const;
    QUrl url() const;  // http://127.0.0.1:PORT

    // The answers to the next `count` requests whose head contains `marker` (e.g. a path) are
    // lost; kAlways: all of them until passReplies().
    void dropRepliesTo(const QByteArray& marker, int count = kAlways);
    void passReplies();

    int repliesDropped() const;
    // Requests the server answered (whether the answer got through or was lost) whose head
    // contains `marker`.
    int requestsAnswered(const QByteArray& marker) const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace tessera::reviewer::test
