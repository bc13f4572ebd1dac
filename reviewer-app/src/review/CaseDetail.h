#pragma once
// One case as GET /api/v1/review/cases/{id} (and claim, release, next-case) returns it
// (CaseView in resources/api/openapi.json): the citizen's claims, the document and its checks,
// every register check of the account (which fields matched; registers never send their
// values), the photos and video (descriptions and a short-lived link; the bytes are fetched
// separately and kept in memory), and the history with its notes. Personal parts are filled
// only when `full` (the reviewer holds the case).
#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

#include "tessera/shared/ApplicationState.h"
#include "tessera/shared/Result.h"

namespace tessera::reviewer {

struct FieldMatch {
    QString field;  // an API field name: givenNames, address.postcode, documentNumber, ...
    bool matched = false;
};

struct DocumentSummary {
    QString documentType, documentNumber, issuingCountry, givenNames, familyName, dateOfBirth, expiryDate;
};

struct DocumentChecks {
    QString documentType;
    QString expiryDate;
    bool expired = false;
    qint64 daysToExpiry = 0;  // negative once expired
    QString registerStatus;   // valid, lost, stolen, ...; empty when no register covers the type
    QList<FieldMatch> registerFields;
};

struct RegisterResult {
    QString kind;     // vital_record | address | known_fact
    QString outcome;  // matched | needs_fallback | no_match | duplicate | unavailable
    QList<FieldMatch> fields;
    QDateTime checkedAt;
};

struct CaseMedia {
    QString id;
    QString slot;  // document_front | document_back | selfie_video
    QString contentType;
    qint64 byteSize = 0;
    int width = 0, height = 0;
    qint64 durationMs = 0;
    QDateTime uploadedAt;
    QString sha256;
    QString url;  // relative to the server; empty unless the viewer holds the case
    QDateTime urlExpiresAt;

    bool isVideo() const { return contentType.startsWith(QLatin1String("video/")); }
};

struct CaseEvent {
    qint64 seq = 0;
    QDateTime at;
    QString actor;  // an account id or "system"
    QString event;  // created, submitted, claimed, note, approved, ...
    QString fromState, toState, reason, note;
};

struct CaseDetail {
    QString id;
    QString accountId;
    QString evidence;
    ApplicationState state = ApplicationState::Submitted;
    int targetLoa = 0;
    bool full = false;
    qint64 version = 0;
    QDateTime createdAt, submittedAt, claimExpiresAt, decidedAt;
    QString claimedBy, flaggedBy, flagReason, decisionReason, decidedBy;
    QJsonObject claims;  // what the citizen asserted; empty unless full
    QString message;     // the message to the citizen, once rejected (full only)
    std::optional<DocumentSummary> document;  // full only
    std::optional<DocumentChecks> documentChecks;
    QList<RegisterResult> registerResults;  // newest first
    QList<CaseMedia> media;
    QList<CaseEvent> history;  // oldest first

    // The person's name as the confirmation of a decision names them: the claimed name, else
    // the names on the document; empty in a summary view.
    QString citizenName() const;
    const CaseMedia* mediaIn(const QString& slot) const;
    // The history entries carrying a note (notes, flags with a note, decisions with one).
    QList<CaseEvent> notes() const;
};

Result<CaseDetail> parseCaseDetail(const QJsonObject& json);
Result<CaseDetail> parseCaseDetail(const QByteArray& json);
// The answer of POST .../notes (CaseNote): the history entry the note became.
Result<CaseEvent> parseCaseNote(const QByteArray& json);

}  // namespace tessera::reviewer
