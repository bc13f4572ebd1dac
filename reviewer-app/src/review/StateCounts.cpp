#include "review/StateCounts.h"

#include "review/JsonRead.h"
#include "review/QueueFilter.h"

namespace tessera::reviewer {

namespace {

QString what() { return JsonReader::tr("the queue counts"); }

}  // namespace

Result<StateCounts> StateCounts::parse(const QJsonObject& json) {
    JsonReader r(json, {});
    const QJsonObject counts = r.object("counts");
    if (!r.ok()) return malformedAnswer(what(), r.problem());
    StateCounts out;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        const double n = it.value().toDouble(-1);
        if (!it.value().isDouble() || n < 0 || n != static_cast<double>(it.value().toInteger()))
            return malformedAnswer(what(), JsonReader::tr("\"counts.%1\" is not a count").arg(it.key()));
        if (auto state = applicationStateFromString(it.key().toStdString())) out.counts_.insert(*state, it.value().toInteger());
    }
    return out;
}

Result<StateCounts> StateCounts::parse(const QByteArray& json) {
    auto object = parseJsonObject(json, what());
    if (!object) return object.error();
    return parse(*object);
}

qint64 StateCounts::waiting() const {
    qint64 n = 0;
    for (ApplicationState s : QueueFilter::workStates()) n += count(s);
    return n;
}

}  // namespace tessera::reviewer
