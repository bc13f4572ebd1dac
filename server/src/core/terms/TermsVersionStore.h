#pragma once
// What the administration of terms versions reads and writes in terms_documents, beside
// TermsStore (which the citizen side uses): pages of versions, the numbers and effective
// times publishing depends on, and the conditional writes that keep published versions
// immutable. Every method takes the session, so callers compose one transaction.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/terms/TermsDocument.h"
#include "store/Database.h"

namespace tessera::core {

// Where a page starts: after this document, in the order version (highest first), kind, language.
struct TermsCursor {
    std::int64_t version = 0;
    std::string kind;
    std::string language;
};

struct TermsListFilter {
    std::optional<TermsKind> kind;
    std::string language;  // "" for every language
};

class TermsVersionStore {
public:
    explicit TermsVersionStore(store::Database& db) : db_(db) {}

    // Drafts and published versions, highest version first, then by kind and language.
    std::vector<TermsDocument> list(Poco::Data::Session& s, const TermsListFilter& filter, std::size_t limit,
                                    const std::optional<TermsCursor>& after);
    // The highest published version of the kind (in any language), or 0 when none is.
    std::int64_t highestPublishedVersion(Poco::Data::Session& s, TermsKind kind);
    // When the version takes effect, if a translation of it is published already.
    std::optional<std::int64_t> publishedEffectiveAt(Poco::Data::Session& s, TermsKind kind, std::int64_t version);
    // The latest effective time of the published versions below `version`, if any.
    std::optional<std::int64_t> latestEffectiveBelow(Poco::Data::Session& s, TermsKind kind, std::int64_t version);
    // Per kind, the version in force at `now` (kinds with none are absent).
    std::map<TermsKind, std::int64_t> versionsInForce(Poco::Data::Session& s, std::int64_t now);

    // Writes the draft's text if it is still a draft with exactly `before`'s text; false otherwise.
    bool updateDraftText(Poco::Data::Session& s, const TermsDocument& before, const TermsDocument& after);
    // Sets the effective time of a document that is still a draft; false otherwise.
    bool publish(Poco::Data::Session& s, const std::string& id, std::int64_t effectiveAt);
    // Deletes a document that is still a draft; false otherwise.
    bool deleteDraft(Poco::Data::Session& s, const std::string& id);

private:
    store::Database& db_;
};

}  // namespace tessera::core
