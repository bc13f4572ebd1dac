#pragma once
// The review API's requests and answers as the workstation uses them (resources/api/openapi.json,
// "Review"). Cases and queue items stay JSON objects: the review models (src/review) read them.
#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

#include "client/ApiResult.h"

namespace tessera::reviewer {

// Which cases: states ("submitted", "in_review", "flagged", ...), evidence type
// ("document_video", "document_photo", "duplicate_person") and age (submitted before/after).
struct CaseSelection {
    QStringList states;          // empty: the server's default (submitted, in_review, flagged)
    QString evidence;            // empty: any
    QDateTime submittedBefore;   // invalid: no limit
    QDateTime submittedAfter;    // invalid: no limit

    // Cases waiting at least `seconds` (submitted before now - seconds).
    static QDateTime olderThan(qint64 seconds);
    QJsonObject toJson() const;  // the body of POST /review/next-case
};

// A page of the queue.
struct QueueQuery {
    CaseSelection filter;
    bool newestFirst = false;  // the server's default is oldest first
    int limit = 0;             // 0: the server's default (25); at most 100
    QString after;             // the cursor from the previous page's `next`

    QUrlQuery toQuery() const;
};

struct CasePage {
    QJsonArray items;  // QueueItem objects: id, state, evidence, targetLoa, submittedAt, ageSeconds, ...
    QString next;      // the cursor of the next page; empty on the last page
    qint64 slaSeconds = 0;  // the operator's service level, submission to decision; 0 if not said
};

using CaseCounts = QMap<QString, int>;  // state -> applications (every state, zero included)

struct ReasonChoice {
    QString code;  // e.g. "document_expired"
    QString text;  // the server's English sentence
    bool forReject = false;
    bool forFlag = false;
};

// A decision as sent: approve, reject (reason + message to the citizen), flag (reason + note).
struct DecisionRequest {
    QString decision;  // "approve", "reject", "flag"
    QString reason;
    QString message;
    QString note;

    // The exact bytes sent (and kept in the outbox: the server ties an Idempotency-Key to them).
    QByteArray toJson() const;
};

struct DecisionResult {
    QString caseId;
    QString state;           // approved, rejected, flagged
    QString decisionReason;
    QString decidedBy;
    QDateTime decidedAt;
    int loa = 0;             // the citizen's level after the decision
    int previousLoa = 0;
    bool replayed = false;   // the server had this decision already: its first answer, repeated
};

// Part of a media file: bytes [first, last]; last < 0 means to the end.
struct ByteRange {
    qint64 first = 0;
    qint64 last = -1;
};

struct MediaBytes {
    QByteArray bytes;      // in memory only
    QString contentType;   // image/jpeg, image/png, video/webm, video/mp4
    qint64 offset = 0;     // where `bytes` start in the file
    qint64 totalSize = 0;  // the whole file's size
};

// Readers of the answers; a missing or wrong member is a Problem (bad_answer).
ApiResult<CasePage> readCasePage(const ApiResponse& response);
ApiResult<CaseCounts> readCaseCounts(const ApiResponse& response);
ApiResult<QList<ReasonChoice>> readReasons(const ApiResponse& response);
ApiResult<QJsonObject> readCaseView(const ApiResponse& response);
ApiResult<DecisionResult> readDecisionResult(const ApiResponse& response);
ApiResult<MediaBytes> readMedia(const ApiResponse& response);

// A time as the API writes it: ISO 8601 in UTC ("2027-01-15T09:30:00Z").
QString apiTime(const QDateTime& time);

}  // namespace tessera::reviewer
