#include "core/verification/ApplicationStore.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include "core/assurance/SealedText.h"
#include "infra/Random.h"

using namespace Poco::Data::Keywords;

namespace tessera::core {

namespace {

// What each sealed column is, bound into its associated data with the row id.
constexpr std::string_view kClaims = "application.claims";
constexpr std::string_view kDecisionMessage = "application.decision_message";
constexpr std::string_view kDocumentDetails = "document.details";
constexpr std::string_view kEventNote = "case_event.note";

const char* kApplicationColumns =
    "id, account_id, evidence_kind, target_loa, state, claims, claimed_by, claim_expires_at, flagged_by, "
    "flag_reason, decision_reason, decision_message, decided_by, decided_at, media_deleted_at, created_at, "
    "submitted_at, updated_at, version";

const char* kMediaColumns =
    "id, application_id, slot, content_type, byte_size, width, height, duration_ms, sha256, blob_id, uploaded_by, "
    "uploaded_at";

// The states whose outcome is not settled: an account has at most one such application.
std::string openStatesList() {
    std::string list;
    for (ApplicationState st : {ApplicationState::Draft, ApplicationState::Submitted, ApplicationState::InReview,
                                ApplicationState::Flagged}) {
        if (!list.empty()) list += ", ";
        list += "'" + std::string(toString(st)) + "'";
    }
    return list;
}

VerificationApplication applicationFrom(const Poco::Data::RecordSet& rs, std::size_t row,
                                        const infra::SecretBox& key) {
    VerificationApplication a;
    std::size_t i = 0;
    auto str = [&]() { return rs.value(i++, row).convert<std::string>(); };
    auto num = [&]() { return rs.value(i++, row).convert<Poco::Int64>(); };
    a.id = str();
    a.accountId = str();
    a.bundle = evidenceBundleFrom(str()).value_or(EvidenceBundle::DocumentVideo);
    a.targetLoa = int(num());
    a.state = applicationStateFromString(str()).value_or(ApplicationState::Draft);
    a.claims = openTextOrEmpty(key, str(), kClaims, a.id);
    a.claimedBy = str();
    a.claimExpiresAt = num();
    a.flaggedBy = str();
    a.flagReason = str();
    a.decisionReason = str();
    a.decisionMessage = openTextOrEmpty(key, str(), kDecisionMessage, a.id);
    a.decidedBy = str();
    a.decidedAt = num();
    a.mediaDeletedAt = num();
    a.createdAt = num();
    a.submittedAt = num();
    a.updatedAt = num();
    a.version = num();
    return a;
}

MediaItem mediaFrom(const Poco::Data::RecordSet& rs, std::size_t row) {
    MediaItem m;
    std::size_t i = 0;
    auto str = [&]() { return rs.value(i++, row).convert<std::string>(); };
    auto num = [&]() { return rs.value(i++, row).convert<Poco::Int64>(); };
    m.id = str();
    m.applicationId = str();
    m.slot = mediaSlotFrom(str()).value_or(MediaSlot::DocumentFront);
    m.contentType = str();
    m.byteSize = num();
    m.width = int(num());
    m.height = int(num());
    m.durationMs = num();
    m.sha256 = str();
    m.blobId = str();
    m.uploadedBy = str();
    m.uploadedAt = num();
    return m;
}

std::string documentDetailsJson(const IdentityDocument& d) {
    Poco::JSON::Object o;
    o.set("number", d.number);
    o.set("issuingCountry", d.issuingCountry);
    o.set("givenNames", d.givenNames);
    o.set("familyName", d.familyName);
    o.set("dateOfBirth", d.dateOfBirth);
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

void readDocumentDetails(const std::string& json, IdentityDocument& d) {
    if (json.empty()) return;
    try {
        auto o = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
        d.number = o->optValue<std::string>("number", "");
        d.issuingCountry = o->optValue<std::string>("issuingCountry", "");
        d.givenNames = o->optValue<std::string>("givenNames", "");
        d.familyName = o->optValue<std::string>("familyName", "");
        d.dateOfBirth = o->optValue<std::string>("dateOfBirth", "");
    } catch (const Poco::Exception&) {
        // Only this store writes the column; an unreadable value leaves the fields empty.
    }
}

}  // namespace

Status ApplicationStore::insert(Poco::Data::Session& s, const VerificationApplication& a) {
    std::string id = a.id, accountId = a.accountId, bundle(toString(a.bundle)), state(toString(a.state));
    std::string claims = sealText(key_, a.claims, kClaims, a.id);
    std::string message = sealText(key_, a.decisionMessage, kDecisionMessage, a.id);
    std::string claimedBy = a.claimedBy, flaggedBy = a.flaggedBy, flagReason = a.flagReason,
                decisionReason = a.decisionReason, decidedBy = a.decidedBy;
    Poco::Int64 target = a.targetLoa, claimExpires = a.claimExpiresAt, decidedAt = a.decidedAt,
                mediaDeleted = a.mediaDeletedAt, created = a.createdAt, submitted = a.submittedAt,
                updated = a.updatedAt, version = a.version;
    s << db_.sql(std::string("INSERT INTO verification_applications (") + kApplicationColumns +
                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(id), use(accountId), use(bundle), use(target), use(state), use(claims), use(claimedBy),
        use(claimExpires), use(flaggedBy), use(flagReason), use(decisionReason), use(message), use(decidedBy),
        use(decidedAt), use(mediaDeleted), use(created), use(submitted), use(updated), use(version), now;
    return {};
}

Status ApplicationStore::update(Poco::Data::Session& s, VerificationApplication& a) {
    std::string id = a.id, state(toString(a.state));
    std::string claims = sealText(key_, a.claims, kClaims, a.id);
    std::string message = sealText(key_, a.decisionMessage, kDecisionMessage, a.id);
    std::string claimedBy = a.claimedBy, flaggedBy = a.flaggedBy, flagReason = a.flagReason,
                decisionReason = a.decisionReason, decidedBy = a.decidedBy;
    Poco::Int64 claimExpires = a.claimExpiresAt, decidedAt = a.decidedAt, mediaDeleted = a.mediaDeletedAt,
                submitted = a.submittedAt, updated = a.updatedAt, expected = a.version, next = a.version + 1;
    Poco::Data::Statement st(s);
    st << db_.sql("UPDATE verification_applications SET state = ?, claims = ?, claimed_by = ?, claim_expires_at = ?, "
                  "flagged_by = ?, flag_reason = ?, decision_reason = ?, decision_message = ?, decided_by = ?, "
                  "decided_at = ?, media_deleted_at = ?, submitted_at = ?, updated_at = ?, version = ? "
                  "WHERE id = ? AND version = ?"),
        use(state), use(claims), use(claimedBy), use(claimExpires), use(flaggedBy), use(flagReason),
        use(decisionReason), use(message), use(decidedBy), use(decidedAt), use(mediaDeleted), use(submitted),
        use(updated), use(next), use(id), use(expected);
    if (st.execute() != 1)
        return Error::conflict("application_changed",
                               "The application was changed by someone else; reload it and try again.");
    a.version = next;
    return {};
}

std::optional<VerificationApplication> ApplicationStore::find(const std::string& id) {
    Poco::Data::Session s = db_.session();
    return find(s, id);
}

std::optional<VerificationApplication> ApplicationStore::find(Poco::Data::Session& s, const std::string& id) {
    std::string v = id;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kApplicationColumns + " FROM verification_applications WHERE id = ?"),
        use(v);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    return applicationFrom(rs, 0, key_);
}

std::optional<VerificationApplication> ApplicationStore::latestFor(const std::string& accountId) {
    Poco::Data::Session s = db_.session();
    std::string v = accountId;
    Poco::Data::Statement st(s);
    // Several applications in the same second (withdraw and start again): the open one first.
    st << db_.sql(std::string("SELECT ") + kApplicationColumns +
                  " FROM verification_applications WHERE account_id = ? ORDER BY created_at DESC, "
                  "CASE WHEN state IN (" + openStatesList() + ") THEN 0 ELSE 1 END, id DESC LIMIT 1"),
        use(v);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    return applicationFrom(rs, 0, key_);
}

std::optional<VerificationApplication> ApplicationStore::openFor(Poco::Data::Session& s,
                                                                 const std::string& accountId) {
    std::string v = accountId;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kApplicationColumns +
                  " FROM verification_applications WHERE account_id = ? AND state IN (" + openStatesList() +
                  ") ORDER BY created_at DESC, id DESC LIMIT 1"),
        use(v);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    return applicationFrom(rs, 0, key_);
}

Status ApplicationStore::putDocument(Poco::Data::Session& s, const IdentityDocument& d) {
    std::string applicationId = d.applicationId, type = d.documentType, expiry = d.expiryDate,
                registerResult = d.registerResult;
    std::string details = sealText(key_, documentDetailsJson(d), kDocumentDetails, d.applicationId);
    Poco::Int64 updated = d.updatedAt;
    // Delete then insert: portable, and the caller's transaction makes it one change.
    s << db_.sql("DELETE FROM verification_documents WHERE application_id = ?"), use(applicationId), now;
    s << db_.sql("INSERT INTO verification_documents (application_id, document_type, details, expiry_date, "
                 "register_result, updated_at) VALUES (?, ?, ?, ?, ?, ?)"),
        use(applicationId), use(type), use(details), use(expiry), use(registerResult), use(updated), now;
    return {};
}

std::optional<IdentityDocument> ApplicationStore::document(const std::string& applicationId) {
    Poco::Data::Session s = db_.session();
    std::string v = applicationId;
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT application_id, document_type, details, expiry_date, register_result, updated_at "
                  "FROM verification_documents WHERE application_id = ?"),
        use(v);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    IdentityDocument d;
    d.applicationId = rs.value(0, 0).convert<std::string>();
    d.documentType = rs.value(1, 0).convert<std::string>();
    readDocumentDetails(
        openTextOrEmpty(key_, rs.value(2, 0).convert<std::string>(), kDocumentDetails, d.applicationId), d);
    d.expiryDate = rs.value(3, 0).convert<std::string>();
    d.registerResult = rs.value(4, 0).convert<std::string>();
    d.updatedAt = rs.value(5, 0).convert<Poco::Int64>();
    return d;
}

