#include "review/QueueFilter.h"

#include <QStringList>

namespace tessera::reviewer {

namespace {

QString stateList(const QList<ApplicationState>& states) {
    QStringList names;
    for (ApplicationState s : states) {
        const std::string_view name = toString(s);
        names << QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
    }
    return names.join(QLatin1Char(','));
}

}  // namespace

const QList<ApplicationState>& QueueFilter::workStates() {
    static const QList<ApplicationState> states{ApplicationState::Submitted, ApplicationState::InReview,
                                                ApplicationState::Flagged};
    return states;
}

QUrlQuery QueueFilter::toUrlQuery() const {
    QUrlQuery query;
    if (!states.isEmpty()) query.addQueryItem(QStringLiteral("state"), stateList(states));
    if (!evidence.isEmpty()) query.addQueryItem(QStringLiteral("evidence"), evidence);
    return query;
}

QJsonObject QueueFilter::toClaimNextBody() const {
    QJsonObject body;
    if (!states.isEmpty()) body.insert(QStringLiteral("state"), stateList(states));
    if (!evidence.isEmpty()) body.insert(QStringLiteral("evidence"), evidence);
    return body;
}

bool QueueFilter::accepts(const QueueItem& item) const {
    const QList<ApplicationState>& wanted = states.isEmpty() ? workStates() : states;
    if (!wanted.contains(item.state)) return false;
    return evidence.isEmpty() || item.evidence == evidence;
}

}  // namespace tessera::reviewer
