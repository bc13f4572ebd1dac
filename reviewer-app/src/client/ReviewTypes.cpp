#include "client/ReviewTypes.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace tessera::reviewer {

namespace {

Problem badAnswer(const ApiResponse& response, const char* what) {
    Problem problem = localProblem(kBadAnswerCode,
                                   Problem::tr("The server's answer could not be read (%1).").arg(QLatin1String(what)), false);
    problem.status = response.status;
    return problem;
}

QDateTime timeFrom(const QJsonValue& value) {
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODate) : QDateTime();
}

}  // namespace

QDateTime CaseSelection::olderThan(qint64 seconds) { return QDateTime::currentDateTimeUtc().addSecs(-seconds); }

QString apiTime(const QDateTime& time) { return time.toUTC().toString(Qt::ISODate); }

QJsonObject CaseSelection::toJson() const {
    QJsonObject out;
    if (!states.isEmpty()) out["state"] = states.join(',');
    if (!evidence.isEmpty()) out["evidence"] = evidence;
    if (submittedBefore.isValid()) out["submittedBefore"] = apiTime(submittedBefore);
    if (submittedAfter.isValid()) out["submittedAfter"] = apiTime(submittedAfter);
    return out;
}

QUrlQuery QueueQuery::toQuery() const {
    QUrlQuery query;
    const QJsonObject members = filter.toJson();
    for (auto it = members.begin(); it != members.end(); ++it)
        query.addQueryItem(it.key(), QString::fromLatin1(QUrl::toPercentEncoding(it.value().toString())));
    if (newestFirst) query.addQueryItem("sort", "newest");
    if (limit > 0) query.addQueryItem("limit", QString::number(limit));
    if (!after.isEmpty()) query.addQueryItem("after", QString::fromLatin1(QUrl::toPercentEncoding(after)));
    return query;
}

QByteArray DecisionRequest::toJson() const {
    QJsonObject out{{"decision", decision}};
    if (!reason.isEmpty()) out["reason"] = reason;
    if (!message.isEmpty()) out["message"] = message;
    if (!note.isEmpty()) out["note"] = note;
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

ApiResult<CasePage> readCasePage(const ApiResponse& response) {
    const QJsonObject json = response.json.object();
    if (!json["items"].isArray()) return badAnswer(response, "items");
    return CasePage{json["items"].toArray(), json["next"].toString(), json["slaSeconds"].toInteger()};
}

ApiResult<CaseCounts> readCaseCounts(const ApiResponse& response) {
    const QJsonValue counts = response.json.object()["counts"];
    if (!counts.isObject()) return badAnswer(response, "counts");
    CaseCounts out;
    const QJsonObject byState = counts.toObject();
    for (auto it = byState.begin(); it != byState.end(); ++it) out.insert(it.key(), it.value().toInt());
    return out;
}

ApiResult<QList<ReasonChoice>> readReasons(const ApiResponse& response) {
    const QJsonValue items = response.json.object()["items"];
    if (!items.isArray()) return badAnswer(response, "items");
    QList<ReasonChoice> out;
    for (const QJsonValue& value : items.toArray()) {
        const QJsonObject o = value.toObject();
        if (!o["code"].isString()) return badAnswer(response, "code");
        out.append({o["code"].toString(), o["text"].toString(), o["forReject"].toBool(), o["forFlag"].toBool()});
    }
    return out;
}

ApiResult<QJsonObject> readCaseView(const ApiResponse& response) {
    const QJsonObject json = response.json.object();
    if (!json["id"].isString() || !json["state"].isString()) return badAnswer(response, "id, state");
    return json;
}

ApiResult<DecisionResult> readDecisionResult(const ApiResponse& response) {
    const QJsonObject json = response.json.object();
    if (!json["id"].isString() || !json["state"].isString()) return badAnswer(response, "id, state");
    DecisionResult out;
    out.caseId = json["id"].toString();
    out.state = json["state"].toString();
    out.decisionReason = json["decisionReason"].toString();
    out.decidedBy = json["decidedBy"].toString();
    out.decidedAt = timeFrom(json["decidedAt"]);
    out.loa = json["loa"].toInt();
    out.previousLoa = json["previousLoa"].toInt();
    out.replayed = response.header("Idempotent-Replayed") == "true";
    return out;
}

ApiResult<MediaBytes> readMedia(const ApiResponse& response) {
    MediaBytes out;
    out.bytes = response.body;
    out.contentType = QString::fromLatin1(response.header("Content-Type")).section(';', 0, 0).trimmed();
    out.totalSize = response.body.size();
    if (response.status == 206) {
        static const QRegularExpression range(R"(^bytes\s+(\d+)-(\d+)/(\d+)$)");
        const auto match = range.match(QString::fromLatin1(response.header("Content-Range")).trimmed());
        if (!match.hasMatch()) return badAnswer(response, "Content-Range");
        out.offset = match.captured(1).toLongLong();
        out.totalSize = match.captured(3).toLongLong();
        if (match.captured(2).toLongLong() - out.offset + 1 != out.bytes.size()) return badAnswer(response, "Content-Range");
    }
    return out;
}

}  // namespace tessera::reviewer
