#pragma once
// One case in the review queue as GET /api/v1/review/cases lists it (QueueItem in
// resources/api/openapi.json): no personal data, only what a reviewer needs to pick a case.
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "tessera/shared/ApplicationState.h"
#include "tessera/shared/Result.h"

namespace tessera::reviewer {

struct QueueItem {
    QString id;
    ApplicationState state = ApplicationState::Submitted;
    QString evidence;  // document_video | document_photo | duplicate_person
    int targetLoa = 0;
    QDateTime submittedAt;  // invalid when the server sent null
    qint64 ageSeconds = 0;  // since submission, when the server answered
    QString claimedBy;      // the reviewer holding a live claim; empty when free
    bool claimedByMe = false;
    QDateTime claimExpiresAt;
    QString flagReason;  // a DecisionReason code, for flagged cases
    QString flaggedBy;
};

// One page of the queue: its items and the cursor of the next page (empty on the last).
struct QueuePage {
    QList<QueueItem> items;
    QString next;
    qint64 slaSeconds = 0;  // the server's service level; 0 when it did not say
};

Result<QueueItem> parseQueueItem(const QJsonObject& json, const QString& path = {});
Result<QueuePage> parseQueuePage(const QJsonObject& json);
Result<QueuePage> parseQueuePage(const QByteArray& json);

}  // namespace tessera::reviewer
