// The review workflow for staff (reviewer or senior_reviewer; a session with X-CSRF-Token on
// unsafe methods, or the workstation's bearer token): the queue, claiming, the case, its media,
// notes and the decision (with a required Idempotency-Key). The media route alone takes no
// session or bearer token: the media player cannot send headers, so the short-lived token in
// its URL is the authorisation, checked by core/review/MediaTokens.
#include <Poco/DateTime.h>
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>

#include <map>
#include <sstream>

#include "core/assurance/AssuranceService.h"
#include "core/requests/IdempotentRequests.h"
#include "core/review/CaseClaims.h"
#include "core/review/CaseDetail.h"
#include "core/review/CaseNotes.h"
#include "core/review/MediaTokens.h"
#include "core/review/ReviewDecisions.h"
#include "core/review/ReviewQueue.h"
#include "core/verification/VerificationParts.h"
#include "tessera/shared/ApiFields.h"
#include "tessera/shared/DecisionReason.h"
#include "web/Authorization.h"
#include "web/ByteRange.h"
#include "web/JsonBody.h"
#include "web/Respond.h"
#include "web/routes/Routes.h"
#include "web/verification/HttpAnswers.h"
#include "web/verification/VerificationJson.h"

namespace tessera::web {

namespace {

namespace vj = verification;

const std::string kBase = "/api/v1/review";

void sendUnavailable(Request& r) {
    sendProblem(r, 503, "verification_unavailable", "",
                "Identity verification is not available at the moment. Please try again later.");
}

// The staff member calling, as a core actor, once verification is set up on this server.
std::optional<core::Actor> reviewer(Request& r, Services& services) {
    auto caller = requireAnyRole(r, services, {core::Role::Reviewer, core::Role::SeniorReviewer});
    if (!caller) return std::nullopt;
    if (!services.verification) {
        sendUnavailable(r);
        return std::nullopt;
    }
    return core::Actor{caller->accountId, r.clientAddress};
}

std::string mediaPath(const std::string& caseId, const std::string& mediaId) {
    return kBase + "/cases/" + caseId + "/media/" + mediaId;
}

// The case as `actor` may see it, with a fresh media link per item when they hold the case.
void sendCase(Request& r, Services& services, const std::string& caseId, const core::Actor& actor, int status = 200) {
    auto view = core::CaseDetail(services).view(caseId, actor);
    if (!view) return sendProblem(r, view.error());
    core::MediaTokens tokens(services);
    auto link = [&](const core::MediaItem& m) -> std::optional<vj::MediaLink> {
        if (!view->full) return std::nullopt;
        auto issued = tokens.issue(caseId, m.id, actor);
        if (!issued) return std::nullopt;
        return vj::MediaLink{mediaPath(caseId, m.id) + "?token=" + issued->token, issued->expiresAt};
    };
    sendJson(r, status, vj::caseJson(*view, link));
}

// --- filters ---------------------------------------------------------------------------------

// An ISO 8601 time ("2027-01-15T10:00:00Z") as Unix seconds.
std::optional<std::int64_t> parseTime(const std::string& text) {
    Poco::DateTime dt;
    int tzd = 0;
    if (!Poco::DateTimeParser::tryParse(text, dt, tzd)) return std::nullopt;
    dt.makeUTC(tzd);
    return static_cast<std::int64_t>(dt.timestamp().epochTime());
}

// Reads the queue filter from named values (query parameters or body members), recording
// field errors in `errors`.
core::QueueFilter parseFilter(const std::function<std::optional<std::string>(const std::string&)>& value,
                              std::vector<FieldError>& errors) {
    core::QueueFilter filter;
    if (auto states = value(std::string(field::kState)); states && !states->empty()) {
        Poco::StringTokenizer names(*states, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
        for (const auto& name : names) {
            auto state = applicationStateFromString(name);
            if (!state) {
                errors.push_back({std::string(field::kState), "invalid_choice",
                                  "Use one or more of submitted, in_review, flagged, approved, rejected, withdrawn, "
                                  "expired, separated by commas."});
                break;
            }
            filter.states.push_back(*state);
        }
    }
    if (auto bundle = value("evidence"); bundle && !bundle->empty()) {
        filter.bundle = core::evidenceBundleFrom(*bundle);
        if (!filter.bundle)
            errors.push_back({"evidence", "invalid_choice", "Use document_video, document_photo or duplicate_person."});
    }
    for (const char* name : {"submittedBefore", "submittedAfter"}) {
        auto text = value(name);
        if (!text || text->empty()) continue;
        auto at = parseTime(*text);
        if (!at) {
            errors.push_back({name, "invalid_format", "Use an ISO 8601 time, such as 2027-01-15T09:30:00Z."});
            continue;
        }
        (std::string(name) == "submittedBefore" ? filter.submittedBefore : filter.submittedAfter) = *at;
    }
    return filter;
}

// --- the queue -------------------------------------------------------------------------------

void listCases(Request& r, Services& services) {
    auto actor = reviewer(r, services);
    if (!actor) return;
    std::vector<FieldError> errors;
    core::QueuePageRequest request;
    request.filter = parseFilter([&](const std::string& n) { return r.queryParam(n); }, errors);
    if (auto sort = r.queryParam("sort"); sort && !sort->empty()) {
        if (*sort == "newest") request.order = core::QueueOrder::NewestFirst;
        else if (*sort != "oldest") errors.push_back({"sort", "invalid_choice", "Use oldest or newest."});
    }
    if (auto text = r.queryParam(std::string(field::kLimit))) {
        int limit = 0;
        if (!Poco::NumberParser::tryParse(*text, limit) || limit < 1 || limit > core::ReviewQueue::kMaxLimit)
            errors.push_back({std::string(field::kLimit), "out_of_range",
                              "Must be a whole number from 1 to " + std::to_string(core::ReviewQueue::kMaxLimit) + "."});
        else request.limit = limit;
    }
    request.after = r.queryParam(std::string(field::kAfter)).value_or("");
    if (!errors.empty())
        return sendProblem(r, Error::invalid("validation_failed", "Some parameters need to be corrected.", errors));
    auto page = core::ReviewQueue(services).list(actor->accountId, request);
    if (!page) return sendProblem(r, page.error());
    Poco::JSON::Array items;
    for (const auto& item : page->items) items.add(vj::queueItemJson(item));
    Poco::JSON::Object out;
    out.set(std::string(field::kItems), items);
    out.set(std::string(field::kNext), vj::textOrNull(page->next));
    // The agreed time from submission to decision, so every workstation colours ages alike.
    out.set("slaSeconds", services.settings.reviewSlaHours * 3600);
    sendJson(r, 200, out);
}

void countCases(Request& r, Services& services) {
    auto actor = reviewer(r, services);
    if (!actor) return;
    auto counts = core::ReviewQueue(services).counts(actor->accountId);
    if (!counts) return sendProblem(r, counts.error());
    Poco::JSON::Object byState;
    for (const auto& [state, n] : *counts) byState.set(std::string(toString(state)), n);
    Poco::JSON::Object out;
    out.set("counts", byState);
    sendJson(r, 200, out);
}

void claimNext(Request& r, Services& services) {
    auto actor = reviewer(r, services);
    if (!actor) return;
    core::QueueFilter filter;
    if (!r.body.empty() || !r.mediaType().empty()) {
        auto body = JsonBody::parse(r);
        if (!body) return sendProblem(r, body.error());
        std::map<std::string, std::optional<std::string>> members;
        for (const char* name : {"state", "evidence", "submittedBefore", "submittedAfter"})
            members[name] = body->optionalString(name, 200);
        body->rejectUnknown({"state", "evidence", "submittedBefore", "submittedAfter"});
        if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
        std::vector<FieldError> errors;
        auto member = [&](const std::string& n) { return members[n]; };
        filter = parseFilter(member, errors);
        if (!errors.empty())
            return sendProblem(r, Error::invalid("validation_failed", "Some fields need to be corrected.", errors));
    }
    auto claimed = core::CaseClaims(services).claimNext(*actor, filter);
    if (!claimed) return sendProblem(r, claimed.error());
    sendCase(r, services, claimed->id, *actor);
}

// --- one case --------------------------------------------------------------------------------

void claimCase(Request& r, Services& services) {
    auto actor = reviewer(r, services);
    if (!actor) return;
    auto claimed = core::CaseClaims(services).claim(r.param("id"), *actor);
    if (!claimed) return sendProblem(r, claimed.error());
    sendCase(r, services, claimed->id, *actor);
}

void releaseCase(Request& r, Services& services) {
    auto actor = reviewer(r, services);
    if (!actor) return;
    auto released = core::CaseClaims(services).release(r.param("id"), *actor);
    if (!released) return sendProblem(r, released.error());
    sendCase(r, services, released->id, *actor);
}

void readCase(Request& r, Services& services) {
    auto actor = reviewer(r, services);
    if (!actor) return;
    sendCase(r, services, r.param("id"), *actor);
}

void addNote(Request& r, Services& services) {
    auto actor = reviewer(r, services);
    if (!actor) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({"note"});
    const std::string note = body->requiredString(std::string(field::kNote), 64 * 1024);
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    auto added = core::CaseNotes(services).add(r.param("id"), note, *actor);
    if (!added) return sendProblem(r, added.error());
    Poco::JSON::Object out;
    out.set("seq", added->seq);
    out.set("at", vj::timeOrNull(added->at));
    out.set("actor", added->actor);
    out.set("event", added->event);
    out.set(std::string(field::kNote), added->note);
    sendJson(r, 201, out);
}

std::string condensed(const Poco::JSON::Object& o) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(o, out);
    return out.str();
}

void decide(Request& r, Services& services) {
    auto actor = reviewer(r, services);
    if (!actor) return;
    const auto key = r.header("Idempotency-Key");
    if (!key || key->empty())
        return sendProblem(r, Error::invalid("idempotency_key_required",
                                             "Send an Idempotency-Key header (a fresh random value per decision), "
                                             "so a retried request is never decided twice."));
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({"decision", "reason", "message", "note"});
    core::DecisionRequest request;
    request.caseId = r.param("id");
    request.decision = body->requiredString(std::string(field::kDecision), 20);
    request.reason = body->optionalString(std::string(field::kReason), 100).value_or("");
    request.message = body->optionalString(std::string(field::kMessage), 64 * 1024).value_or("");
    request.note = body->optionalString(std::string(field::kNote), 64 * 1024).value_or("");
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());

