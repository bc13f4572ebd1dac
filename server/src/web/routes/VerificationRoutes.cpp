// The citizen's identity verification (signed in, X-CSRF-Token on unsafe methods): the
// register checks towards LoA 1 and 2, and the application a reviewer checks for LoA 2 or 3
// (document, photos, selfie video); and the administrator's override of a level. Each handler
// parses and validates, makes one core call and renders it; the rules live in core/.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <set>

#include "core/assurance/AssuranceService.h"
#include "core/verification/ApplicationService.h"
#include "core/verification/IdentityChecks.h"
#include "core/verification/RegisterCheckLog.h"
#include "core/verification/VerificationParts.h"
#include "tessera/shared/ApiFields.h"
#include "tessera/shared/CalendarDate.h"
#include "tessera/shared/Loa.h"
#include "tessera/shared/ProfileChoices.h"
#include "web/Authentication.h"
#include "web/Authorization.h"
#include "web/JsonBody.h"
#include "web/Respond.h"
#include "web/routes/Routes.h"
#include "web/verification/HttpAnswers.h"
#include "web/verification/VerificationJson.h"

namespace tessera::web {

namespace {

namespace vj = verification;

const std::string kBase = "/api/v1/accounts/me/verification";
constexpr std::int64_t kAttemptWindowSeconds = 24 * 60 * 60;

struct Citizen {
    core::Actor actor;
    core::VerificationParts& parts;
};

void sendUnavailable(Request& r) {
    sendProblem(r, 503, "verification_unavailable", "",
                "Identity verification is not available at the moment. Please try again later.");
}

// The signed-in citizen, once verification is set up on this server.
std::optional<Citizen> citizen(Request& r, Services& services) {
    auto current = requireSignedIn(r, services);
    if (!current) return std::nullopt;
    if (!services.verification) {
        sendUnavailable(r);
        return std::nullopt;
    }
    return Citizen{core::Actor{current->session.accountId, r.clientAddress}, *services.verification};
}

core::IdentityChecks checksFor(Services& services, Citizen& c) {
    return core::IdentityChecks(services, *c.parts.registers, c.parts.policy);
}

core::ApplicationService applicationsFor(Services& services, Citizen& c) {
    return core::ApplicationService(services, *c.parts.registers, *c.parts.blobs, c.parts.policy);
}

// Seconds until the oldest counted attempt leaves the 24-hour window (at least one).
std::int64_t retryAfterSeconds(Services& services, const std::string& accountId, core::CheckKind kind) {
    const std::int64_t now = services.clock.now();
    Poco::Data::Session s = services.db.session();
    const auto counted = core::RegisterCheckLog(services.db).countedSince(s, accountId, kind, now - kAttemptWindowSeconds);
    if (counted.empty()) return 60;
    return std::max<std::int64_t>(1, counted.front() + kAttemptWindowSeconds - now);
}

// The answer to a register check: 200 for a match or a question to answer, 422 "no_match"
// (with the attempts left), or the core's refusal (429 with Retry-After).
void sendCheck(Request& r, Services& services, const Citizen& c, core::CheckKind kind,
               const Result<core::CheckOutcome>& result) {
    if (!result) {
        if (result.error().kind == ErrorKind::TooManyRequests)
            r.response.set("Retry-After", std::to_string(retryAfterSeconds(services, c.actor.accountId, kind)));
        return sendProblem(r, result.error());
    }
    if (result->outcome == core::MatchOutcome::NoMatch) {
        Poco::JSON::Object extras = vj::checkOutcomeJson(*result);
        extras.remove("questions");
        const std::string left = std::to_string(result->attemptsLeft);
        return sendProblem(
            r, 422,
            Error::invalid("no_match", "We could not match these details. Check them against your documents and try "
                                       "again (" + left + (result->attemptsLeft == 1 ? " attempt" : " attempts") +
                                           " left today)."),
            extras);
    }
    sendJson(r, 200, vj::checkOutcomeJson(*result));
}

// GET: the level, the evidence held, the ways to each higher level, the attempts left today
// and the latest application.
void overview(Request& r, Services& services) {
    auto c = citizen(r, services);
    if (!c) return;
    core::AssuranceService assurance(services, c->parts.policy);
    const std::string& id = c->actor.accountId;
    const Loa level = assurance.levelOf(id);

    Poco::JSON::Object out;
    out.set(std::string(field::kLoa), toInt(level));
    out.set("acr", c->parts.policy.acrFor(level));
    Poco::JSON::Array evidence;
    for (const auto& e : assurance.activeEvidence(id)) evidence.add(vj::evidenceJson(e));
    out.set("evidence", evidence);

    Poco::JSON::Array next;
    for (int target = toInt(level) + 1; target < kLoaCount; ++target) {
        const auto targetLoa = loaFromInt(target);
        if (!targetLoa) continue;
        Poco::JSON::Array ways;
        for (const auto& way : assurance.nextSteps(id, *targetLoa)) {
            Poco::JSON::Array kinds;
            for (auto kind : way) kinds.add(std::string(core::toString(kind)));
            ways.add(kinds);
        }
        Poco::JSON::Object step;
        step.set(std::string(field::kLoa), target);
        step.set("ways", ways);
        next.add(step);
    }
    out.set("nextSteps", next);

    core::IdentityChecks checks = checksFor(services, *c);
    Poco::JSON::Object attempts;
    for (auto kind : {core::CheckKind::VitalRecord, core::CheckKind::Address, core::CheckKind::KnownFact})
        attempts.set(std::string(core::toString(kind)), checks.attemptsLeft(id, kind));
    out.set("attemptsLeft", attempts);

    core::ApplicationService applications = applicationsFor(services, *c);
    auto status = applications.status(id);
    out.set("application", status ? Poco::Dynamic::Var(vj::applicationSummaryJson(status->application, status->reasonText))
                                   : Poco::Dynamic::Var());
    sendJson(r, 200, out);
}

void matchIdentity(Request& r, Services& services) {
    auto c = citizen(r, services);
    if (!c) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({"givenNames", "familyName", "dateOfBirth", "sex", "placeOfBirth", "mothersMaidenName"});
    core::VitalRecordClaim claim;
    claim.givenNames = body->requiredString(std::string(field::kGivenNames), 200);
    claim.familyName = body->requiredString(std::string(field::kFamilyName), 200);
    const std::string dob = body->requiredString(std::string(field::kDateOfBirth), 20);
    const std::string sex = body->requiredString(std::string(field::kSex), 20);
    claim.placeOfBirth = body->optionalString(std::string(field::kPlaceOfBirth), 200).value_or("");
    claim.mothersMaidenName = body->optionalString(std::string(field::kMothersMaidenName), 200).value_or("");
    if (!dob.empty()) {
        auto date = validate::dateOfBirth(dob, services.clock.now());
        if (!date) body->addError(date.error().fields.empty() ? std::string(field::kDateOfBirth) : date.error().fields[0].field,
                                  date.error().fields.empty() ? date.error().code : date.error().fields[0].code,
                                  date.error().fields.empty() ? date.error().message : date.error().fields[0].message);
        else claim.dateOfBirth = *date;
    }
    if (body->has(std::string(field::kSex))) {
        if (auto parsed = sexFromString(sex)) claim.sex = *parsed;
        else body->addError(std::string(field::kSex), "invalid_choice", "Choose female, male or unspecified.");
    }
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    core::IdentityChecks checks = checksFor(services, *c);
    sendCheck(r, services, *c, core::CheckKind::VitalRecord, checks.matchIdentity(c->actor, claim));
}

void matchAddress(Request& r, Services& services) {
    auto c = citizen(r, services);
    if (!c) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({"line1", "line2", "town", "postcode"});
    core::AddressClaim claim;
    claim.line1 = body->requiredString(std::string(field::kLine1), 200);
    claim.line2 = body->optionalString(std::string(field::kLine2), 200).value_or("");
    claim.town = body->optionalString(std::string(field::kTown), 100).value_or("");
    claim.postcode = body->requiredString(std::string(field::kPostcode), 20);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    core::IdentityChecks checks = checksFor(services, *c);
    sendCheck(r, services, *c, core::CheckKind::Address, checks.matchAddress(c->actor, claim));
}

void checkKnownFact(Request& r, Services& services) {
    auto c = citizen(r, services);
    if (!c) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({"factType", "reference"});
    const std::string factType = body->requiredString("factType", 50);
    const std::string reference = body->requiredString("reference", 100);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    core::IdentityChecks checks = checksFor(services, *c);
    sendCheck(r, services, *c, core::CheckKind::KnownFact, checks.checkKnownFact(c->actor, factType, reference));
}

// The application as the citizen sees it, after a change.
void sendStatus(Request& r, core::ApplicationService& applications, const std::string& accountId, int status) {
    auto current = applications.status(accountId);
    if (!current) return sendProblem(r, current.error());
    sendJson(r, status, vj::applicationStatusJson(*current));
}

void startApplication(Request& r, Services& services) {
    auto c = citizen(r, services);
    if (!c) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({"evidence"});
    const std::string name = body->requiredString("evidence", 50);
    auto bundle = core::evidenceBundleFrom(name);
    if (!name.empty() && (!bundle || *bundle == core::EvidenceBundle::DuplicatePerson))
        body->addError("evidence", "invalid_choice", "Choose document_video or document_photo.");
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    core::ApplicationService applications = applicationsFor(services, *c);
    auto started = applications.start(c->actor, *bundle);
    if (!started) return sendProblem(r, started.error());
    r.response.set("Location", kBase + "/application");
    sendStatus(r, applications, c->actor.accountId, 201);
}

void readApplication(Request& r, Services& services) {
    auto c = citizen(r, services);
    if (!c) return;
    core::ApplicationService applications = applicationsFor(services, *c);
    sendStatus(r, applications, c->actor.accountId, 200);
}

void putDocument(Request& r, Services& services) {
    auto c = citizen(r, services);
    if (!c) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({"documentType", "documentNumber", "checkDigit", "issuingCountry", "expiryDate", "givenNames",
                         "familyName", "dateOfBirth"});
    core::DocumentEntry entry;
    entry.documentType = body->requiredString(std::string(field::kDocumentType), 50);
    entry.number = body->requiredString(std::string(field::kDocumentNumber), 50);
    entry.checkDigit = body->optionalString(std::string(field::kCheckDigit), 5).value_or("");
    entry.issuingCountry = body->requiredString(std::string(field::kIssuingCountry), 10);
    entry.expiryDate = body->requiredString(std::string(field::kExpiryDate), 20);
    entry.givenNames = body->requiredString(std::string(field::kGivenNames), 200);
    entry.familyName = body->requiredString(std::string(field::kFamilyName), 200);
    entry.dateOfBirth = body->requiredString(std::string(field::kDateOfBirth), 20);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    // A driving licence number encodes the holder's sex: the account's, as in the profile.
    if (auto account = services.accounts.findById(c->actor.accountId)) entry.sex = account->sex;
    core::ApplicationService applications = applicationsFor(services, *c);
    auto stored = applications.setDocument(c->actor, entry);
    if (!stored) return sendProblem(r, stored.error());
    sendStatus(r, applications, c->actor.accountId, 200);
}

bool isPhotoType(const std::string& t) { return t == "image/jpeg" || t == "image/png"; }
bool isVideoType(const std::string& t) { return t == "video/webm" || t == "video/mp4"; }

// Media the bytes of which cannot be used (unreadable, too small, too short): the request was
// well-formed, so 422 rather than 400.
bool isUnusableMedia(const Error& e) {
    static const std::set<std::string> codes{"unreadable_image", "image_too_small", "unreadable_video",
                                             "video_too_short", "video_too_long"};
    return e.kind == ErrorKind::Invalid && codes.count(e.code) > 0;
}

void putMedia(Request& r, Services& services) {
    auto c = citizen(r, services);
    if (!c) return;
    const auto slot = core::mediaSlotFrom(r.param("slot"));
    if (!slot)
        return sendProblem(r, 404, "slot_not_found", "",
                           "There is no upload slot " + r.param("slot") +
                               "; use document_front, document_back or selfie_video.");
    const std::string type = r.mediaType();
    const bool video = *slot == core::MediaSlot::SelfieVideo;
    if (video ? !isVideoType(type) : !isPhotoType(type))
        return sendProblem(r, Error{ErrorKind::UnsupportedMediaType, "unsupported_media_type",
                                    video ? "Send the video as video/webm or video/mp4."
                                          : "Send the photo as image/jpeg or image/png.",
                                    {}});
    const std::size_t limit = video ? services.settings.videoMaxBytes : services.settings.photoMaxBytes;
    if (r.body.size() > limit)
        return sendProblem(r, 413, "too_large", "",
                           std::string(video ? "The video" : "The photo") + " is larger than " +
                               std::to_string(limit / (1024 * 1024)) + " MB.");
    core::ApplicationService applications = applicationsFor(services, *c);
    auto stored = applications.putMedia(c->actor, *slot, r.body, type, c->actor.accountId);
    if (!stored) {
        if (isUnusableMedia(stored.error())) return sendProblem(r, 422, stored.error());
        return sendProblem(r, stored.error());
    }
    sendJson(r, 200, vj::mediaJson(*stored));
}

void submitApplication(Request& r, Services& services) {
    auto c = citizen(r, services);
    if (!c) return;
    core::ApplicationService applications = applicationsFor(services, *c);
    auto submitted = applications.submit(c->actor);
    if (!submitted) return sendProblem(r, submitted.error());
    sendStatus(r, applications, c->actor.accountId, 200);
}

void withdrawApplication(Request& r, Services& services) {
    auto c = citizen(r, services);
    if (!c) return;
    core::ApplicationService applications = applicationsFor(services, *c);
    auto withdrawn = applications.withdraw(c->actor);
    if (!withdrawn) return sendProblem(r, withdrawn.error());
    sendStatus(r, applications, c->actor.accountId, 200);
}

// --- administrators ------------------------------------------------------------------------

struct Admin {
    core::Actor actor;
    core::VerificationParts& parts;
};

std::optional<Admin> admin(Request& r, Services& services) {
    auto caller = requireRole(r, services, core::Role::Admin);
    if (!caller) return std::nullopt;
    if (!services.verification) {
        sendUnavailable(r);
        return std::nullopt;
    }
    return Admin{core::Actor{caller->accountId, r.clientAddress}, *services.verification};
}

void sendLevelChange(Request& r, const std::string& accountId, const core::LevelChange& change) {
    Poco::JSON::Object out;
    out.set("accountId", accountId);
    out.set(std::string(field::kLoa), toInt(change.to));
    out.set("previousLoa", toInt(change.from));
    sendJson(r, 200, out);
}

void setOverride(Request& r, Services& services) {
    auto a = admin(r, services);
    if (!a) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({"level", "reason"});
    std::optional<Loa> level;
    if (!body->has("level") || body->object()->isNull("level")) {
        body->addError("level", "required", "This field is required.");
    } else {
        Poco::Dynamic::Var v = body->object()->get("level");
        if (v.isInteger() && !v.isBoolean()) level = loaFromInt(v.convert<int>());
        if (!level) body->addError("level", "invalid_choice", "Must be a level from 0 to 3.");
    }
    const std::string reason = body->requiredString(std::string(field::kReason), 1000);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    core::AssuranceService assurance(services, a->parts.policy);
    const std::string accountId = r.param("id");
    auto changed = assurance.setOverride(accountId, *level, reason, a->actor);
    if (!changed) return sendProblem(r, changed.error());
    sendLevelChange(r, accountId, *changed);
}

void clearOverride(Request& r, Services& services) {
    auto a = admin(r, services);
    if (!a) return;
    const std::string reason = r.queryParam(std::string(field::kReason)).value_or("");
    core::AssuranceService assurance(services, a->parts.policy);
    const std::string accountId = r.param("id");
    auto changed = assurance.clearOverride(accountId, reason, a->actor);
    if (!changed) return sendProblem(r, changed.error());
    sendLevelChange(r, accountId, *changed);
}

}  // namespace

void registerVerificationRoutes(Router& router, Services& services) {
    Services* s = &services;
    router.get(kBase, [s](Request& r) { overview(r, *s); });
    router.post(kBase + "/identity", [s](Request& r) { matchIdentity(r, *s); });
    router.post(kBase + "/address", [s](Request& r) { matchAddress(r, *s); });
    router.post(kBase + "/known-fact", [s](Request& r) { checkKnownFact(r, *s); });
    router.post(kBase + "/application", [s](Request& r) { startApplication(r, *s); });
    router.get(kBase + "/application", [s](Request& r) { readApplication(r, *s); });
    router.put(kBase + "/application/document", [s](Request& r) { putDocument(r, *s); });
    // The larger of the two upload limits; the handler holds each slot to its own.
    const std::size_t uploadLimit = std::max(services.settings.photoMaxBytes, services.settings.videoMaxBytes);
    router.add("PUT", kBase + "/application/media/{slot}", [s](Request& r) { putMedia(r, *s); }, uploadLimit);
    router.post(kBase + "/application/submit", [s](Request& r) { submitApplication(r, *s); });
    router.post(kBase + "/application/withdraw", [s](Request& r) { withdrawApplication(r, *s); });

    router.post("/api/v1/admin/accounts/{id}/assurance", [s](Request& r) { setOverride(r, *s); });
    router.del("/api/v1/admin/accounts/{id}/assurance", [s](Request& r) { clearOverride(r, *s); });
}

}  // namespace tessera::web
