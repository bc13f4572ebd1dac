#include "review/ReviewLabels.h"

namespace tessera::reviewer {

QString ReviewLabels::state(ApplicationState s) {
    switch (s) {
        case ApplicationState::Draft: return tr("Draft");
        case ApplicationState::Submitted: return tr("Waiting");
        case ApplicationState::InReview: return tr("In review");
        case ApplicationState::Approved: return tr("Approved");
        case ApplicationState::Rejected: return tr("Rejected");
        case ApplicationState::Flagged: return tr("Flagged");
        case ApplicationState::Withdrawn: return tr("Withdrawn");
        case ApplicationState::Expired: return tr("Expired");
    }
    return {};
}

QString ReviewLabels::state(const QString& code) {
    const auto s = applicationStateFromString(code.toStdString());
    return s ? state(*s) : code;
}

QString ReviewLabels::evidence(const QString& code) {
    if (code == QLatin1String("document_video")) return tr("Document and video");
    if (code == QLatin1String("document_photo")) return tr("Document photos");
    if (code == QLatin1String("duplicate_person")) return tr("Duplicate person");
    return code;
}

QString ReviewLabels::slot(const QString& code) {
    if (code == QLatin1String("document_front")) return tr("Document front");
    if (code == QLatin1String("document_back")) return tr("Document back");
    if (code == QLatin1String("selfie_video")) return tr("Selfie video");
    return code;
}

QString ReviewLabels::registerKind(const QString& kind) {
    if (kind == QLatin1String("vital_record")) return tr("Birth register");
    if (kind == QLatin1String("address")) return tr("Address register");
    if (kind == QLatin1String("known_fact")) return tr("Known-fact register");
    if (kind == QLatin1String("document")) return tr("Document register");
    return kind;
}

QString ReviewLabels::registerShort(const QString& kind) {
    if (kind == QLatin1String("vital_record")) return tr("Birth");
    if (kind == QLatin1String("address")) return tr("Address");
    if (kind == QLatin1String("known_fact")) return tr("Known fact");
    if (kind == QLatin1String("document")) return tr("Document");
    return kind;
}

QString ReviewLabels::registerOutcome(const QString& outcome) {
    if (outcome == QLatin1String("matched")) return tr("Matched");
    if (outcome == QLatin1String("needs_fallback")) return tr("Needed more questions");
    if (outcome == QLatin1String("no_match")) return tr("No match");
    if (outcome == QLatin1String("duplicate")) return tr("Already linked to another account");
    if (outcome == QLatin1String("unavailable")) return tr("Register unavailable");
    return outcome;
}

QString ReviewLabels::event(const QString& e) {
    if (e == QLatin1String("created")) return tr("Started");
    if (e == QLatin1String("submitted")) return tr("Submitted");
    if (e == QLatin1String("claimed")) return tr("Claimed");
    if (e == QLatin1String("released")) return tr("Released");
    if (e == QLatin1String("claim_expired")) return tr("Claim lapsed");
    if (e == QLatin1String("note")) return tr("Note");
    if (e == QLatin1String("approved")) return tr("Approved");
    if (e == QLatin1String("rejected")) return tr("Rejected");
    if (e == QLatin1String("flagged")) return tr("Flagged");
    if (e == QLatin1String("withdrawn")) return tr("Withdrawn");
    if (e == QLatin1String("expired")) return tr("Expired");
    if (e == QLatin1String("expired_draft")) return tr("Draft expired");
    if (e == QLatin1String("media_deleted")) return tr("Photos and video deleted");
    return e;
}

QString ReviewLabels::field(const QString& path) {
    if (path == QLatin1String("name")) return tr("Full name");
    if (path == QLatin1String("givenNames")) return tr("Given names");
    if (path == QLatin1String("familyName")) return tr("Family name");
    if (path == QLatin1String("dateOfBirth")) return tr("Date of birth");
    if (path == QLatin1String("sex")) return tr("Sex");
    if (path == QLatin1String("placeOfBirth")) return tr("Place of birth");
    if (path == QLatin1String("mothersMaidenName")) return tr("Mother's maiden name");
    if (path == QLatin1String("address.line1")) return tr("Address line 1");
    if (path == QLatin1String("address.line2")) return tr("Address line 2");
    if (path == QLatin1String("address.town")) return tr("Town");
    if (path == QLatin1String("address.postcode")) return tr("Postcode");
    if (path == QLatin1String("reference")) return tr("Reference");
    if (path == QLatin1String("documentType")) return tr("Document type");
    if (path == QLatin1String("documentNumber")) return tr("Document number");
    if (path == QLatin1String("issuingCountry")) return tr("Issuing country");
    if (path == QLatin1String("expiryDate")) return tr("Expiry date");
    if (path == QLatin1String("linkedAccountId")) return tr("Account already holding this person");
    return path;
}

QString ReviewLabels::value(const QString& field, const QString& value) {
    if (field == QLatin1String("sex")) {
        if (value == QLatin1String("female")) return tr("Female");
        if (value == QLatin1String("male")) return tr("Male");
        if (value == QLatin1String("unspecified")) return tr("Unspecified");
    }
    if (field == QLatin1String("documentType")) {
        if (value == QLatin1String("passport")) return tr("Passport");
        if (value == QLatin1String("driving_licence")) return tr("Driving licence");
        if (value == QLatin1String("national_identity_card")) return tr("National identity card");
    }
    return value;
}

QString ReviewLabels::reason(const QString& code) {
    const auto r = decisionReasonFromString(code.toStdString());
    return r ? reason(*r) : code;
}

QString ReviewLabels::reason(DecisionReason r) {
    switch (r) {
        case DecisionReason::DocumentUnreadable: return tr("The document photos cannot be read clearly.");
        case DecisionReason::DocumentExpired: return tr("The document has expired.");
        case DecisionReason::PhotoMismatch: return tr("The person in the selfie video does not match the document photo.");
        case DecisionReason::VideoUnclear: return tr("The selfie video is too dark, blurred or short to compare.");
        case DecisionReason::DetailsMismatch: return tr("The details on the document do not match the details given.");
        case DecisionReason::SuspectedFraud: return tr("The document or video may have been forged or altered.");
        case DecisionReason::DuplicatePerson: return tr("Another account already holds this person's identity.");
        case DecisionReason::NeedsSeniorReview: return tr("The case needs a senior reviewer's judgement.");
        case DecisionReason::Other: return tr("Another reason, explained in the note.");
    }
    return QString::fromUtf8(describe(r).data(), static_cast<qsizetype>(describe(r).size()));
}

QString ReviewLabels::decision(ReviewDecision d) {
    switch (d) {
        case ReviewDecision::Approve: return tr("Approve");
        case ReviewDecision::Reject: return tr("Reject");
        case ReviewDecision::Flag: return tr("Flag for a senior reviewer");
    }
    return {};
}

QString ReviewLabels::duration(qint64 seconds) {
    if (seconds < 0) seconds = 0;
    const qint64 minutes = seconds / 60, hours = minutes / 60, days = hours / 24;
    if (days > 0) return tr("%1 d %2 h").arg(days).arg(hours % 24);
    if (hours > 0) return tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return tr("%1 min").arg(minutes);
}

QString ReviewLabels::shortId(const QString& id) {
    return id.size() <= 8 ? id : id.left(8) + QChar(0x2026);
}

}  // namespace tessera::reviewer
