#pragma once
// What the reviewer asks the queue for: states and evidence kind. The same filter makes the
// query of GET /api/v1/review/cases, the body of POST /api/v1/review/next-case (so "claim next"
// takes the next case of what the reviewer is looking at) and the view's local filter (so
// the table matches at once, before the server answers).
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include "review/QueueItem.h"

namespace tessera::reviewer {

struct QueueFilter {
    // Empty: the states reviewers work on, as the server reads an empty filter.
    QList<ApplicationState> states;
    QString evidence;  // empty: every kind

    // state=submitted,in_review&evidence=... (only what is set).
    QUrlQuery toUrlQuery() const;
    QJsonObject toClaimNextBody() const;
    bool accepts(const QueueItem& item) const;

    static const QList<ApplicationState>& workStates();
    bool operator==(const QueueFilter&) const = default;
};

}  // namespace tessera::reviewer
