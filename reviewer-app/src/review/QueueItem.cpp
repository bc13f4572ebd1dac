#include "review/QueueItem.h"

#include "review/JsonRead.h"

namespace tessera::reviewer {

namespace {

QString what() { return JsonReader::tr("the review queue"); }

}  // namespace

Result<QueueItem> parseQueueItem(const QJsonObject& json, const QString& path) {
    JsonReader r(json, path);
    QueueItem item;
    item.id = r.text("id");
    const QString state = r.text("state");
    item.evidence = r.text("evidence");
    item.targetLoa = static_cast<int>(r.integer("targetLoa"));
    item.submittedAt = r.timeOrNull("submittedAt");
    item.ageSeconds = r.integer("ageSeconds");
    item.claimedBy = r.textOrEmpty("claimedBy");
    item.claimedByMe = r.boolean("claimedByMe");
    item.claimExpiresAt = r.timeOrNull("claimExpiresAt");
    item.flagReason = r.textOrEmpty("flagReason");
    item.flaggedBy = r.textOrEmpty("flaggedBy");
    if (r.ok()) {
        if (item.id.isEmpty()) r.fail(JsonReader::tr("\"%1\" is empty").arg(r.pathOf("id")));
        if (auto s = applicationStateFromString(state.toStdString())) item.state = *s;
        else r.fail(JsonReader::tr("\"%1\" is not a known state").arg(r.pathOf("state")));
    }
    if (!r.ok()) return malformedAnswer(what(), r.problem());
    return item;
}

Result<QueuePage> parseQueuePage(const QJsonObject& json) {
    JsonReader r(json, {});
    const QJsonArray items = r.array("items");
    QueuePage page;
    page.next = r.textOrEmpty("next");
    page.slaSeconds = json.value("slaSeconds").toInteger();
    if (!r.ok()) return malformedAnswer(what(), r.problem());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = QStringLiteral("items[%1]").arg(i);
        if (!items.at(i).isObject()) return malformedAnswer(what(), JsonReader::tr("\"%1\" is not an object").arg(path));
        auto item = parseQueueItem(items.at(i).toObject(), path);
        if (!item) return item.error();
        page.items.append(std::move(*item));
    }
    return page;
}

Result<QueuePage> parseQueuePage(const QByteArray& json) {
    auto object = parseJsonObject(json, what());
    if (!object) return object.error();
    return parseQueuePage(*object);
}

}  // namespace tessera::reviewer