Result<std::optional<MediaItem>> ApplicationStore::putMedia(Poco::Data::Session& s, const MediaItem& m) {
    std::string applicationId = m.applicationId, slot(toString(m.slot));
    std::optional<MediaItem> replaced;
    {
        Poco::Data::Statement st(s);
        st << db_.sql(std::string("SELECT ") + kMediaColumns +
                      " FROM verification_media WHERE application_id = ? AND slot = ?"),
            use(applicationId), use(slot);
        st.execute();
        Poco::Data::RecordSet rs(st);
        if (rs.rowCount() > 0) replaced = mediaFrom(rs, 0);
    }
    if (replaced) {
        std::string oldId = replaced->id;
        s << db_.sql("DELETE FROM verification_media WHERE id = ?"), use(oldId), now;
    }
    std::string id = m.id, contentType = m.contentType, sha = m.sha256, blobId = m.blobId,
                uploadedBy = m.uploadedBy;
    Poco::Int64 size = m.byteSize, width = m.width, height = m.height, duration = m.durationMs,
                uploadedAt = m.uploadedAt;
    s << db_.sql(std::string("INSERT INTO verification_media (") + kMediaColumns +
                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(id), use(applicationId), use(slot), use(contentType), use(size), use(width), use(height),
        use(duration), use(sha), use(blobId), use(uploadedBy), use(uploadedAt), now;
    return replaced;
}

std::vector<MediaItem> ApplicationStore::media(const std::string& applicationId) {
    Poco::Data::Session s = db_.session();
    std::string v = applicationId;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kMediaColumns +
                  " FROM verification_media WHERE application_id = ? ORDER BY slot"),
        use(v);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<MediaItem> out;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) out.push_back(mediaFrom(rs, row));
    return out;
}

