#pragma once
// How many applications are in each state (GET /api/v1/review/counts), for the queue's filter
// bar. States the server adds later are ignored rather than failing the bar.
#include <QByteArray>
#include <QJsonObject>
#include <QMap>

#include "tessera/shared/ApplicationState.h"
#include "tessera/shared/Result.h"

namespace tessera::reviewer {

class StateCounts {
public:
    static Result<StateCounts> parse(const QJsonObject& json);
    static Result<StateCounts> parse(const QByteArray& json);

    qint64 count(ApplicationState state) const { return counts_.value(state, 0); }
    // Cases waiting for a reviewer: submitted, in review and flagged.
    qint64 waiting() const;
    bool isEmpty() const { return counts_.isEmpty(); }

private:
    QMap<ApplicationState, qint64> counts_;
};

}  // namespace tessera::reviewer
