#include "core/verification/ApplicationService.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <sstream>

#include "core/assurance/AssuranceService.h"
#include "core/registers/DocumentRegisterCheck.h"
#include "core/verification/AccountLock.h"
#include "infra/Digest.h"
#include "infra/Random.h"
#include "infra/media/ImageSanitiser.h"
#include "infra/media/VideoInspector.h"
#include "infra/registers/RegisterKey.h"
#include "tessera/shared/DecisionReason.h"

namespace tessera::core {

namespace {

std::string stringify(const Poco::JSON::Object& o) {
    std::ostringstream out;
    o.stringify(out);
    return out.str();
}

Error notFound() {
    return Error::notFound("application_not_found", "You have no verification application. Start one first.");
}

Error notDraft() {
    return Error::conflict("application_not_draft",
                           "Your application has been sent for review, so it can no longer be changed.");
}

// What the citizen asserted when they submitted: what the reviewer compares the evidence with.
std::string claimsSnapshot(const Account& account, const IdentityDocument& d) {
    Poco::JSON::Object address;
    address.set("line1", account.address.line1);
    address.set("line2", account.address.line2);
    address.set("town", account.address.town);
    address.set("postcode", account.address.postcode);
    Poco::JSON::Object document;
    document.set("documentType", d.documentType);
    document.set("givenNames", d.givenNames);
    document.set("familyName", d.familyName);
    document.set("dateOfBirth", d.dateOfBirth);
    Poco::JSON::Object claims;
    claims.set("name", account.name);
    claims.set("dateOfBirth", account.dateOfBirth);
    claims.set("sex", account.sex);
    claims.set("address", address);
    claims.set("document", document);
    return stringify(claims);
}

}  // namespace

std::vector<MediaSlot> requiredSlots(EvidenceBundle bundle) {
    switch (bundle) {
        case EvidenceBundle::DocumentVideo:
            return {MediaSlot::DocumentFront, MediaSlot::DocumentBack, MediaSlot::SelfieVideo};
        case EvidenceBundle::DocumentPhoto:
            return {MediaSlot::DocumentFront, MediaSlot::DocumentBack};
        case EvidenceBundle::DuplicatePerson:
            return {};
    }
    return {};
}

int targetLoaFor(EvidenceBundle bundle) {
    switch (bundle) {
        case EvidenceBundle::DocumentVideo: return 3;
        case EvidenceBundle::DocumentPhoto: return 2;
        case EvidenceBundle::DuplicatePerson: return 1;
    }
    return 1;
}

ApplicationService::ApplicationService(Context& ctx, RegisterSet& registers, infra::BlobStore& blobs,
                                       const AssurancePolicy& policy)
    : ctx_(ctx), registers_(registers), blobs_(blobs), policy_(policy), store_(ctx.db, ctx.dataKey) {}

Result<VerificationApplication> ApplicationService::start(const Actor& citizen, EvidenceBundle bundle) {
    if (bundle == EvidenceBundle::DuplicatePerson)
        return Error::field("bundle", "invalid_choice", "Choose photographic evidence or a document with a video.");
    AssuranceService assurance(ctx_, policy_);
    const Loa level = assurance.levelOf(citizen.accountId);
    if (!meets(level, Loa::Loa1))
        return Error::forbidden("loa1_required",
                                "Confirm your name, date of birth and address first, then send documents.");
    if (toInt(level) >= targetLoaFor(bundle))
        return Error::conflict("level_already_held", "Your account already has the level this evidence leads to.");
    return ctx_.db.transaction<VerificationApplication>([&](Poco::Data::Session& s) -> Result<VerificationApplication> {
        if (Status st = lockAccount(ctx_.db, s, citizen.accountId); !st) return st.error();
        if (store_.openFor(s, citizen.accountId))
            return Error::conflict("application_open",
                                   "You already have an application in progress. Finish or withdraw it first.");
        VerificationApplication a;
        a.id = infra::random::id();
        a.accountId = citizen.accountId;
        a.bundle = bundle;
        a.targetLoa = targetLoaFor(bundle);
        a.state = ApplicationState::Draft;
        a.createdAt = a.updatedAt = ctx_.clock.now();
        if (Status st = store_.insert(s, a); !st) return st.error();
        CaseEvent e;
        e.applicationId = a.id;
        e.at = a.createdAt;
        e.actor = citizen.accountId;
        e.event = "created";
        e.toState = std::string(toString(a.state));
        if (Status st = store_.appendEvent(s, e); !st) return st.error();
        AuditEvent audit{"verification.started", citizen.accountId, citizen.accountId, citizen.clientAddress,
                         {{"application", a.id}, {"bundle", std::string(toString(bundle))}}};
        if (Status st = ctx_.audit.append(s, audit); !st) return st.error();
        return a;
    });
}

std::optional<VerificationApplication> ApplicationService::current(const std::string& accountId) {
    return store_.latestFor(accountId);
}

Result<ApplicationStatus> ApplicationService::status(const std::string& accountId) {
    auto a = store_.latestFor(accountId);
    if (!a) return notFound();
    ApplicationStatus st;
    st.application = *a;
    if (auto reason = decisionReasonFromString(a->decisionReason)) st.reasonText = std::string(describe(*reason));
    st.document = store_.document(a->id);
    st.media = store_.media(a->id);
    if (a->state == ApplicationState::Draft) {
        for (MediaSlot slot : requiredSlots(a->bundle))
            if (std::none_of(st.media.begin(), st.media.end(), [&](const MediaItem& m) { return m.slot == slot; }))
                st.missingSlots.push_back(slot);
    }
    st.documentExpired = st.document && documentExpired(*st.document, dateFromUnixSeconds(ctx_.clock.now()));
    return st;
}

Result<VerificationApplication> ApplicationService::openDraft(const std::string& accountId) {
    Poco::Data::Session s = ctx_.db.session();
    auto a = store_.openFor(s, accountId);
    if (!a) return notFound();
    if (a->state != ApplicationState::Draft) return notDraft();
    return *a;
}

std::string ApplicationService::documentRegisterResult(const IdentityDocument& d, std::optional<Error>& refusal) {
    if (!infra::isDocumentType(d.documentType)) return {};  // no register holds this type
    DocumentClaim claim;
    claim.documentType = d.documentType;
    claim.number = d.number;
    claim.givenNames = d.givenNames;
    claim.familyName = d.familyName;
    claim.dateOfBirth = parseIsoDate(d.dateOfBirth).value_or(CalendarDate{});
    claim.expiryDate = parseIsoDate(d.expiryDate).value_or(CalendarDate{});
    auto checked = DocumentRegisterCheck(registers_.documents(), registers_.nameVariants()).check(claim);
    Poco::JSON::Object result;
    if (!checked) {
        // The register could not answer: the reviewer sees that it was not checked.
        result.set("status", "unavailable");
        return stringify(result);
    }
    result.set("status", std::string(toString(checked->status)));
    Poco::JSON::Array fields;
    for (const auto& f : checked->fields) {
        Poco::JSON::Object o;
        o.set("field", f.field);
        o.set("matched", f.matched);
        fields.add(o);
    }
    result.set("fields", fields);
    const auto status = checked->status;
    if (status == DocumentStatus::Lost || status == DocumentStatus::Stolen || status == DocumentStatus::Cancelled)
        refusal = Error::field(std::string(field::kDocumentNumber), "document_not_valid",
                               "This document has been reported lost or stolen, or has been cancelled, so it "
                               "cannot be used. Use another document, or contact the office that issued it.");
    return stringify(result);
}

Result<IdentityDocument> ApplicationService::setDocument(const Actor& citizen, DocumentEntry entry) {
    auto draft = openDraft(citizen.accountId);
    if (!draft) return draft.error();
    auto account = ctx_.accounts.findById(citizen.accountId);
    if (!account) return Error::notFound("account_not_found", "There is no such account.");
    if (entry.sex.empty()) entry.sex = account->sex;
    auto valid = validateDocument(entry, dateFromUnixSeconds(ctx_.clock.now()));
    if (!valid) return valid.error();
    IdentityDocument d = std::move(valid).value();
    d.applicationId = draft->id;
    d.updatedAt = ctx_.clock.now();

    std::optional<Error> refusal;
    d.registerResult = documentRegisterResult(d, refusal);
    if (refusal) {
        // Recorded (without the number) so a pattern of reported documents can be followed up.
        AuditEvent audit{"verification.document_refused", citizen.accountId, citizen.accountId,
                         citizen.clientAddress,
                         {{"application", draft->id}, {"documentType", d.documentType}, {"register", d.registerResult}}};
        (void)ctx_.audit.append(audit);
        return *refusal;
    }
    auto saved = ctx_.db.transaction<IdentityDocument>([&](Poco::Data::Session& s) -> Result<IdentityDocument> {
        auto a = store_.find(s, draft->id);
        if (!a) return notFound();
        if (a->state != ApplicationState::Draft) return notDraft();
        if (Status st = store_.putDocument(s, d); !st) return st.error();
        AuditEvent audit{"verification.document_set", citizen.accountId, citizen.accountId, citizen.clientAddress,
                         {{"application", a->id}, {"documentType", d.documentType}}};
        if (Status st = ctx_.audit.append(s, audit); !st) return st.error();
        return d;
    });
    return saved;
}

Result<MediaItem> ApplicationService::putMedia(const Actor& citizen, MediaSlot slot, std::string_view bytes,
                                               std::string_view /*declaredContentType: the bytes decide*/,
                                               const std::string& uploadedBy) {
    auto draft = openDraft(citizen.accountId);
    if (!draft) return draft.error();
    const auto needed = requiredSlots(draft->bundle);
    if (std::find(needed.begin(), needed.end(), slot) == needed.end())
        return Error::field("slot", "slot_not_needed", "This application does not need that upload.");

    MediaItem m;
    m.id = infra::random::id();
    m.applicationId = draft->id;
    m.slot = slot;
    m.uploadedBy = uploadedBy;
    std::string stored;
    if (slot == MediaSlot::SelfieVideo) {
        infra::VideoLimits limits;
        limits.maxBytes = ctx_.settings.videoMaxBytes;
        limits.minDurationMs = ctx_.settings.videoMinSeconds * 1000;
        limits.maxDurationMs = ctx_.settings.videoMaxSeconds * 1000;
        auto video = infra::inspectVideo(bytes, limits);
        if (!video) return video.error();
        m.contentType = video->contentType;
        m.durationMs = video->durationMs;
        m.width = video->width;
        m.height = video->height;
        stored.assign(bytes);
    } else {
        infra::ImageLimits limits;
        limits.maxBytes = ctx_.settings.photoMaxBytes;
        auto image = infra::sanitiseImage(bytes, limits);
        if (!image) return image.error();
        m.contentType = image->contentType;
        m.width = image->width;
        m.height = image->height;
        stored = std::move(image->bytes);
    }
    m.byteSize = std::int64_t(stored.size());
    m.sha256 = infra::digest::sha256Hex(stored);

    auto blob = blobs_.put(stored, m.id);
    if (!blob) return blob.error();
    m.blobId = *blob;
    m.uploadedAt = ctx_.clock.now();

    auto replaced = ctx_.db.transaction<std::optional<MediaItem>>(
        [&](Poco::Data::Session& s) -> Result<std::optional<MediaItem>> {
            auto a = store_.find(s, draft->id);
            if (!a) return notFound();
            if (a->state != ApplicationState::Draft) return notDraft();
            auto r = store_.putMedia(s, m);
            if (!r) return r.error();
            AuditEvent audit{"verification.media_uploaded", citizen.accountId, citizen.accountId,
                             citizen.clientAddress,
                             {{"application", a->id},
                              {"slot", std::string(toString(slot))},
                              {"contentType", m.contentType},
                              {"bytes", std::to_string(m.byteSize)}}};
            if (Status st = ctx_.audit.append(s, audit); !st) return st.error();
            return r;
        });
    if (!replaced) {
        (void)blobs_.remove(m.blobId);  // nothing readable left behind
        return replaced.error();
    }
    if (replaced->has_value()) (void)blobs_.remove((*replaced)->blobId);
    return m;
}

Result<VerificationApplication> ApplicationService::submit(const Actor& citizen) {
    auto draft = openDraft(citizen.accountId);
    if (!draft) return draft.error();
    auto account = ctx_.accounts.findById(citizen.accountId);
    if (!account) return Error::notFound("account_not_found", "There is no such account.");

    std::vector<FieldError> missing;
    auto document = store_.document(draft->id);
    if (!document)
        missing.push_back({"document", "required", "Enter the details of your identity document."});
    else if (documentExpired(*document, dateFromUnixSeconds(ctx_.clock.now())))
        missing.push_back({std::string(field::kExpiryDate), "expired",
                           "Your document has expired. Enter the details of a document that is still valid."});
    const auto media = store_.media(draft->id);
    for (MediaSlot slot : requiredSlots(draft->bundle)) {
        if (std::any_of(media.begin(), media.end(), [&](const MediaItem& m) { return m.slot == slot; })) continue;
        std::string message = slot == MediaSlot::SelfieVideo ? "Record or upload a short video of your face."
                              : slot == MediaSlot::DocumentFront ? "Upload a photo of the front of your document."
                                                                 : "Upload a photo of the back of your document.";
        missing.push_back({std::string(toString(slot)), "required", message});
    }
    if (!missing.empty())
        return Error::invalid("application_incomplete", "Your application is missing some evidence.", missing);

    return ctx_.db.transaction<VerificationApplication>([&](Poco::Data::Session& s) -> Result<VerificationApplication> {
        auto a = store_.find(s, draft->id);
        if (!a) return notFound();
        if (Status st = checkTransition(a->state, ApplicationState::Submitted); !st) return notDraft();
        const std::int64_t now = ctx_.clock.now();
        a->state = ApplicationState::Submitted;
        a->claims = claimsSnapshot(*account, *document);
        a->submittedAt = a->updatedAt = now;
        if (Status st = store_.update(s, *a); !st) return st.error();
        CaseEvent e;
        e.applicationId = a->id;
        e.at = now;
        e.actor = citizen.accountId;
        e.event = "submitted";
        e.fromState = std::string(toString(ApplicationState::Draft));
        e.toState = std::string(toString(ApplicationState::Submitted));
        if (Status st = store_.appendEvent(s, e); !st) return st.error();
        AuditEvent audit{"verification.submitted", citizen.accountId, citizen.accountId, citizen.clientAddress,
                         {{"application", a->id}, {"bundle", std::string(toString(a->bundle))}}};
        if (Status st = ctx_.audit.append(s, audit); !st) return st.error();
        return *a;
    });
}

Result<VerificationApplication> ApplicationService::withdraw(const Actor& citizen) {
    return ctx_.db.transaction<VerificationApplication>([&](Poco::Data::Session& s) -> Result<VerificationApplication> {
        auto a = store_.openFor(s, citizen.accountId);
        if (!a) return notFound();
        if (Status st = checkTransition(a->state, ApplicationState::Withdrawn); !st)
            return Error::conflict("invalid_state_transition",
                                   "A reviewer is already looking at your application, so it cannot be withdrawn now.");
        const std::int64_t now = ctx_.clock.now();
        const ApplicationState from = a->state;
        a->state = ApplicationState::Withdrawn;
        // Settled now: the media retention period runs from here.
        a->decidedAt = a->updatedAt = now;
        a->decidedBy = citizen.accountId;
        if (Status st = store_.update(s, *a); !st) return st.error();
        CaseEvent e;
        e.applicationId = a->id;
        e.at = now;
        e.actor = citizen.accountId;
        e.event = "withdrawn";
        e.fromState = std::string(toString(from));
        e.toState = std::string(toString(a->state));
        if (Status st = store_.appendEvent(s, e); !st) return st.error();
        AuditEvent audit{"verification.withdrawn", citizen.accountId, citizen.accountId, citizen.clientAddress,
                         {{"application", a->id}}};
        if (Status st = ctx_.audit.append(s, audit); !st) return st.error();
        return *a;
    });
}

}  // namespace tessera::core
