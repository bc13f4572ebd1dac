#include "core/terms/TermsVersions.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/NumberParser.h>
#include <Poco/Timestamp.h>

#include <algorithm>

#include "core/terms/TermsStore.h"
#include "infra/Encoding.h"
#include "infra/Random.h"
#include "tessera/shared/ProfileChoices.h"

namespace tessera::core {

namespace {

Error notFound() { return Error::notFound("terms_not_found", "There is no terms document with that id."); }

Error published() {
    return Error::conflict("terms_published",
                           "This version is published and can no longer change; write a new draft instead.");
}

Error stale(const std::string& etag) {
    return Error::conflict("precondition_failed", "The draft has changed since you read it (ETag " + etag +
                                                      "); fetch it again and repeat your change.");
}

std::string encodeCursor(const TermsDocument& d) {
    return infra::encoding::base64url(std::to_string(d.version) + ":" + toString(d.kind) + ":" + d.language);
}

std::optional<TermsCursor> decodeCursor(const std::string& text) {
    auto decoded = infra::encoding::unbase64url(text);
    if (!decoded) return std::nullopt;
    const auto first = decoded->find(':');
    const auto second = first == std::string::npos ? first : decoded->find(':', first + 1);
    if (second == std::string::npos) return std::nullopt;
    TermsCursor c;
    Poco::Int64 version = 0;
    if (!Poco::NumberParser::tryParse64(decoded->substr(0, first), version) || version < 0) return std::nullopt;
    c.version = version;
    c.kind = decoded->substr(first + 1, second - first - 1);
    c.language = decoded->substr(second + 1);
    if (!termsKindFrom(c.kind)) return std::nullopt;
    return c;
}

TermsStatus statusOf(const TermsDocument& d, const std::map<TermsKind, std::int64_t>& inForce, std::int64_t now) {
    if (isDraft(d)) return TermsStatus::Draft;
    if (d.effectiveAt > now) return TermsStatus::Scheduled;
    auto it = inForce.find(d.kind);
    return it != inForce.end() && it->second == d.version ? TermsStatus::InForce : TermsStatus::Superseded;
}

// Checks kind and language as given by an administrator.
Result<TermsKind> checkKindAndLanguage(const std::string& kind, const std::string& language) {
    std::vector<FieldError> errors;
    auto parsed = termsKindFrom(kind);
    if (!parsed)
        errors.push_back({"kind", kind.empty() ? "required" : "invalid_choice",
                          "Use terms_of_service, privacy_policy or data_collection."});
    if (auto valid = validate::language(language, "language"); !valid)
        for (const auto& f : valid.error().fields) errors.push_back(f);
    if (!errors.empty()) return Error::invalid("validation_failed", "Some fields need to be corrected.", errors);
    return *parsed;
}

std::string isoForPeople(std::int64_t t) {
    return Poco::DateTimeFormatter::format(Poco::Timestamp::fromEpochTime(static_cast<std::time_t>(t)),
                                           Poco::DateTimeFormat::ISO8601_FORMAT);
}

}  // namespace

std::string toString(TermsStatus status) {
    switch (status) {
        case TermsStatus::Draft: return "draft";
        case TermsStatus::Scheduled: return "scheduled";
        case TermsStatus::InForce: return "in_force";
        case TermsStatus::Superseded: return "superseded";
    }
    return "draft";
}

TermsVersionView TermsVersions::view(Poco::Data::Session& s, const TermsDocument& d) {
    const std::int64_t now = ctx_.clock.now();
    return {d, statusOf(d, store_.versionsInForce(s, now), now), termsEtag(d)};
}

Status TermsVersions::audit(Poco::Data::Session& s, const std::string& event, const TermsDocument& d,
                            const Actor& actor, std::map<std::string, std::string> details) {
    details["kind"] = toString(d.kind);
    details["language"] = d.language;
    details["version"] = std::to_string(d.version);
    return ctx_.audit.append(s, {event, actor.accountId, d.id, actor.clientAddress, std::move(details)});
}

Result<TermsVersionPage> TermsVersions::list(const std::string& kind, const std::string& language, std::size_t limit,
                                             const std::string& after) {
    std::vector<FieldError> errors;
    TermsListFilter filter;
    if (!kind.empty()) {
        filter.kind = termsKindFrom(kind);
        if (!filter.kind)
            errors.push_back({"kind", "invalid_choice", "Use terms_of_service, privacy_policy or data_collection."});
    }
    if (!language.empty()) {
        if (auto valid = validate::language(language, "language"); !valid)
            for (const auto& f : valid.error().fields) errors.push_back(f);
        filter.language = language;
    }
    if (limit < 1 || limit > kMaxPageSize)
        errors.push_back({"limit", "out_of_range", "Must be from 1 to " + std::to_string(kMaxPageSize) + "."});
    std::optional<TermsCursor> cursor;
    if (!after.empty()) {
        cursor = decodeCursor(after);
        if (!cursor) errors.push_back({"after", "bad_cursor", "Use the `next` value of the previous page."});
    }
    if (!errors.empty()) return Error::invalid("validation_failed", "Some fields need to be corrected.", errors);

    Poco::Data::Session s = ctx_.db.session();
    auto documents = store_.list(s, filter, limit + 1, cursor);  // one more tells whether a page follows
    TermsVersionPage page;
    if (documents.size() > limit) {
        documents.resize(limit);
        page.next = encodeCursor(documents.back());
    }
    const std::int64_t now = ctx_.clock.now();
    const auto inForce = store_.versionsInForce(s, now);
    for (auto& d : documents) {
        const TermsStatus status = statusOf(d, inForce, now);
        std::string etag = termsEtag(d);
        page.items.push_back({std::move(d), status, std::move(etag)});
    }
    return page;
}

Result<TermsVersionView> TermsVersions::get(const std::string& id) {
    Poco::Data::Session s = ctx_.db.session();
    auto found = TermsStore(ctx_.db).findById(s, id);
    if (!found) return notFound();
    return view(s, *found);
}

Status validateDraft(const NewTermsDraft& draft) {
    auto kind = checkKindAndLanguage(draft.kind, draft.language);
    auto text = validateTermsText({draft.text.title.value_or(""), draft.text.body.value_or(""),
                                   draft.text.summaryOfChanges.value_or("")});
    if (kind && text) return {};
    std::vector<FieldError> errors;
    if (!kind) errors = kind.error().fields;
    if (!text) errors.insert(errors.end(), text.error().fields.begin(), text.error().fields.end());
    return Error::invalid("validation_failed", "Some fields need to be corrected.", errors);
}

Result<TermsVersionView> TermsVersions::createDraft(const NewTermsDraft& draft, const Actor& actor) {
    if (auto valid = validateDraft(draft); !valid) return valid.error();
    const TermsKind kind = *termsKindFrom(draft.kind);
    const TermsText text{draft.text.title.value_or(""), draft.text.body.value_or(""),
                         draft.text.summaryOfChanges.value_or("")};
    return ctx_.db.transaction<TermsVersionView>([&](Poco::Data::Session& s) -> Result<TermsVersionView> {
        TermsStore documents(ctx_.db);
        TermsDocument d;
        d.id = infra::random::id();
        d.kind = kind;
        d.language = draft.language;
        d.title = *text.title;
        d.body = *text.body;
        d.summaryOfChanges = *text.summaryOfChanges;
        d.effectiveAt = kDraftEffectiveAt;
        d.createdAt = ctx_.clock.now();
        if (!draft.translationOf.empty()) {
            auto original = documents.findById(s, draft.translationOf);
            if (!original)
                return Error::field("translationOf", "unknown_terms", "There is no terms document with that id.");
            if (isDraft(*original))
                return Error::field("translationOf", "not_published",
                                    "Translate a published version; drafts of the next version in other languages "
                                    "share its number already.");
            if (original->kind != d.kind)
                return Error::field("translationOf", "kind_mismatch",
                                    "That document is a " + toString(original->kind) + ", not a " + toString(d.kind) + ".");
            if (original->language == d.language)
                return Error::field("translationOf", "same_language", "A translation must be in another language.");
            d.version = original->version;
        } else {
            d.version = store_.highestPublishedVersion(s, d.kind) + 1;
        }
        if (auto inserted = documents.insert(s, d); !inserted) {
            if (inserted.error().code != "terms_version_exists") return inserted.error();
            return Error::conflict("draft_exists", "Version " + std::to_string(d.version) + " of this document in " +
                                                       d.language + " exists already (a draft or published); edit the draft rather than starting another.");
        }
        if (auto audited = audit(s, "terms.draft_created", d, actor); !audited) return audited.error();
        return view(s, d);
    });
}

Result<TermsVersionView> TermsVersions::editDraft(const std::string& id, const TermsText& changes,
                                                  const IfMatch& ifMatch, const Actor& actor) {
    if (auto valid = validateTermsText(changes); !valid) return valid.error();
    return ctx_.db.transaction<TermsVersionView>([&](Poco::Data::Session& s) -> Result<TermsVersionView> {
        auto before = TermsStore(ctx_.db).findById(s, id);
        if (!before) return notFound();
        if (!isDraft(*before)) return published();
        const std::string etag = termsEtag(*before);
        if (!ifMatch.matches(etag)) return stale(etag);
        TermsDocument after = *before;
        std::string fields;
        auto apply = [&](const std::optional<std::string>& value, std::string& target, const char* name) {
            if (!value || *value == target) return;
            target = *value;
            fields += (fields.empty() ? "" : ",") + std::string(name);
        };
        apply(changes.title, after.title, "title");
        apply(changes.body, after.body, "body");
        apply(changes.summaryOfChanges, after.summaryOfChanges, "summaryOfChanges");
        if (fields.empty()) return view(s, after);  // nothing changes, nothing to audit
        // The text compared in the update is the one the ETag was checked against, so a
        // concurrent edit between the read and the write makes this one fail, not vanish.
        if (!store_.updateDraftText(s, *before, after)) return stale(etag);
        if (auto audited = audit(s, "terms.draft_updated", after, actor, {{"fields", fields}}); !audited)
            return audited.error();
        return view(s, after);
    });
}

Result<TermsVersionView> TermsVersions::publish(const std::string& id, std::optional<std::int64_t> effectiveAt,
                                                const IfMatch& ifMatch, const Actor& actor) {
    return ctx_.db.transaction<TermsVersionView>([&](Poco::Data::Session& s) -> Result<TermsVersionView> {
        // Two translations of one version published at once must not take different times.
        if (ctx_.db.backend() == store::Backend::PostgreSQL)
            s << "LOCK TABLE terms_documents IN SHARE ROW EXCLUSIVE MODE", Poco::Data::Keywords::now;
        auto found = TermsStore(ctx_.db).findById(s, id);
        if (!found) return notFound();
        TermsDocument d = *found;
        if (!isDraft(d)) return published();
        const std::string etag = termsEtag(d);
        if (!ifMatch.matches(etag)) return stale(etag);

        const std::int64_t now = ctx_.clock.now();
        if (auto fixed = store_.publishedEffectiveAt(s, d.kind, d.version)) {
            if (effectiveAt && *effectiveAt != *fixed)
                return Error::field("effectiveAt", "translation_effective_at",
                                    "Version " + std::to_string(d.version) + " takes effect at " + isoForPeople(*fixed) +
                                        " in every language; send that time or leave effectiveAt out.");
            d.effectiveAt = *fixed;
        } else {
            if (!effectiveAt)
                return Error::field("effectiveAt", "required", "Say when this version takes effect (ISO 8601 time).");
            if (*effectiveAt < now - kPublishSkewSeconds)
                return Error::field("effectiveAt", "in_the_past",
                                    "A new version cannot take effect in the past; choose now or a later time.");
            if (*effectiveAt > now + kMaxScheduleSeconds)
                return Error::field("effectiveAt", "too_far_ahead", "Choose a time within five years.");
            d.effectiveAt = std::max(*effectiveAt, now);
            if (auto previous = store_.latestEffectiveBelow(s, d.kind, d.version); previous && d.effectiveAt < *previous)
                return Error::field("effectiveAt", "before_previous_version",
                                    "The previous version takes effect at " + isoForPeople(*previous) +
                                        "; this one cannot take effect before it.");
        }
        if (!store_.publish(s, d.id, d.effectiveAt)) return stale(etag);
        if (auto audited = audit(s, "terms.published", d, actor, {{"effectiveAt", std::to_string(d.effectiveAt)}});
            !audited)
            return audited.error();
        return view(s, d);
    });
}

Status TermsVersions::deleteDraft(const std::string& id, const std::optional<IfMatch>& ifMatch, const Actor& actor) {
    return ctx_.db.transaction<void>([&](Poco::Data::Session& s) -> Status {
        auto found = TermsStore(ctx_.db).findById(s, id);
        if (!found) return notFound();
        if (!isDraft(*found)) return published();
        const std::string etag = termsEtag(*found);
        if (ifMatch && !ifMatch->matches(etag)) return stale(etag);
        if (!store_.deleteDraft(s, id)) return published();
        return audit(s, "terms.draft_deleted", *found, actor);
    });
}

}  // namespace tessera::core
