#include "web/verification/VerificationJson.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Timestamp.h>

#include "core/registers/MatchTypes.h"
#include "tessera/shared/ApplicationState.h"
#include "tessera/shared/Loa.h"

namespace tessera::web::verification {

namespace {

Poco::JSON::Array::Ptr fieldsJson(const std::vector<core::FieldResult>& fields) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& f : fields) {
        Poco::JSON::Object o;
        o.set("field", f.field);
        o.set("matched", f.matched);
        list->add(o);
    }
    return list;
}

Poco::JSON::Array::Ptr fieldChecksJson(const std::vector<core::FieldCheck>& fields) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& f : fields) {
        Poco::JSON::Object o;
        o.set("field", f.field);
        o.set("matched", f.matched);
        list->add(o);
    }
    return list;
}

// Stored claims are JSON text; shown as an object (null if it cannot be read).
Poco::Dynamic::Var claimsJson(const std::string& text) {
    if (text.empty()) return {};
    try {
        return Poco::JSON::Parser().parse(text);
    } catch (const Poco::Exception&) {
        return {};
    }
}

Poco::JSON::Object documentJson(const core::IdentityDocument& d) {
    Poco::JSON::Object o;
    o.set("documentType", d.documentType);
    o.set("documentNumber", d.number);
    o.set("issuingCountry", d.issuingCountry);
    o.set("givenNames", d.givenNames);
    o.set("familyName", d.familyName);
    o.set("dateOfBirth", d.dateOfBirth);
    o.set("expiryDate", d.expiryDate);
    return o;
}

}  // namespace

Poco::Dynamic::Var timeOrNull(std::int64_t unixSeconds) {
    if (unixSeconds == 0) return {};
    return Poco::DateTimeFormatter::format(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(unixSeconds)),
                                           Poco::DateTimeFormat::ISO8601_FORMAT);
}

Poco::Dynamic::Var textOrNull(const std::string& text) {
    if (text.empty()) return {};
    return text;
}

Poco::JSON::Object checkOutcomeJson(const core::CheckOutcome& outcome) {
    Poco::JSON::Object o;
    o.set("outcome", std::string(core::toString(outcome.outcome)));
    o.set("fields", fieldsJson(outcome.fields));
    Poco::JSON::Array questions;
    for (const auto& q : outcome.fallbackQuestions) questions.add(q);
    o.set("questions", questions);
    o.set("loa", toInt(outcome.loa));
    o.set("attemptsLeft", outcome.attemptsLeft);
    return o;
}

Poco::JSON::Object evidenceJson(const core::Evidence& e) {
    Poco::JSON::Object o;
    o.set("id", e.id);
    o.set("kind", std::string(core::toString(e.kind)));
    o.set("verifiedAt", timeOrNull(e.verifiedAt));
    o.set("expiresAt", timeOrNull(e.expiresAt));
    return o;
}

Poco::JSON::Object mediaJson(const core::MediaItem& m) {
    Poco::JSON::Object o;
    o.set("id", m.id);
    o.set("slot", std::string(core::toString(m.slot)));
    o.set("contentType", m.contentType);
    o.set("byteSize", m.byteSize);
    o.set("width", m.width);
    o.set("height", m.height);
    o.set("durationMs", m.durationMs);
    o.set("uploadedAt", timeOrNull(m.uploadedAt));
    return o;
}

Poco::JSON::Object applicationSummaryJson(const core::VerificationApplication& a, const std::string& reasonText) {
    Poco::JSON::Object o;
    o.set("id", a.id);
    o.set("evidence", std::string(core::toString(a.bundle)));
    o.set("state", std::string(toString(a.state)));
    o.set("targetLoa", a.targetLoa);
    o.set("createdAt", timeOrNull(a.createdAt));
    o.set("submittedAt", timeOrNull(a.submittedAt));
    o.set("decidedAt", timeOrNull(a.decidedAt));
    // The citizen sees why an application was refused, never a reviewer's flag or note.
    const bool rejected = a.state == ApplicationState::Rejected;
    o.set("reason", rejected ? textOrNull(a.decisionReason) : Poco::Dynamic::Var());
    o.set("reasonText", rejected ? textOrNull(reasonText) : Poco::Dynamic::Var());
    o.set("message", rejected ? textOrNull(a.decisionMessage) : Poco::Dynamic::Var());
    return o;
}

Poco::JSON::Object applicationStatusJson(const core::ApplicationStatus& status) {
    Poco::JSON::Object o = applicationSummaryJson(status.application, status.reasonText);
    if (status.document) {
        Poco::JSON::Object d = documentJson(*status.document);
        d.set("expired", status.documentExpired);
        o.set("document", d);
    } else {
        o.set("document", Poco::Dynamic::Var());
    }
    Poco::JSON::Array media;
    for (const auto& m : status.media) media.add(mediaJson(m));
    o.set("media", media);
    // What is still needed before submitting: the document, then each empty slot.
    Poco::JSON::Array missing;
    if (status.application.state == ApplicationState::Draft) {
        if (!status.document || status.documentExpired) missing.add(std::string("document"));
        for (auto slot : status.missingSlots) missing.add(std::string(core::toString(slot)));
    }
    o.set("missing", missing);
    return o;
}

