#pragma once
// Administration of terms versions (admin role): list, read, draft, edit a draft, publish it
// with an effective time, delete a draft. Every change is audited with the administrator.
//
// Numbers: a new draft of a kind takes the next number after the highest published version of
// that kind, so drafts of the next version in several languages share it (they are its
// translations). `translationOf` (a published document) makes a draft a translation of that
// version instead. Every translation of a version takes effect at the same time: the first one
// published sets it, the others follow it.
//
// Publishing: the effective time may not lie in the past (beyond kPublishSkewSeconds, when it
// counts as now), nor before a lower version's, nor more than kMaxScheduleSeconds ahead. Once
// it has passed, TermsService::acceptanceRequired asks every citizen to accept the new version
// at their next request. A published document is immutable and cannot be deleted.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/services/Actor.h"
#include "core/terms/TermsDocument.h"
#include "core/terms/TermsDraft.h"
#include "core/terms/TermsVersionStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

enum class TermsStatus { Draft, Scheduled, InForce, Superseded };
// "draft", "scheduled", "in_force", "superseded".
std::string toString(TermsStatus status);

struct TermsVersionView {
    TermsDocument document;
    TermsStatus status = TermsStatus::Draft;
    std::string etag;
};

struct TermsVersionPage {
    std::vector<TermsVersionView> items;
    std::string next;  // opaque cursor; empty on the last page
};

struct NewTermsDraft {
    std::string kind;      // terms_of_service, privacy_policy, data_collection
    std::string language;  // en, fr, gd
    TermsText text;        // title and body required
    std::string translationOf;  // "" or the id of a published document of the same kind
};

// The checks createDraft makes before touching the database: kind, language and the text.
Status validateDraft(const NewTermsDraft& draft);

class TermsVersions {
public:
    static constexpr std::size_t kDefaultPageSize = 50;
    static constexpr std::size_t kMaxPageSize = 200;
    static constexpr std::int64_t kPublishSkewSeconds = 300;
    static constexpr std::int64_t kMaxScheduleSeconds = 5LL * 366 * 24 * 3600;

    explicit TermsVersions(Context& ctx) : ctx_(ctx), store_(ctx.db) {}

    // Field errors: kind (invalid_choice), language (not_supported), limit (out_of_range),
    // after (bad_cursor).
    Result<TermsVersionPage> list(const std::string& kind, const std::string& language, std::size_t limit,
                                  const std::string& after);
    // NotFound "terms_not_found".
    Result<TermsVersionView> get(const std::string& id);
    // Field errors on kind, language, title, body, summaryOfChanges, translationOf (unknown_terms,
    // not_published, kind_mismatch, same_language); Conflict "draft_exists" when the document
    // already has a draft (or a published translation) of that version in that language.
    Result<TermsVersionView> createDraft(const NewTermsDraft& draft, const Actor& actor);
    // Sets the fields of `changes` that are present. Conflict "precondition_failed" when the
    // draft is no longer the one `ifMatch` names; Conflict "terms_published" once published.
    Result<TermsVersionView> editDraft(const std::string& id, const TermsText& changes, const IfMatch& ifMatch,
                                       const Actor& actor);
    // effectiveAt (Unix seconds) is required for the first translation of a version and must
    // equal the version's time for the others (field errors on effectiveAt: required,
    // in_the_past, too_far_ahead, before_previous_version, translation_effective_at).
    Result<TermsVersionView> publish(const std::string& id, std::optional<std::int64_t> effectiveAt,
                                     const IfMatch& ifMatch, const Actor& actor);
    // Conflict "terms_published" for a published document; "precondition_failed" when ifMatch
    // (if it names anything) no longer matches.
    Status deleteDraft(const std::string& id, const std::optional<IfMatch>& ifMatch, const Actor& actor);

private:
    TermsVersionView view(Poco::Data::Session& s, const TermsDocument& d);
    Status audit(Poco::Data::Session& s, const std::string& event, const TermsDocument& d, const Actor& actor,
                 std::map<std::string, std::string> details = {});
    Context& ctx_;
    TermsVersionStore store_;
};

}  // namespace tessera::core
