#pragma once
// A terms version an administrator is still writing. Drafts live in terms_documents beside the
// published versions, with effective_at set to kDraftEffectiveAt: every reader of the table
// asks for documents effective at or before a time, so a draft is never in force, never
// offered for acceptance and never accepted. Publishing sets the real effective time; from
// then on the document is immutable.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/terms/TermsDocument.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

inline constexpr std::int64_t kDraftEffectiveAt = std::numeric_limits<std::int64_t>::max();

// Limits on what an administrator writes (UTF-8 bytes). The body must also fit in one request
// (http.max_body_bytes, 64 KiB by default), so its limit stays below that.
inline constexpr std::size_t kMaxTermsTitleBytes = 200;
inline constexpr std::size_t kMaxTermsBodyBytes = 60000;
inline constexpr std::size_t kMaxTermsSummaryBytes = 2000;

inline bool isDraft(const TermsDocument& d) { return d.effectiveAt == kDraftEffectiveAt; }

// The text of a draft. An edit sets only what it names.
struct TermsText {
    std::optional<std::string> title, body, summaryOfChanges;
};

// Field errors on "title" and "body" (required, too_long, not_utf8, control_characters) and
// "summaryOfChanges" (too_long, not_utf8, control_characters). Line breaks and tabs are
// allowed in the body and the summary, not in the title. Only the fields that are set are
// checked, so a draft's whole text is checked by passing all three.
Status validateTermsText(const TermsText& text);

// The entity tag of a document as it is now: a strong tag over its id, text and effective
// time, so any edit or the publication changes it.
std::string termsEtag(const TermsDocument& d);

// An If-Match header's tags (strong only; RFC 9110 §13.1.1), or `*`.
struct IfMatch {
    bool any = false;
    std::vector<std::string> tags;  // as sent, with their quotes
    bool matches(const std::string& etag) const;
};

}  // namespace tessera::core
