#include "support/ReviewSamples.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tessera::reviewer::test {

namespace {

// GET /api/v1/review/cases: the two demo applications waiting.
const char* const kQueuePage = R"json({
  "items": [
    {"ageSeconds": 21, "claimExpiresAt": null, "claimedBy": null, "claimedByMe": false, "evidence": "document_photo", "flagReason": null, "flaggedBy": null, "id": "5422084511ba5c7776fe16260274fb2e", "state": "submitted", "submittedAt": "2026-11-28T13:43:41Z", "targetLoa": 2},
    {"ageSeconds": 21, "claimExpiresAt": null, "claimedBy": null, "claimedByMe": false, "evidence": "document_photo", "flagReason": null, "flaggedBy": null, "id": "dc0b8ea3d89616c776cedf9c4276aac2", "state": "submitted", "submittedAt": "2026-11-28T13:43:41Z", "targetLoa": 2}
  ],
  "next": null
})json";

// GET /api/v1/review/cases?state=flagged after the reviewer flagged one.
const char* const kFlaggedQueuePage = R"json({
  "items": [
    {"ageSeconds": 95, "claimExpiresAt": null, "claimedBy": null, "claimedByMe": false, "evidence": "document_photo", "flagReason": "needs_senior_review", "flaggedBy": "6bca38feedb7bc89cb4cfc8ea1083fe7", "id": "5422084511ba5c7776fe16260274fb2e", "state": "flagged", "submittedAt": "2026-11-28T13:43:41Z", "targetLoa": 2}
  ],
  "next": null
})json";

// GET /api/v1/review/counts.
const char* const kCounts = R"json({
  "counts": {"approved": 0, "draft": 0, "expired": 0, "flagged": 0, "in_review": 0, "rejected": 0, "submitted": 2, "withdrawn": 0}
})json";

