#pragma once
// Everything a reviewer needs to decide one case: what the citizen claimed, the identity
// document and its checks (expiry, the document register's answer), every register check of
// the account (which fields matched, never the register's values), the photos and video (their
// descriptions; the bytes come through MediaTokens), the history and the notes.
//
// Personal data only to the reviewer holding the case: others (a senior looking over the
// queue, the reviewer whose claim lapsed) get a summary without the claims, the document's
// number, names and date of birth, the message to the citizen or the note texts. A full view
// is audited ("review.case_viewed"); the audit names the case, never what it shows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/Context.h"
#include "core/services/Actor.h"
#include "core/verification/ApplicationStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

struct FieldCheck {
    std::string field;  // an API field name: givenNames, dateOfBirth, address.postcode, ...
    bool matched = false;
};

struct DocumentChecks {
    std::string documentType;
    std::string expiryDate;         // YYYY-MM-DD
    bool expired = false;           // at the time of viewing
    std::int64_t daysToExpiry = 0;  // negative once expired
    // The document register's answer: "valid", "lost", "stolen", ...; empty when no register
    // is configured for the document type.
    std::string registerStatus;
    std::vector<FieldCheck> registerFields;
};

// One register check of the account (vital records, address, known fact).
struct RegisterResult {
    std::string kind;     // vital_record | address | known_fact
    std::string outcome;  // matched | needs_fallback | no_match | duplicate | unavailable
    std::vector<FieldCheck> fields;
    std::int64_t checkedAt = 0;
};

struct CaseView {
    bool full = false;  // the viewer holds the case: personal fields are filled in
    VerificationApplication application;  // claims and decisionMessage empty unless full
    std::optional<IdentityDocument> document;  // full only
    std::optional<DocumentChecks> documentChecks;
    std::vector<RegisterResult> registerResults;  // newest first
    std::vector<MediaItem> media;
    std::vector<CaseEvent> history;  // oldest first; note texts empty unless full
};

class CaseDetail {
public:
    explicit CaseDetail(Context& ctx) : ctx_(ctx), store_(ctx.db, ctx.dataKey) {}

    // Forbidden "role_required" | "conflict_of_interest"; NotFound "case_not_found".
    Result<CaseView> view(const std::string& caseId, const Actor& reviewer);

private:
    std::vector<RegisterResult> registerResultsFor(const std::string& accountId);

    Context& ctx_;
    ApplicationStore store_;
};

}  // namespace tessera::core
