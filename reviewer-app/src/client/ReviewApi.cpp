#include "client/ReviewApi.h"

namespace tessera::reviewer {

namespace {

const QString kBase = QStringLiteral("/api/v1/review");

ApiResult<QJsonObject> readObject(const ApiResponse& response) { return response.json.object(); }

}  // namespace

template <class T>
void ReviewApi::call(const ApiRequest& request, QObject* context, ApiResult<T> (*read)(const ApiResponse&), Done<T> done) {
    client_.send(request, context, [read, done = std::move(done)](const ApiReply& reply) {
        if (!done) return;
        if (!reply) return done(reply.problem());
        done(read(reply.value()));
    });
}

QString ReviewApi::casePath(const QString& caseId) { return kBase + "/cases/" + pathSegment(caseId); }

QString ReviewApi::decisionPath(const QString& caseId) { return casePath(caseId) + "/decision"; }

void ReviewApi::counts(QObject* context, Done<CaseCounts> done) {
    call(ApiRequest::get(kBase + "/counts"), context, &readCaseCounts, std::move(done));
}

void ReviewApi::listCases(const QueueQuery& query, QObject* context, Done<CasePage> done) {
    call(ApiRequest::get(kBase + "/cases", query.toQuery()), context, &readCasePage, std::move(done));
}

void ReviewApi::claimNext(const CaseSelection& filter, QObject* context, Done<QJsonObject> done) {
    const QJsonObject body = filter.toJson();
    const ApiRequest request = body.isEmpty() ? ApiRequest::post(kBase + "/next-case") : ApiRequest::post(kBase + "/next-case", body);
    call(request, context, &readCaseView, std::move(done));
}

void ReviewApi::claim(const QString& caseId, QObject* context, Done<QJsonObject> done) {
    call(ApiRequest::post(casePath(caseId) + "/claim"), context, &readCaseView, std::move(done));
}

void ReviewApi::release(const QString& caseId, QObject* context, Done<QJsonObject> done) {
    call(ApiRequest::post(casePath(caseId) + "/release"), context, &readCaseView, std::move(done));
}

void ReviewApi::readCase(const QString& caseId, QObject* context, Done<QJsonObject> done) {
    call(ApiRequest::get(casePath(caseId)), context, &readCaseView, std::move(done));
}

void ReviewApi::addNote(const QString& caseId, const QString& note, QObject* context, Done<QJsonObject> done) {
    call(ApiRequest::post(casePath(caseId) + "/notes", QJsonObject{{"note", note}}), context, &readObject, std::move(done));
}

void ReviewApi::reasons(QObject* context, Done<QList<ReasonChoice>> done) {
    call(ApiRequest::get(kBase + "/reasons"), context, &readReasons, std::move(done));
}

void ReviewApi::decide(const QString& caseId, const QByteArray& body, const QByteArray& idempotencyKey, QObject* context,
                       Done<DecisionResult> done) {
    ApiRequest request = ApiRequest::post(decisionPath(caseId));
    request.withBody(body).withIdempotencyKey(idempotencyKey);
    call(request, context, &readDecisionResult, std::move(done));
}

void ReviewApi::fetchMedia(const QString& mediaUrl, std::optional<ByteRange> range, QObject* context, Done<MediaBytes> done) {
    ApiRequest request = ApiRequest::get(mediaUrl);
    request.jsonAnswer = false;
    request.maxBytes = kMaxMediaBytes;
    if (range) {
        const QByteArray last = range->last >= 0 ? QByteArray::number(range->last) : QByteArray();
        request.withHeader("Range", "bytes=" + QByteArray::number(range->first) + "-" + last);
    }
    call(request, context, &readMedia, std::move(done));
}

}  // namespace tessera::reviewer
