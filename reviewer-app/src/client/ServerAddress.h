#pragma once
// The server the workstation talks to, from settings. TLS is required: plain http is accepted
// only for a loopback host (a server on the reviewer's own machine, as in tests and demos).
#include <QString>
#include <QUrl>

namespace tessera::reviewer {

struct ServerAddressCheck {
    QUrl url;       // normalised: no trailing slash, no query or fragment; empty when refused
    QString error;  // why it was refused, for the person typing it; empty when accepted
};

ServerAddressCheck checkServerAddress(const QString& typed);

}  // namespace tessera::reviewer
