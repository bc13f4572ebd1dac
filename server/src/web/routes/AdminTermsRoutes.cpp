// Administration of terms versions (admin role; core/terms/TermsVersions.h): list, read with
// the body for preview, draft, edit a draft (If-Match), publish it with an effective time
// (If-Match), delete a draft. Published versions never change.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <set>
#include <vector>

#include "core/terms/TermsVersions.h"
#include "tessera/shared/ApiFields.h"
#include "web/JsonBody.h"
#include "web/Respond.h"
#include "web/routes/AdminRequests.h"
#include "web/routes/Routes.h"

namespace tessera::web {

namespace {

const std::string kBase = "/api/v1/admin/terms";
const std::string kKind = "kind", kLanguage(field::kLanguage), kTitle(field::kTitle), kBody = "body",
                  kSummary = "summaryOfChanges", kTranslationOf = "translationOf", kEffectiveAt = "effectiveAt";
// Members the server sets: named in a body, they are refused rather than silently ignored.
const std::set<std::string> kReadOnly = {"id", "version", "status", "createdAt"};

Poco::JSON::Object versionJson(const core::TermsVersionView& v, bool withBody) {
    const core::TermsDocument& d = v.document;
    Poco::JSON::Object o;
    o.set(std::string(field::kId), d.id);
    o.set(kKind, core::toString(d.kind));
    o.set(kLanguage, d.language);
    o.set("version", d.version);
    o.set("status", core::toString(v.status));
    o.set(kTitle, d.title);
    if (withBody) o.set(kBody, d.body);
    o.set(kSummary, d.summaryOfChanges);
    o.set(kEffectiveAt, core::isDraft(d) ? Poco::Dynamic::Var() : Poco::Dynamic::Var(isoTime(d.effectiveAt)));
    o.set(std::string(field::kCreatedAt), isoTime(d.createdAt));
    return o;
}

void sendVersion(Request& r, int status, const core::TermsVersionView& v) {
    r.response.set("ETag", v.etag);
    sendJson(r, status, versionJson(v, true));
}

void refuseReadOnly(JsonBody& body, const std::set<std::string>& alsoReadOnly = {}) {
    for (const auto& [name, value] : *body.object()) {
        (void)value;
        if (kReadOnly.count(name) || alsoReadOnly.count(name))
            body.addError(name, "read_only", "The server sets this; leave it out.");
    }
}

// A text member of a draft: absent -> nullopt; null -> "" for the summary, an error for the
// title and the body (they cannot be emptied).
std::optional<std::string> textMember(JsonBody& body, const std::string& name, std::size_t maxBytes) {
    if (body.has(name) && body.object()->isNull(name)) {
        if (name == kSummary) return std::string();
        body.addError(name, "required", "This field cannot be emptied.");
        return std::nullopt;
    }
    return body.optionalString(name, maxBytes);
}

// The body's problems and the core's checks of the same input, in one answer (one entry per
// field, the body's first), so a person fixes everything at once.
Status combined(const JsonBody& body, const Status& checks) {
    auto parsed = body.status();
    if (parsed && checks) return {};
    std::vector<FieldError> errors = parsed ? std::vector<FieldError>{} : parsed.error().fields;
    if (!checks)
        for (const auto& f : checks.error().fields)
            if (std::none_of(errors.begin(), errors.end(), [&](const FieldError& e) { return e.field == f.field; }))
                errors.push_back(f);
    return Error::invalid("validation_failed", "Some fields need to be corrected.", errors);
}

bool requireIfMatch(Request& r, const std::optional<core::IfMatch>& ifMatch) {
    if (ifMatch) return true;
    sendProblem(r, 428, "precondition_required", "",
                "Send If-Match with the ETag of the draft you read, so no one else's change is lost or published "
                "unseen.");
    return false;
}

void listVersions(Request& r, Services& services) {
    if (!requireAdmin(r, services)) return;
    auto limit = pageLimit(r, core::TermsVersions::kDefaultPageSize, core::TermsVersions::kMaxPageSize);
    if (!limit) return;
    auto page = core::TermsVersions(services).list(r.queryParam(kKind).value_or(""), r.queryParam(kLanguage).value_or(""),
                                                   *limit, r.queryParam(std::string(field::kAfter)).value_or(""));
    if (!page) return sendProblem(r, page.error());
    Poco::JSON::Array items;
    for (const auto& v : page->items) items.add(versionJson(v, false));
    Poco::JSON::Object out;
    out.set(std::string(field::kItems), items);
    out.set(std::string(field::kNext), page->next.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(page->next));
    sendJson(r, 200, out);
}

void createDraft(Request& r, Services& services) {
    auto actor = requireAdmin(r, services);
    if (!actor) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    refuseReadOnly(*body, {kEffectiveAt});
    body->rejectUnknown({kKind, kLanguage, kTitle, kBody, kSummary, kTranslationOf, "id", "version", "status",
                         "createdAt", kEffectiveAt});
    core::NewTermsDraft draft;
    draft.kind = body->requiredString(kKind, 100);
    draft.language = body->requiredString(kLanguage, 20);
    draft.text.title = body->requiredString(kTitle, core::kMaxTermsTitleBytes);
    draft.text.body = body->requiredString(kBody, core::kMaxTermsBodyBytes);
    draft.text.summaryOfChanges = textMember(*body, kSummary, core::kMaxTermsSummaryBytes);
    draft.translationOf = body->optionalString(kTranslationOf, 100).value_or("");
    if (auto valid = combined(*body, core::validateDraft(draft)); !valid) return sendProblem(r, valid.error());
    auto created = core::TermsVersions(services).createDraft(draft, *actor);
    if (!created) return sendAdminProblem(r, created.error());
    r.response.set("Location", kBase + "/" + created->document.id);
    sendVersion(r, 201, *created);
}

void readVersion(Request& r, Services& services) {
    if (!requireAdmin(r, services)) return;
    auto found = core::TermsVersions(services).get(r.param("id"));
    if (!found) return sendProblem(r, found.error());
    sendVersion(r, 200, *found);
}

void editDraft(Request& r, Services& services) {
    auto actor = requireAdmin(r, services);
    if (!actor) return;
    const auto ifMatch = ifMatchHeader(r);
    if (!requireIfMatch(r, ifMatch)) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    refuseReadOnly(*body, {kKind, kLanguage, kEffectiveAt, kTranslationOf});
    body->rejectUnknown({kTitle, kBody, kSummary, "id", "version", "status", "createdAt", kKind, kLanguage,
                         kEffectiveAt, kTranslationOf});
    core::TermsText changes;
    changes.title = textMember(*body, kTitle, core::kMaxTermsTitleBytes);
    changes.body = textMember(*body, kBody, core::kMaxTermsBodyBytes);
    changes.summaryOfChanges = textMember(*body, kSummary, core::kMaxTermsSummaryBytes);
    if (auto valid = combined(*body, core::validateTermsText(changes)); !valid) return sendProblem(r, valid.error());
    auto edited = core::TermsVersions(services).editDraft(r.param("id"), changes, *ifMatch, *actor);
    if (!edited) return sendAdminProblem(r, edited.error());
    sendVersion(r, 200, *edited);
}

void publishDraft(Request& r, Services& services) {
    auto actor = requireAdmin(r, services);
    if (!actor) return;
    const auto ifMatch = ifMatchHeader(r);
    if (!requireIfMatch(r, ifMatch)) return;
    auto body = JsonBody::parse(r);
    if (!body) return sendProblem(r, body.error());
    body->rejectUnknown({kEffectiveAt});
    std::optional<std::int64_t> effectiveAt;
    if (auto text = body->optionalString(kEffectiveAt, 64)) {
        effectiveAt = parseIsoTime(*text);
        if (!effectiveAt)
            body->addError(kEffectiveAt, "invalid_format",
                           "Use an ISO 8601 time with its zone, such as 2027-01-15T09:30:00Z.");
    }
    if (auto valid = body->status(); !valid) return sendProblem(r, valid.error());
    auto published = core::TermsVersions(services).publish(r.param("id"), effectiveAt, *ifMatch, *actor);
    if (!published) return sendAdminProblem(r, published.error());
    sendVersion(r, 200, *published);
}

void deleteDraft(Request& r, Services& services) {
    auto actor = requireAdmin(r, services);
    if (!actor) return;
    auto deleted = core::TermsVersions(services).deleteDraft(r.param("id"), ifMatchHeader(r), *actor);
    if (!deleted) return sendAdminProblem(r, deleted.error());
    sendNoContent(r);
}

}  // namespace

void registerAdminTermsRoutes(Router& router, Services& services) {
    router.get(kBase, [&services](Request& r) { listVersions(r, services); });
    router.post(kBase, [&services](Request& r) { createDraft(r, services); });
    router.get(kBase + "/{id}", [&services](Request& r) { readVersion(r, services); });
    router.patch(kBase + "/{id}", [&services](Request& r) { editDraft(r, services); });
    router.del(kBase + "/{id}", [&services](Request& r) { deleteDraft(r, services); });
    router.post(kBase + "/{id}/publish", [&services](Request& r) { publishDraft(r, services); });
}

}  // namespace tessera::web
