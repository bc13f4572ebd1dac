#pragma once
// The review API's calls as the views need them, over the one ApiClient: the queue (counts, a
// page, claim the next case), one case (claim, release, read, add a note, decide), the reasons
// list and the media of a case (downloaded into memory only, whole or a byte range).
// Every answer comes once, later, on the event loop, unless `context` is gone by then.
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

#include "client/ApiClient.h"
#include "client/ReviewTypes.h"

namespace tessera::reviewer {

class ReviewApi {
public:
    template <class T>
    using Done = std::function<void(const ApiResult<T>&)>;

    static constexpr qint64 kMaxMediaBytes = 256LL * 1024 * 1024;

    explicit ReviewApi(ApiClient& client) : client_(client) {}

    ApiClient& client() { return client_; }

    void counts(QObject* context, Done<CaseCounts> done);
    void listCases(const QueueQuery& query, QObject* context, Done<CasePage> done);
    // Claims the oldest case matching `filter`; the answer is the case (CaseView JSON).
    void claimNext(const CaseSelection& filter, QObject* context, Done<QJsonObject> done);
    void claim(const QString& caseId, QObject* context, Done<QJsonObject> done);
    void release(const QString& caseId, QObject* context, Done<QJsonObject> done);
    void readCase(const QString& caseId, QObject* context, Done<QJsonObject> done);
    // The note as the server stored it: seq, at, actor, event, note.
    void addNote(const QString& caseId, const QString& note, QObject* context, Done<QJsonObject> done);
    void reasons(QObject* context, Done<QList<ReasonChoice>> done);
    // Sends a decision with its Idempotency-Key. `body` must be the same bytes on every attempt
    // with that key (DecisionRequest::toJson(), as kept in the outbox); the outbox is the usual
    // caller, so a decision is never sent without being written down first.
    void decide(const QString& caseId, const QByteArray& body, const QByteArray& idempotencyKey, QObject* context,
                Done<DecisionResult> done);
    // GET of a media link from a case ("/api/v1/review/cases/{id}/media/{mediaId}?token=..."),
    // into memory; with `range`, only those bytes (206 Partial Content).
    void fetchMedia(const QString& mediaUrl, std::optional<ByteRange> range, QObject* context, Done<MediaBytes> done);

    static QString casePath(const QString& caseId);
    static QString decisionPath(const QString& caseId);

private:
    template <class T>
    void call(const ApiRequest& request, QObject* context, ApiResult<T> (*read)(const ApiResponse&), Done<T> done);

    ApiClient& client_;
};

}  // namespace tessera::reviewer