    core::AssuranceService assurance(services, services.verification->policy);
    core::ReviewDecisions decisions(services, assurance);
    core::IdempotentRequests requests(services.db, services.clock);
    const core::IdempotencyScope scope{actor->accountId, "POST", r.path};
    auto render = [](const core::DecisionOutcome& o) {
        Poco::JSON::Object out;
        out.set(std::string(field::kId), o.application.id);
        out.set(std::string(field::kState), std::string(toString(o.application.state)));
        out.set("decisionReason", vj::textOrNull(o.application.decisionReason));
        out.set("decidedBy", o.application.decidedBy);
        out.set("decidedAt", vj::timeOrNull(o.application.decidedAt));
        out.set(std::string(field::kLoa), toInt(o.loa));
        out.set("previousLoa", toInt(o.previousLoa));
        return core::StoredResponse{200, condensed(out)};
    };
    auto answer = decisions.decideOnce(request, *actor, requests, scope, *key,
                                       core::IdempotentRequests::hashBody(r.body), render);
    if (!answer) return sendProblem(r, answer.error());
    if (answer->replayed) r.response.set("Idempotent-Replayed", "true");
    const std::string& text = answer->response.body;
    r.response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(answer->response.status));
    r.response.setContentType("application/json; charset=utf-8");
    r.response.setContentLength(static_cast<std::streamsize>(text.size()));
    r.response.send() << text;
}

