#pragma once
// Answers of the review API exactly as tessera-server sends them: captured from a real server
// with demo data (queue, counts, a full case, the summary another reviewer sees, a flagged
// case with notes), plus builders for the variations tests need (pages of many cases, a case
// with mismatches and a selfie video). Personal data here is the demo's invented people.
#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace tessera::reviewer::test {

QByteArray queuePageSample();         // two submitted cases, no next page
QByteArray flaggedQueuePageSample();  // one flagged case
QByteArray countsSample();
QByteArray caseFullSample();          // Eilidh's application, claimed by the reviewer
QByteArray caseSummarySample();       // the same seen by someone not holding it
QByteArray caseFlaggedFullSample();   // flagged with a note, claimed by a senior reviewer
QByteArray noteSample();              // the answer of POST .../notes

QJsonObject jsonObject(const QByteArray& json);
QByteArray jsonBytes(const QJsonObject& object);

// A queue item as the server writes it (every member, nulls included).
struct QueueItemSpec {
    QString id{};
    QString state = QStringLiteral("submitted");
    QString evidence = QStringLiteral("document_video");
    qint64 ageSeconds = 600;
    QString claimedBy{};
    bool claimedByMe = false;
    QString flagReason{};
};
QJsonObject queueItemJson(const QueueItemSpec& spec);
// A page of items with ids "case-<from>" .. "case-<to - 1>", each older than the next.
QJsonObject queuePageJson(int from, int to, const QString& next = {});

// The full case with problems a reviewer must see: the address register disagreed on line 1,
// the document's family name differs from the claimed name, the document has expired, and a
// selfie video is attached.
QJsonObject caseWithMismatchesJson();

}  // namespace tessera::reviewer::test
