#pragma once
// Reviewer notes on a case: sealed at rest (they may name the person), kept in the case
// history, added by the reviewer holding the case. The audit entry records that a note was
// added, never its text.
#include <string>

#include "core/Context.h"
#include "core/services/Actor.h"
#include "core/verification/ApplicationStore.h"
#include "tessera/shared/Result.h"

namespace tessera::core {

class CaseNotes {
public:
    explicit CaseNotes(Context& ctx) : ctx_(ctx), store_(ctx.db, ctx.dataKey) {}

    // The history event written (its note in plain). Forbidden "role_required" |
    // "conflict_of_interest"; NotFound "case_not_found"; Conflict "claim_required" |
    // "claim_expired"; Invalid field "note" ("required", "too_long", "invalid_characters").
    Result<CaseEvent> add(const std::string& caseId, const std::string& text, const Actor& reviewer);

private:
    Context& ctx_;
    ApplicationStore store_;
};

}  // namespace tessera::core