// POST /api/v1/review/next-case: Eilidh's application, claimed (a full view).
const char* const kCaseFull = R"json({
  "accountId": "4d35c84b62faad453f0067d8bcec6d0f",
  "claimExpiresAt": "2026-11-28T14:14:02Z",
  "claimedBy": "6bca38feedb7bc89cb4cfc8ea1083fe7",
  "claims": {"address": {"line1": "7 Bayhead", "line2": "", "postcode": "HS1 2DU", "town": "Stornoway"}, "dateOfBirth": "1990-11-23", "document": {"dateOfBirth": "1990-11-23", "documentType": "driving_licence", "familyName": "MacLeod", "givenNames": "Eilidh Mairi"}, "name": "Eilidh Mairi MacLeod", "sex": "female"},
  "createdAt": "2026-11-28T13:43:41Z",
  "decidedAt": null,
  "decidedBy": null,
  "decisionReason": null,
  "document": {"dateOfBirth": "1990-11-23", "documentNumber": "MCLEO961230EM9EF", "documentType": "driving_licence", "expiryDate": "2033-11-22", "familyName": "MacLeod", "givenNames": "Eilidh Mairi", "issuingCountry": "GBR"},
  "documentChecks": {"daysToExpiry": 2551, "documentType": "driving_licence", "expired": false, "expiryDate": "2033-11-22", "registerFields": [{"field": "documentNumber", "matched": true}, {"field": "givenNames", "matched": true}, {"field": "familyName", "matched": true}, {"field": "dateOfBirth", "matched": true}, {"field": "expiryDate", "matched": true}], "registerStatus": "valid"},
  "evidence": "document_photo",
  "flagReason": null,
  "flaggedBy": null,
  "full": true,
  "history": [
    {"actor": "4d35c84b62faad453f0067d8bcec6d0f", "at": "2026-11-28T13:43:41Z", "event": "created", "fromState": null, "note": null, "reason": null, "seq": 1, "toState": "draft"},
    {"actor": "4d35c84b62faad453f0067d8bcec6d0f", "at": "2026-11-28T13:43:41Z", "event": "submitted", "fromState": "draft", "note": null, "reason": null, "seq": 2, "toState": "submitted"},
    {"actor": "6bca38feedb7bc89cb4cfc8ea1083fe7", "at": "2026-11-28T13:44:02Z", "event": "claimed", "fromState": "submitted", "note": null, "reason": null, "seq": 3, "toState": "in_review"}
  ],
  "id": "5422084511ba5c7776fe16260274fb2e",
  "media": [
    {"byteSize": 13653, "contentType": "image/jpeg", "durationMs": 0, "height": 504, "id": "edbc84e5ce2ec8bd6334201cbce25ed7", "sha256": "39197b33dbd12d8f8865c4d2c70784166e4b65223725a772b0ad1c81ad802935", "slot": "document_back", "uploadedAt": "2026-11-28T13:43:41Z", "url": "/api/v1/review/cases/5422084511ba5c7776fe16260274fb2e/media/edbc84e5ce2ec8bd6334201cbce25ed7?token=kZB40myprVrKC6tOfatCST1dU3bA", "urlExpiresAt": "2026-11-28T13:49:02Z", "width": 800},
    {"byteSize": 16657, "contentType": "image/jpeg", "durationMs": 0, "height": 504, "id": "80af2d1ceaefc94eade5b4aa45bb8c48", "sha256": "f58718a70abfc13d40caf5c757e7e9b9dbf27bccc6e9bd4f8f5a33afe4dc4c26", "slot": "document_front", "uploadedAt": "2026-11-28T13:43:41Z", "url": "/api/v1/review/cases/5422084511ba5c7776fe16260274fb2e/media/80af2d1ceaefc94eade5b4aa45bb8c48?token=kZB40myprVrKC6tOfatCST1dU3bA", "urlExpiresAt": "2026-11-28T13:49:02Z", "width": 800}
  ],
  "message": null,
  "registerResults": [
    {"checkedAt": "2026-11-28T13:43:41Z", "fields": [{"field": "givenNames", "matched": true}, {"field": "familyName", "matched": true}, {"field": "dateOfBirth", "matched": true}, {"field": "sex", "matched": true}], "kind": "vital_record", "outcome": "matched"},
    {"checkedAt": "2026-11-28T13:43:41Z", "fields": [{"field": "address.line1", "matched": true}, {"field": "address.postcode", "matched": true}], "kind": "address", "outcome": "matched"}
  ],
  "state": "in_review",
  "submittedAt": "2026-11-28T13:43:41Z",
  "targetLoa": 2,
  "version": 3
})json";

