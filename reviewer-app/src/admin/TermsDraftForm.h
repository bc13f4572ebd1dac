#pragma once
// A terms draft being written: its text, the checks that need no server (a title and a body),
// and whether a problem from the server means someone else changed it first (412: reload).
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "client/AdminTypes.h"
#include "client/Problem.h"

namespace tessera::reviewer {

struct TermsDraftForm {
    Q_DECLARE_TR_FUNCTIONS(TermsDraftForm)

public:
    QString id;       // empty for a new draft
    QByteArray etag;  // of the draft as read
    QString kind = QStringLiteral("terms_of_service");
    QString language = QStringLiteral("en");
    QString title;
    QString body;  // Markdown, as the citizen will see it rendered
    QString summaryOfChanges;

    static const QStringList& fields();
    static TermsDraftForm from(const TermsVersion& draft);
    bool isNew() const { return id.isEmpty(); }

    QList<ProblemField> check() const;
    // Everything for a new draft; for an edit only the text (kind and language are fixed).
    QJsonObject toJson() const;

    // The server refused a change because the draft changed since it was read.
    static bool isStaleEdit(const Problem& problem);
    // What to tell the administrator about a stale edit.
    static QString staleEditMessage();
};

}  // namespace tessera::reviewer