std::optional<MediaItem> ApplicationStore::mediaItem(const std::string& applicationId, const std::string& mediaId) {
    Poco::Data::Session s = db_.session();
    std::string app = applicationId, id = mediaId;
    Poco::Data::Statement st(s);
    st << db_.sql(std::string("SELECT ") + kMediaColumns +
                  " FROM verification_media WHERE application_id = ? AND id = ?"),
        use(app), use(id);
    st.execute();
    Poco::Data::RecordSet rs(st);
    if (rs.rowCount() == 0) return std::nullopt;
    return mediaFrom(rs, 0);
}

Status ApplicationStore::deleteMedia(Poco::Data::Session& s, const std::string& applicationId) {
    std::string v = applicationId;
    s << db_.sql("DELETE FROM verification_media WHERE application_id = ?"), use(v), now;
    return {};
}

Status ApplicationStore::appendEvent(Poco::Data::Session& s, CaseEvent& e) {
    if (e.id.empty()) e.id = infra::random::id();
    std::string applicationId = e.applicationId;
    Poco::Int64 last = 0;
    {
        Poco::Data::Statement st(s);
        st << db_.sql("SELECT COALESCE(MAX(seq), 0) FROM verification_events WHERE application_id = ?"),
            use(applicationId);
        st.execute();
        Poco::Data::RecordSet rs(st);
        if (rs.rowCount() > 0) last = rs.value(0, 0).convert<Poco::Int64>();
    }
    // Two writers racing for the same seq: UNIQUE (application_id, seq) refuses the second,
    // whose transaction rolls back; the version check on the application usually stops it first.
    Poco::Int64 seq = last + 1, at = e.at;
    std::string id = e.id, actor = e.actor, event = e.event, from = e.fromState, to = e.toState, reason = e.reason;
    std::string note = sealText(key_, e.note, kEventNote, e.id);
    s << db_.sql("INSERT INTO verification_events (id, application_id, seq, at, actor, event, from_state, to_state, "
                 "reason, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(id), use(applicationId), use(seq), use(at), use(actor), use(event), use(from), use(to), use(reason),
        use(note), now;
    e.seq = seq;
    return {};
}

std::vector<CaseEvent> ApplicationStore::events(const std::string& applicationId) {
    Poco::Data::Session s = db_.session();
    std::string v = applicationId;
    Poco::Data::Statement st(s);
    st << db_.sql("SELECT id, application_id, seq, at, actor, event, from_state, to_state, reason, note "
                  "FROM verification_events WHERE application_id = ? ORDER BY seq"),
        use(v);
    st.execute();
    Poco::Data::RecordSet rs(st);
    std::vector<CaseEvent> out;
    for (std::size_t row = 0; row < rs.rowCount(); ++row) {
        CaseEvent e;
        e.id = rs.value(0, row).convert<std::string>();
        e.applicationId = rs.value(1, row).convert<std::string>();
        e.seq = rs.value(2, row).convert<Poco::Int64>();
        e.at = rs.value(3, row).convert<Poco::Int64>();
        e.actor = rs.value(4, row).convert<std::string>();
        e.event = rs.value(5, row).convert<std::string>();
        e.fromState = rs.value(6, row).convert<std::string>();
        e.toState = rs.value(7, row).convert<std::string>();
        e.reason = rs.value(8, row).convert<std::string>();
        e.note = openTextOrEmpty(key_, rs.value(9, row).convert<std::string>(), kEventNote, e.id);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace tessera::core