Poco::JSON::Object queueItemJson(const core::QueueItem& item) {
    Poco::JSON::Object o;
    o.set("id", item.id);
    o.set("state", std::string(toString(item.state)));
    o.set("evidence", std::string(core::toString(item.bundle)));
    o.set("targetLoa", item.targetLoa);
    o.set("submittedAt", timeOrNull(item.submittedAt));
    o.set("ageSeconds", item.ageSeconds);
    o.set("claimedBy", textOrNull(item.claimedBy));
    o.set("claimedByMe", item.claimedByMe);
    o.set("claimExpiresAt", item.claimedBy.empty() ? Poco::Dynamic::Var() : timeOrNull(item.claimExpiresAt));
    o.set("flagReason", textOrNull(item.flagReason));
    o.set("flaggedBy", textOrNull(item.flaggedBy));
    return o;
}

Poco::JSON::Object caseJson(const core::CaseView& view,
                            const std::function<std::optional<MediaLink>(const core::MediaItem&)>& mediaUrl) {
    const core::VerificationApplication& a = view.application;
    Poco::JSON::Object o;
    o.set("id", a.id);
    o.set("accountId", a.accountId);
    o.set("evidence", std::string(core::toString(a.bundle)));
    o.set("state", std::string(toString(a.state)));
    o.set("targetLoa", a.targetLoa);
    o.set("full", view.full);
    o.set("version", a.version);
    o.set("createdAt", timeOrNull(a.createdAt));
    o.set("submittedAt", timeOrNull(a.submittedAt));
    o.set("claimedBy", textOrNull(a.claimedBy));
    o.set("claimExpiresAt", a.claimedBy.empty() ? Poco::Dynamic::Var() : timeOrNull(a.claimExpiresAt));
    o.set("flaggedBy", textOrNull(a.flaggedBy));
    o.set("flagReason", textOrNull(a.flagReason));
    o.set("decisionReason", textOrNull(a.decisionReason));
    o.set("decidedBy", textOrNull(a.decidedBy));
    o.set("decidedAt", timeOrNull(a.decidedAt));
    o.set("claims", view.full ? claimsJson(a.claims) : Poco::Dynamic::Var());
    o.set("message", view.full ? textOrNull(a.decisionMessage) : Poco::Dynamic::Var());
    o.set("document", view.document ? Poco::Dynamic::Var(documentJson(*view.document)) : Poco::Dynamic::Var());

    if (view.documentChecks) {
        const core::DocumentChecks& c = *view.documentChecks;
        Poco::JSON::Object checks;
        checks.set("documentType", c.documentType);
        checks.set("expiryDate", c.expiryDate);
        checks.set("expired", c.expired);
        checks.set("daysToExpiry", c.daysToExpiry);
        checks.set("registerStatus", textOrNull(c.registerStatus));
        checks.set("registerFields", fieldChecksJson(c.registerFields));
        o.set("documentChecks", checks);
    } else {
        o.set("documentChecks", Poco::Dynamic::Var());
    }

    Poco::JSON::Array registers;
    for (const auto& r : view.registerResults) {
        Poco::JSON::Object check;
        check.set("kind", r.kind);
        check.set("outcome", r.outcome);
        check.set("fields", fieldChecksJson(r.fields));
        check.set("checkedAt", timeOrNull(r.checkedAt));
        registers.add(check);
    }
    o.set("registerResults", registers);

    Poco::JSON::Array media;
    for (const auto& m : view.media) {
        Poco::JSON::Object item = mediaJson(m);
        item.set("sha256", m.sha256);
        const auto link = mediaUrl ? mediaUrl(m) : std::nullopt;
        item.set("url", link ? Poco::Dynamic::Var(link->url) : Poco::Dynamic::Var());
        item.set("urlExpiresAt", link ? timeOrNull(link->expiresAt) : Poco::Dynamic::Var());
        media.add(item);
    }
    o.set("media", media);

    Poco::JSON::Array history;
    for (const auto& e : view.history) {
        Poco::JSON::Object event;
        event.set("seq", e.seq);
        event.set("at", timeOrNull(e.at));
        event.set("actor", e.actor);
        event.set("event", e.event);
        event.set("fromState", textOrNull(e.fromState));
        event.set("toState", textOrNull(e.toState));
        event.set("reason", textOrNull(e.reason));
        event.set("note", textOrNull(e.note));
        history.add(event);
    }
    o.set("history", history);
    return o;
}

}  // namespace tessera::web::verification