// --- media -----------------------------------------------------------------------------------

void readMedia(Request& r, Services& services) {
    if (!services.verification) return sendUnavailable(r);
    const auto token = r.queryParam(std::string(field::kToken));
    if (!token || token->empty())
        return sendProblem(r, 401, "sign_in_required", "",
                           "This link needs its token. Open the photo or video from the case again.");
    auto item = core::MediaTokens(services).verify(*token, r.param("id"), r.param("mediaId"));
    if (!item) return sendProblem(r, item.error());
    infra::BlobStore& blobs = *services.verification->blobs;
    auto size = blobs.size(item->blobId, item->id);
    if (!size) return sendProblem(r, size.error());
    r.response.set("Accept-Ranges", "bytes");
    r.response.set("Cache-Control", "no-store");
    auto range = parseByteRange(r.header("Range"), *size);
    if (!range) {
        r.response.set("Content-Range", "bytes */" + std::to_string(*size));
        return sendProblem(r, 416, range.error());
    }
    if (!*range) {
        auto bytes = blobs.read(item->blobId, item->id);
        if (!bytes) return sendProblem(r, bytes.error());
        return vj::sendBytes(r, 200, item->contentType, *bytes);
    }
    const ByteRange& want = **range;
    auto bytes = blobs.readRange(item->blobId, item->id, want.first, want.length());
    if (!bytes) return sendProblem(r, bytes.error());
    r.response.set("Content-Range", "bytes " + std::to_string(want.first) + "-" +
                                         std::to_string(want.first + bytes->size() - 1) + "/" + std::to_string(*size));
    vj::sendBytes(r, 206, item->contentType, *bytes);
}

// --- reference data --------------------------------------------------------------------------

void listReasons(Request& r, Services& services) {
    if (!reviewer(r, services)) return;
    Poco::JSON::Array items;
    for (const auto& info : allDecisionReasons()) {
        Poco::JSON::Object o;
        o.set(std::string(field::kCode), std::string(info.code));
        o.set("text", std::string(info.text));
        o.set("forReject", info.forReject);
        o.set("forFlag", info.forFlag);
        items.add(o);
    }
    Poco::JSON::Object out;
    out.set(std::string(field::kItems), items);
    sendJson(r, 200, out);
}

}  // namespace

void registerReviewRoutes(Router& router, Services& services) {
    Services* s = &services;
    router.get(kBase + "/cases", [s](Request& r) { listCases(r, *s); });
    router.get(kBase + "/counts", [s](Request& r) { countCases(r, *s); });
    router.post(kBase + "/next-case", [s](Request& r) { claimNext(r, *s); });
    router.get(kBase + "/cases/{id}", [s](Request& r) { readCase(r, *s); });
    router.post(kBase + "/cases/{id}/claim", [s](Request& r) { claimCase(r, *s); });
    router.post(kBase + "/cases/{id}/release", [s](Request& r) { releaseCase(r, *s); });
    router.get(kBase + "/cases/{id}/media/{mediaId}", [s](Request& r) { readMedia(r, *s); });
    router.post(kBase + "/cases/{id}/notes", [s](Request& r) { addNote(r, *s); });
    router.post(kBase + "/cases/{id}/decision", [s](Request& r) { decide(r, *s); });
    router.get(kBase + "/reasons", [s](Request& r) { listReasons(r, *s); });
}

}  // namespace tessera::web