// GET /api/v1/review/cases/{id} by a senior reviewer while another holds it (full: false).
const char* const kCaseSummary = R"json({
  "accountId": "4d35c84b62faad453f0067d8bcec6d0f",
  "claimExpiresAt": "2026-11-28T14:14:02Z",
  "claimedBy": "6bca38feedb7bc89cb4cfc8ea1083fe7",
  "claims": null,
  "createdAt": "2026-11-28T13:43:41Z",
  "decidedAt": null,
  "decidedBy": null,
  "decisionReason": null,
  "document": null,
  "documentChecks": {"daysToExpiry": 2551, "documentType": "driving_licence", "expired": false, "expiryDate": "2033-11-22", "registerFields": [{"field": "documentNumber", "matched": true}, {"field": "givenNames", "matched": true}, {"field": "familyName", "matched": true}, {"field": "dateOfBirth", "matched": true}, {"field": "expiryDate", "matched": true}], "registerStatus": "valid"},
  "evidence": "document_photo",
  "flagReason": null,
  "flaggedBy": null,
  "full": false,
  "history": [
    {"actor": "4d35c84b62faad453f0067d8bcec6d0f", "at": "2026-11-28T13:43:41Z", "event": "created", "fromState": null, "note": null, "reason": null, "seq": 1, "toState": "draft"},
    {"actor": "4d35c84b62faad453f0067d8bcec6d0f", "at": "2026-11-28T13:43:41Z", "event": "submitted", "fromState": "draft", "note": null, "reason": null, "seq": 2, "toState": "submitted"},
    {"actor": "6bca38feedb7bc89cb4cfc8ea1083fe7", "at": "2026-11-28T13:44:02Z", "event": "claimed", "fromState": "submitted", "note": null, "reason": null, "seq": 3, "toState": "in_review"}
  ],
  "id": "5422084511ba5c7776fe16260274fb2e",
  "media": [
    {"byteSize": 13653, "contentType": "image/jpeg", "durationMs": 0, "height": 504, "id": "edbc84e5ce2ec8bd6334201cbce25ed7", "sha256": "39197b33dbd12d8f8865c4d2c70784166e4b65223725a772b0ad1c81ad802935", "slot": "document_back", "uploadedAt": "2026-11-28T13:43:41Z", "url": null, "urlExpiresAt": null, "width": 800},
    {"byteSize": 16657, "contentType": "image/jpeg", "durationMs": 0, "height": 504, "id": "80af2d1ceaefc94eade5b4aa45bb8c48", "sha256": "f58718a70abfc13d40caf5c757e7e9b9dbf27bccc6e9bd4f8f5a33afe4dc4c26", "slot": "document_front", "uploadedAt": "2026-11-28T13:43:41Z", "url": null, "urlExpiresAt": null, "width": 800}
  ],
  "message": null,
  "registerResults": [
    {"checkedAt": "2026-11-28T13:43:41Z", "fields": [{"field": "givenNames", "matched": true}, {"field": "familyName", "matched": true}, {"field": "dateOfBirth", "matched": true}, {"field": "sex", "matched": true}], "kind": "vital_record", "outcome": "matched"},
    {"checkedAt": "2026-11-28T13:43:41Z", "fields": [{"field": "address.line1", "matched": true}, {"field": "address.postcode", "matched": true}], "kind": "address", "outcome": "matched"}
  ],
  "state": "in_review",
  "submittedAt": "2026-11-28T13:43:41Z",
  "targetLoa": 2,
  "version": 3
})json";

