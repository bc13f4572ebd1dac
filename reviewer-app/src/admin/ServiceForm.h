#pragma once
// What the service form holds while an administrator creates or edits a connected service, and
// the checks that need no server (a name, URLs that are absolute web addresses). Whatever
// passes here still goes to the server, whose field errors are the authority.
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "client/AdminTypes.h"
#include "client/Problem.h"

namespace tessera::reviewer {

struct ServiceForm {
    Q_DECLARE_TR_FUNCTIONS(ServiceForm)

public:
    QString id;      // empty for a new service
    QByteArray etag;  // of the service as read, for an edit
    QString name;
    QString description;
    QString redirectUris;            // one per line
    QString postLogoutRedirectUris;  // one per line

    // The fields a form shows, as the server names them.
    static const QStringList& fields();

    static ServiceForm from(const ServiceRecord& service);
    bool isNew() const { return id.isEmpty(); }

    // The lines of a multi-line URL field, trimmed, blank lines left out.
    static QStringList lines(const QString& text);
    // Problems found without asking the server, named as the server would name them.
    QList<ProblemField> check() const;
    // The JSON to send: everything for a new service; for an edit, what differs from `before`.
    QJsonObject toJson(const ServiceRecord* before = nullptr) const;
};

}  // namespace tessera::reviewer