// POST .../claim by the senior reviewer after a note and a flag (history with notes).
const char* const kCaseFlaggedFull = R"json({
  "accountId": "4d35c84b62faad453f0067d8bcec6d0f",
  "claimExpiresAt": "2026-11-28T14:15:16Z",
  "claimedBy": "0f160ef4ca4ce7342ca9d4a6b1d4fbdd",
  "claims": {"address": {"line1": "7 Bayhead", "line2": "", "postcode": "HS1 2DU", "town": "Stornoway"}, "dateOfBirth": "1990-11-23", "document": {"dateOfBirth": "1990-11-23", "documentType": "driving_licence", "familyName": "MacLeod", "givenNames": "Eilidh Mairi"}, "name": "Eilidh Mairi MacLeod", "sex": "female"},
  "createdAt": "2026-11-28T13:43:41Z",
  "decidedAt": null,
  "decidedBy": null,
  "decisionReason": null,
  "document": {"dateOfBirth": "1990-11-23", "documentNumber": "MCLEO961230EM9EF", "documentType": "driving_licence", "expiryDate": "2033-11-22", "familyName": "MacLeod", "givenNames": "Eilidh Mairi", "issuingCountry": "GBR"},
  "documentChecks": {"daysToExpiry": 2551, "documentType": "driving_licence", "expired": false, "expiryDate": "2033-11-22", "registerFields": [{"field": "documentNumber", "matched": true}, {"field": "givenNames", "matched": true}, {"field": "familyName", "matched": true}, {"field": "dateOfBirth", "matched": true}, {"field": "expiryDate", "matched": true}], "registerStatus": "valid"},
  "evidence": "document_photo",
  "flagReason": "needs_senior_review",
  "flaggedBy": "6bca38feedb7bc89cb4cfc8ea1083fe7",
  "full": true,
  "history": [
    {"actor": "4d35c84b62faad453f0067d8bcec6d0f", "at": "2026-11-28T13:43:41Z", "event": "created", "fromState": null, "note": null, "reason": null, "seq": 1, "toState": "draft"},
    {"actor": "4d35c84b62faad453f0067d8bcec6d0f", "at": "2026-11-28T13:43:41Z", "event": "submitted", "fromState": "draft", "note": null, "reason": null, "seq": 2, "toState": "submitted"},
    {"actor": "6bca38feedb7bc89cb4cfc8ea1083fe7", "at": "2026-11-28T13:44:02Z", "event": "claimed", "fromState": "submitted", "note": null, "reason": null, "seq": 3, "toState": "in_review"},
    {"actor": "6bca38feedb7bc89cb4cfc8ea1083fe7", "at": "2026-11-28T13:44:48Z", "event": "note", "fromState": null, "note": "Back photo slightly blurred; front is clear.", "reason": null, "seq": 4, "toState": null},
    {"actor": "6bca38feedb7bc89cb4cfc8ea1083fe7", "at": "2026-11-28T13:44:48Z", "event": "flagged", "fromState": "in_review", "note": "Licence photo looks older than the video; second opinion please.", "reason": "needs_senior_review", "seq": 5, "toState": "flagged"},
    {"actor": "0f160ef4ca4ce7342ca9d4a6b1d4fbdd", "at": "2026-11-28T13:45:16Z", "event": "claimed", "fromState": "flagged", "note": null, "reason": null, "seq": 6, "toState": "flagged"}
  ],
  "id": "5422084511ba5c7776fe16260274fb2e",
  "media": [
    {"byteSize": 13653, "contentType": "image/jpeg", "durationMs": 0, "height": 504, "id": "edbc84e5ce2ec8bd6334201cbce25ed7", "sha256": "39197b33dbd12d8f8865c4d2c70784166e4b65223725a772b0ad1c81ad802935", "slot": "document_back", "uploadedAt": "2026-11-28T13:43:41Z", "url": "/api/v1/review/cases/5422084511ba5c7776fe16260274fb2e/media/edbc84e5ce2ec8bd6334201cbce25ed7?token=kZB40myprVrKC6tOfatCST1dU3bA", "urlExpiresAt": "2026-11-28T13:50:16Z", "width": 800},
    {"byteSize": 16657, "contentType": "image/jpeg", "durationMs": 0, "height": 504, "id": "80af2d1ceaefc94eade5b4aa45bb8c48", "sha256": "f58718a70abfc13d40caf5c757e7e9b9dbf27bccc6e9bd4f8f5a33afe4dc4c26", "slot": "document_front", "uploadedAt": "2026-11-28T13:43:41Z", "url": "/api/v1/review/cases/5422084511ba5c7776fe16260274fb2e/media/80af2d1ceaefc94eade5b4aa45bb8c48?token=kZB40myprVrKC6tOfatCST1dU3bA", "urlExpiresAt": "2026-11-28T13:50:16Z", "width": 800}
  ],
  "message": null,
  "registerResults": [
    {"checkedAt": "2026-11-28T13:43:41Z", "fields": [{"field": "givenNames", "matched": true}, {"field": "familyName", "matched": true}, {"field": "dateOfBirth", "matched": true}, {"field": "sex", "matched": true}], "kind": "vital_record", "outcome": "matched"},
    {"checkedAt": "2026-11-28T13:43:41Z", "fields": [{"field": "address.line1", "matched": true}, {"field": "address.postcode", "matched": true}], "kind": "address", "outcome": "matched"}
  ],
  "state": "flagged",
  "submittedAt": "2026-11-28T13:43:41Z",
  "targetLoa": 2,
  "version": 5
})json";

// POST /api/v1/review/cases/{id}/notes.
const char* const kNote = R"json({
  "actor": "6bca38feedb7bc89cb4cfc8ea1083fe7",
  "at": "2026-11-28T13:44:48Z",
  "event": "note",
  "note": "Back photo slightly blurred; front is clear.",
  "seq": 4
})json";

}  // namespace

QByteArray queuePageSample() { return kQueuePage; }
QByteArray flaggedQueuePageSample() { return kFlaggedQueuePage; }
QByteArray countsSample() { return kCounts; }
QByteArray caseFullSample() { return kCaseFull; }
QByteArray caseSummarySample() { return kCaseSummary; }
QByteArray caseFlaggedFullSample() { return kCaseFlaggedFull; }
QByteArray noteSample() { return kNote; }

QJsonObject jsonObject(const QByteArray& json) { return QJsonDocument::fromJson(json).object(); }

QByteArray jsonBytes(const QJsonObject& object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

QJsonObject queueItemJson(const QueueItemSpec& spec) {
    auto orNull = [](const QString& s) { return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s); };
    return QJsonObject{
        {"id", spec.id},
        {"state", spec.state},
        {"evidence", spec.evidence},
        {"targetLoa", spec.evidence == QLatin1String("document_video") ? 3 : 2},
        {"submittedAt", "2026-11-28T09:00:00Z"},
        {"ageSeconds", spec.ageSeconds},
        {"claimedBy", orNull(spec.claimedBy)},
        {"claimedByMe", spec.claimedByMe},
        {"claimExpiresAt", spec.claimedBy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue("2026-11-28T14:14:02Z")},
        {"flagReason", orNull(spec.flagReason)},
        {"flaggedBy", spec.flagReason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue("6bca38feedb7bc89cb4cfc8ea1083fe7")},
    };
}

QJsonObject queuePageJson(int from, int to, const QString& next) {
    QJsonArray items;
    for (int i = from; i < to; ++i) {
        QueueItemSpec spec;
        spec.id = QStringLiteral("case-%1").arg(i);
        spec.ageSeconds = 100000 - i * 60;  // oldest first, as the server lists them
        items.append(queueItemJson(spec));
    }
    return QJsonObject{{"items", items}, {"next", next.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(next)}};
}

QJsonObject caseWithMismatchesJson() {
    QJsonObject c = jsonObject(caseFullSample());
    c["evidence"] = "document_video";
    c["targetLoa"] = 3;
    QJsonObject document = c["document"].toObject();
    document["familyName"] = "McLeod";
    document["expiryDate"] = "2026-10-01";
    c["document"] = document;
    QJsonObject checks = c["documentChecks"].toObject();
    checks["expired"] = true;
    checks["daysToExpiry"] = -58;
    checks["expiryDate"] = "2026-10-01";
    c["documentChecks"] = checks;
    QJsonArray registers = c["registerResults"].toArray();
    QJsonObject address = registers[1].toObject();
    address["outcome"] = "no_match";
    address["fields"] = QJsonArray{QJsonObject{{"field", "address.line1"}, {"matched", false}},
                                   QJsonObject{{"field", "address.postcode"}, {"matched", true}}};
    registers[1] = address;
    c["registerResults"] = registers;
    QJsonArray media = c["media"].toArray();
    media.append(QJsonObject{{"id", "9d1e2f3a4b5c6d7e8f901a2b3c4d5e6f"},
                             {"slot", "selfie_video"},
                             {"contentType", "video/webm"},
                             {"byteSize", 7161},
                             {"width", 160},
                             {"height", 120},
                             {"durationMs", 2000},
                             {"uploadedAt", "2026-11-28T13:43:41Z"},
                             {"sha256", "5f0c1a0e0d3b4c8b9a7e6d5c4b3a29180f7e6d5c4b3a29180f7e6d5c4b3a2918"},
                             {"url", "/api/v1/review/cases/5422084511ba5c7776fe16260274fb2e/media/"
                                     "9d1e2f3a4b5c6d7e8f901a2b3c4d5e6f?token=kZB40myprVrKC6tOfatCST1dU3bA"},
                             {"urlExpiresAt", "2026-11-28T13:49:02Z"}});
    c["media"] = media;
    return c;
}

}  // namespace tessera::reviewer::test
